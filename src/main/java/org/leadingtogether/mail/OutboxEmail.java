package org.leadingtogether.mail;

import java.io.Serializable;
import java.time.Instant;

/** An email not sent yet, as an administrator sees it: waiting for its next try, or failed after a day of tries. */
public record OutboxEmail(long id, String recipient, String subject, Instant written, int attempts, String lastError, Instant nextTry,
                          Instant failedAt) implements Serializable {

    public boolean failed() {
        return failedAt != null;
    }
}
