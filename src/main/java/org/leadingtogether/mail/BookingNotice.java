package org.leadingtogether.mail;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.leadingtogether.platform.BaseEntity;

import java.time.Instant;

/**
 * One email of the outbox waiting to go, or gone. Written complete (recipient, subject, text, invitation) in the
 * same transaction as the change it reports, so an email goes only for a change that was saved, and says what
 * was true at that moment. {@link NoticeSender} claims and sends it after the transaction commits.
 *
 * <p>The booking feature's emails carry the booking they are about (a reminder is dropped if its booking was cancelled
 * since). Other features send their emails through the same outbox ({@link #email}, then fire {@link NoticesQueued}),
 * so they are tried again while the mail server is away and listed for an administrator if they fail: such an email
 * belongs to no booking.
 *
 * <p>The name, and the table's ({@code booking_notice}), are from when the outbox served booking alone; they are
 * kept, since a table's name is part of the migrations and of what is already stored.
 */
@Entity
@Table(name = "booking_notice")
public class BookingNotice extends BaseEntity {

    private static final long serialVersionUID = 1L;

    /** The booking the email is about; none for another feature's email (a password reset link, a 360 invitation). */
    @Column(name = "booking_id", updatable = false)
    private Long bookingId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private NoticeKind kind;

    @Column(nullable = false, updatable = false)
    private String recipient;

    @Column(nullable = false, updatable = false)
    private String subject;

    @Column(nullable = false, updatable = false)
    private String body;

    @Column(updatable = false)
    private String calendar;

    @Column(name = "calendar_method", updatable = false)
    private String calendarMethod;

    @Column(name = "sent_at")
    private Instant sentAt;

    /** After this the email is not worth sending, and its text (a link) is not kept once it has gone; null: always worth it. */
    @Column(name = "worthless_after", updatable = false)
    private Instant worthlessAfter;

    /** Read only: tries, the last error, the next try and giving up are written by {@link NoticeOutbox}'s claims. */
    @Column(insertable = false, updatable = false)
    private int attempts;

    @Column(name = "last_error", insertable = false, updatable = false)
    private String lastError;

    @Column(name = "claimed_until", insertable = false, updatable = false)
    private Instant claimedUntil;

    @Column(name = "failed_at", insertable = false, updatable = false)
    private Instant failedAt;

    protected BookingNotice() {
    }

    public BookingNotice(Long bookingId, NoticeKind kind, String recipient, String subject, String body,
                         String calendar, String calendarMethod) {
        this.bookingId = bookingId;
        this.kind = kind;
        this.recipient = recipient;
        this.subject = subject.length() > 300 ? subject.substring(0, 297) + "..." : subject;
        this.body = body;
        this.calendar = calendar;
        this.calendarMethod = calendarMethod;
    }

    /** An email of the account feature (a password reset link), about no booking; see {@link AccountEmails}. */
    static BookingNotice ofAccount(NoticeKind kind, String recipient, String subject, String body, Instant worthlessAfter) {
        BookingNotice notice = new BookingNotice();
        notice.kind = kind;
        notice.recipient = recipient;
        notice.subject = subject;
        notice.body = body;
        notice.worthlessAfter = worthlessAfter;
        return notice;
    }

    public Instant getWorthlessAfter() {
        return worthlessAfter;
    }

    /**
     * An email about no booking, written by another feature in its own transaction: persist it, then fire
     * {@link NoticesQueued} so that it is sent once the transaction commits.
     */
    public static BookingNotice email(NoticeKind kind, String recipient, String subject, String body) {
        return new BookingNotice(null, kind, recipient, subject, body, null, null);
    }

    public Long getBookingId() {
        return bookingId;
    }

    public NoticeKind getKind() {
        return kind;
    }

    public String getRecipient() {
        return recipient;
    }

    public String getSubject() {
        return subject;
    }

    public String getBody() {
        return body;
    }

    public String getCalendar() {
        return calendar;
    }

    public String getCalendarMethod() {
        return calendarMethod;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public int getAttempts() {
        return attempts;
    }

    public String getLastError() {
        return lastError;
    }

    /** When the next try is due (while waiting), or until when an instance holds it. */
    public Instant getClaimedUntil() {
        return claimedUntil;
    }

    /** When the outbox gave up on it, if it did. */
    public Instant getFailedAt() {
        return failedAt;
    }
}
