/**
 * The outbox: every email the portal sends, whichever feature asks for it, and the administrators' page of those not
 * sent yet.
 *
 * <p>How an email goes:
 * <ul>
 *   <li><b>Written in the change's own transaction.</b> A feature persists a complete
 *       {@link org.leadingtogether.mail.BookingNotice} (recipient, subject, text, an invitation if any) in the same
 *       transaction as the change that called for it, and fires {@link org.leadingtogether.mail.NoticesQueued}; the
 *       account feature fires its own {@code AccountEmail} instead and {@link org.leadingtogether.mail.AccountEmails}
 *       writes it. So an email goes only for a change that was saved, and says what was true at that moment.</li>
 *   <li><b>Sent after commit, outside any transaction.</b> {@link org.leadingtogether.mail.NoticeDispatch} hears the
 *       event once the transaction has committed (never for one rolled back) and {@link
 *       org.leadingtogether.mail.NoticeSender} sends on another thread, so a slow mail server never holds the locks
 *       of the change, nor keeps its page waiting. The outbox's own timer ({@link org.leadingtogether.mail.MailJobs})
 *       calls the sender every minute too, for what failed or was left by an instance that stopped.</li>
 *   <li><b>Once, in a cluster.</b> {@link org.leadingtogether.mail.NoticeOutbox} claims a row with a conditional
 *       update only one instance can win, for a few minutes, before sending it. What became of it is written down
 *       through {@link org.leadingtogether.platform.persistence.TransientRetry}, so a deadlock between two senders
 *       costs a moment, not the rest of the run.</li>
 *   <li><b>Tried again while the mail server is away</b>, with pauses that double (1, 2, 4 … minutes, then hourly),
 *       for a day; then marked as failed with its last error, logged, and listed for an administrator
 *       ({@code /admin/emails.xhtml}, {@link org.leadingtogether.mail.MailService}), who can send it again. Nothing
 *       is dropped without a trace, bar what is no longer worth sending: a reminder of a booking cancelled since
 *       (the booking feature answers {@link org.leadingtogether.mail.StandingBookings}), a link that has
 *       expired.</li>
 *   <li><b>No working link kept.</b> Once an email that carried a secret link has gone, the outbox keeps its text
 *       with the link taken out ({@link org.leadingtogether.mail.NoticeKind#carriesSecretLink()}), or none at all
 *       for a password reset.</li>
 * </ul>
 * {@link org.leadingtogether.mail.Mailer} speaks SMTP from the environment ({@code SMTP_HOST} and its friends);
 * without {@code SMTP_HOST} email is off: nothing is sent, and most features write nothing either
 * ({@link org.leadingtogether.mail.Mailer#isOn()}), bar the 360 invitations and reminders a learner sends, which
 * are written all the same and wait.
 *
 * <p>Why a feature of its own: account, booking, feedback and notification all send through it, and it began inside
 * booking, which made the others depend on booking for their email. Here it depends only on the platform and on the
 * account feature's event, so every feature that sends email can depend on it and features stay one-way
 * ({@code FeatureDependenciesTest}). The entity and its table keep their first names ({@code BookingNotice},
 * {@code booking_notice}) since the table is part of the migrations and of what is already stored.
 */
package org.leadingtogether.mail;
