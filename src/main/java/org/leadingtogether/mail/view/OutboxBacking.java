package org.leadingtogether.mail.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.leadingtogether.mail.MailService;
import org.leadingtogether.mail.OutboxEmail;
import org.leadingtogether.platform.web.FormIntent;
import org.leadingtogether.platform.web.Messages;

import java.io.Serializable;
import java.util.List;

/**
 * The emails the portal has not sent yet ({@code /admin/emails.xhtml}): those waiting for their next try while the
 * mail server is away, and those it gave up on after a day, each with its last error; an administrator sends any of
 * them again (the row's id travels with the button pressed).
 */
@Named
@ViewScoped
public class OutboxBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private MailService mail;

    private List<OutboxEmail> emails;

    public void load() {
        emails = mail.getUnsentEmails();
    }

    public String sendAgain() {
        mail.sendEmailAgain(FormIntent.chosenId("emails:again"));
        Messages.flashInfo("The email is being sent again now.");
        return "/admin/emails?faces-redirect=true";
    }

    public List<OutboxEmail> getEmails() {
        return emails;
    }

    /**
     * The mail server's answer in words for the page: the error as stored names the Java classes that carried it
     * ("jakarta.mail.MailConnectException: Couldn't connect to host … nested exception is: java.net.ConnectException:
     * Connection refused"), which an administrator need not read; what the server said is kept.
     */
    public String reason(String lastError) {
        return plainReason(lastError);
    }

    static String plainReason(String lastError) {
        if (lastError == null) {
            return "";
        }
        String plain = lastError.replaceAll("nested exception is:?\\s*", "")
                .replaceAll("\\b(?:[a-z_$][\\w$]*\\.)*[A-Z][\\w$]*(?:Exception|Error)\\b:?\\s*", "").strip();
        return plain.isEmpty() ? "The mail server could not be reached." : plain;
    }
}
