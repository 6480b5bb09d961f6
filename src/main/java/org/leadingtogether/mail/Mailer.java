package org.leadingtogether.mail;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;

/**
 * Sends the portal's emails by SMTP, configured from the environment: {@code SMTP_HOST} (no host: email is off),
 * {@code SMTP_PORT} (25), {@code SMTP_USER} and {@code SMTP_PASSWORD} (optional), {@code SMTP_STARTTLS}
 * ({@code true} to require TLS) and {@code SMTP_FROM}. An email with an invitation carries it as a
 * {@code text/calendar} alternative with its method, which is what Outlook and Google read as an invitation.
 */
@ApplicationScoped
public class Mailer {

    @Inject
    @ConfigProperty(name = "smtp.host")
    private Optional<String> host;

    @Inject
    @ConfigProperty(name = "smtp.port", defaultValue = "25")
    private int port;

    @Inject
    @ConfigProperty(name = "smtp.user")
    private Optional<String> user;

    @Inject
    @ConfigProperty(name = "smtp.password")
    private Optional<String> password;

    @Inject
    @ConfigProperty(name = "smtp.starttls", defaultValue = "false")
    private boolean starttls;

    @Inject
    @ConfigProperty(name = "smtp.from", defaultValue = "Leading Together <no-reply@leadingtogether.invalid>")
    private String from;

    private Session session;
    private InternetAddress sender;

    @PostConstruct
    void configure() {
        try {
            sender = new InternetAddress(from, true);
        } catch (AddressException wrong) {
            throw new IllegalStateException("SMTP_FROM is not an email address: " + from, wrong);
        }
        if (!isOn()) {
            return;
        }
        Properties properties = new Properties();
        properties.put("mail.smtp.host", host.get().strip());
        properties.put("mail.smtp.port", String.valueOf(port));
        properties.put("mail.smtp.connectiontimeout", "10000");
        properties.put("mail.smtp.timeout", "20000");
        properties.put("mail.smtp.writetimeout", "20000");
        if (starttls) {
            properties.put("mail.smtp.starttls.enable", "true");
            properties.put("mail.smtp.starttls.required", "true");
        }
        Authenticator authenticator = null;
        if (user.filter(u -> !u.isBlank()).isPresent()) {
            properties.put("mail.smtp.auth", "true");
            authenticator = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(user.get(), password.orElse(""));
                }
            };
        }
        session = Session.getInstance(properties, authenticator);
    }

    /** Whether email is configured at all. */
    public boolean isOn() {
        return host.filter(h -> !h.isBlank()).isPresent();
    }

    /**
     * The name invitations and emails come from (an invitation's organiser): the one {@code SMTP_FROM} gives, else
     * "Leading Together". Name and address, not a calendar's type, so that this feature knows nothing of bookings.
     */
    public String senderName() {
        return sender.getPersonal() == null ? "Leading Together" : sender.getPersonal();
    }

    /** The address invitations and emails come from. */
    public String senderAddress() {
        return sender.getAddress();
    }

    /** Sends one email: plain text, with the invitation as a calendar alternative when there is one. */
    public void send(String to, String subject, String body, String calendar, String method) throws MessagingException {
        if (session == null) {
            throw new MessagingException("Email is off: SMTP_HOST is not set.");
        }
        MimeMessage message = new MimeMessage(session);
        message.setFrom(sender);
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
        message.setSubject(subject, StandardCharsets.UTF_8.name());
        message.setSentDate(new Date());
        if (calendar == null) {
            message.setText(body, StandardCharsets.UTF_8.name());
        } else {
            MimeBodyPart text = new MimeBodyPart();
            text.setText(body, StandardCharsets.UTF_8.name());
            MimeBodyPart invitation = new MimeBodyPart();
            invitation.setContent(calendar, "text/calendar; charset=UTF-8; method=" + method);
            invitation.setHeader("Content-Transfer-Encoding", "8bit");
            try {
                invitation.setFileName("invitation.ics");
            } catch (MessagingException ignored) {
                // a name is a courtesy for mail programs that show the part as a file
            }
            MimeMultipart alternatives = new MimeMultipart("alternative");
            alternatives.addBodyPart(text);
            alternatives.addBodyPart(invitation);
            message.setContent(alternatives);
        }
        message.saveChanges();
        Transport.send(message);
    }

    static InternetAddress address(String email, String name) {
        try {
            return new InternetAddress(email, name, StandardCharsets.UTF_8.name());
        } catch (UnsupportedEncodingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
