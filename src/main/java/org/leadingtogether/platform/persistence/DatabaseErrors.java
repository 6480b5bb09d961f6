package org.leadingtogether.platform.persistence;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;

/**
 * What a database failure was, read from the {@link SQLException} at the bottom of whatever the persistence layer
 * and the container wrapped around it, so that each kind is answered as what it is:
 * <ul>
 *   <li>a unique key refused a second row: a rule of the portal (a slot taken, a form sent twice);</li>
 *   <li>a deadlock or a lock wait that ran out: the change can be tried again;</li>
 *   <li>the database cannot be reached: the portal is temporarily unavailable;</li>
 *   <li>every connection of the pool stayed in use for as long as a request waits for one: the portal is busy, and
 *       the database may well be answering (a long lock, or more pages under way than connections).</li>
 * </ul>
 * SQL states are the standard ones (class 23 integrity, 40001 serialisation failure, class 08 connection), with
 * MariaDB's error numbers for the cases its driver reports under a general state (1062 duplicate key, 1205 lock
 * wait timeout, 1213 deadlock) and H2's (23505 duplicate, 40001 deadlock, 50200 lock timeout).
 */
public final class DatabaseErrors {

    private DatabaseErrors() {
    }

    /** The first SQL exception in the chain of causes, if any. */
    public static Optional<SQLException> sqlCause(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return Optional.of(sql);
            }
        }
        return Optional.empty();
    }

    /** A unique key (or another integrity constraint) refused the write. */
    public static boolean isDuplicate(Throwable thrown) {
        return sqlCause(thrown).map(sql -> sql instanceof SQLIntegrityConstraintViolationException
                || sql.getErrorCode() == 1062 || sql.getErrorCode() == 23505
                || (sql.getSQLState() != null && sql.getSQLState().startsWith("23"))).orElse(false);
    }

    /** Two transactions waited for each other, or a lock wait ran out: trying again may well succeed. */
    public static boolean isRetryable(Throwable thrown) {
        return sqlCause(thrown).map(sql -> sql.getErrorCode() == 1213 || sql.getErrorCode() == 1205 || sql.getErrorCode() == 50200
                || "40001".equals(sql.getSQLState()) || "HY008".equals(sql.getSQLState())).orElse(false);
    }

    /**
     * The database rolled the transaction back to break a circle of waits (a deadlock, or a serialisation failure):
     * nothing of it is left, and the same change made again a moment later will very likely go through. A
     * {@link org.leadingtogether.platform.DatabaseBusyException} made from one counts too.
     */
    public static boolean isDeadlock(Throwable thrown) {
        return sqlCause(thrown).map(sql -> sql.getErrorCode() == 1213 || "40001".equals(sql.getSQLState())).orElse(false);
    }

    /**
     * Every connection of the pool stayed in use for as long as a request waits for one
     * ({@link DatabaseMigration#CONNECTION_WAIT_MILLIS}), so none was given. The pool says so only in words, which
     * name its {@code max-pool-size} setting ("In-use connections equal max-pool-size and expired max-wait-time"), at
     * whichever depth of the chain the container put them. {@link #isUnavailable} is true of it too: the page is the
     * same "temporarily unavailable" one, but the log should not say the database has gone.
     */
    public static boolean isPoolFull(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause.getMessage() != null && cause.getMessage().contains("max-pool-size")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The database could not be reached: no connection could be made, or the one in use broke. Recognised by the
     * SQL exception's kind and state, and by the connection pool's own refusal, which names no SQL state.
     */
    public static boolean isUnavailable(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLRecoverableException || cause instanceof java.net.ConnectException
                    || cause instanceof java.net.SocketException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
            if (cause.getClass().getName().equals("jakarta.resource.ResourceException")
                    || cause.getClass().getName().endsWith("PoolingException")) {
                return true;
            }
        }
        return false;
    }
}
