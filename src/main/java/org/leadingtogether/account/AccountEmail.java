package org.leadingtogether.account;

import java.time.Instant;

/**
 * An email the account feature asks to be sent (a password reset link), fired in the transaction that made it. The
 * portal's outbox (the mail feature's, which keeps trying while the mail server is away) writes it in that same
 * transaction and sends it once it commits, so an email goes only for a change that was saved.
 *
 * @param worthlessAfter after this moment the email is not worth sending (its link has expired), and its text, which
 *                       holds the link, is not kept once the email has gone
 */
public record AccountEmail(String recipient, String subject, String body, Instant worthlessAfter) {
}
