package org.leadingtogether.platform;

import jakarta.ejb.ApplicationException;

/**
 * The database refused a change for a reason of its own (two changes waited for each other, or a lock was held too
 * long), and trying again did not help. Nothing was saved, and the person is told so and asked to try again; it is
 * never passed off as a rule of the portal ("that slot has just been taken").
 */
@ApplicationException(rollback = true)
public class DatabaseBusyException extends BusinessException {

    private static final long serialVersionUID = 1L;

    static final String MESSAGE = "The portal was too busy to save this just now, and nothing was saved. Please try again.";

    public DatabaseBusyException() {
        super(MESSAGE);
    }

    /** The same, keeping the database's own refusal as the cause, for the log and for telling a deadlock from a lock wait. */
    public DatabaseBusyException(Throwable cause) {
        super(MESSAGE);
        initCause(cause);
    }
}
