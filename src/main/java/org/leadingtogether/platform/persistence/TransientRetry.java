package org.leadingtogether.platform.persistence;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.leadingtogether.platform.DatabaseBusyException;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Runs a change in a transaction of its own and, when the database gives the change up for a reason of its own (a
 * deadlock: two changes waited for each other and it rolled one back), runs it again, three times in all, a few
 * milliseconds apart. Services call it at their boundary for the changes people make at busy moments (booking,
 * enrolment), so a deadlock costs the person nothing: the change is simply made a moment later. The outbox's sender
 * calls it too, for what became of each email, which two senders at the same moment may write at once, and so do the
 * reminder jobs, for each booking or rater they claim. Only when every try failed is the person told, as what it is
 * ({@link DatabaseBusyException}: nothing saved, try again), never as a rule of the portal (a slot taken, a cohort
 * full).
 *
 * <p>Why here and not in an interceptor on the service: an interceptor runs inside the service method's own
 * transaction, and a transaction the database rolled back cannot be tried again from inside it. So the service
 * method that uses this one declares {@code SUPPORTS}, and the change (its body) runs in {@link #once}'s
 * transaction. Called inside a transaction that is already under way (one change made of several), the change
 * joins it and is not tried again on its own: it stands or falls with the whole.
 *
 * <p>A lock wait that ran out is not tried again: the person has already waited the database's whole lock wait, and
 * is told at once. The change is written (flushed) before each try ends, so that a refusal at the database surfaces
 * here, where it can be tried again, rather than when the transaction commits.
 */
@Stateless
@PermitAll
public class TransientRetry {

    private static final Logger LOG = Logger.getLogger(TransientRetry.class.getName());

    /** Tries in all, the first included. */
    static final int TRIES = 3;

    @PersistenceContext
    private EntityManager em;

    @Resource
    private TransactionSynchronizationRegistry transactions;

    @Resource
    private SessionContext context;

    /** Runs {@code change} in a transaction, and again (up to {@value #TRIES} tries in all) if the database gave it up in a deadlock. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public <T> T call(Supplier<T> change) {
        if (transactions.getTransactionStatus() != Status.STATUS_NO_TRANSACTION) {
            return change.get();
        }
        TransientRetry self = context.getBusinessObject(TransientRetry.class);
        for (int attempt = 1; ; attempt++) {
            try {
                return self.once(change);
            } catch (RuntimeException failed) {
                if (!DatabaseErrors.isDeadlock(failed)) {
                    throw failed;
                }
                if (attempt == TRIES) {
                    LOG.warning(() -> "A change was given up in a deadlock " + TRIES + " times running; the person was asked to try again");
                    throw new DatabaseBusyException(failed);
                }
                int tried = attempt;
                LOG.fine(() -> "Deadlock on try " + tried + "; trying again");
                pause(attempt);
            }
        }
    }

    /** {@link #call} for a change that gives nothing back. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public void run(Runnable change) {
        call(() -> {
            change.run();
            return null;
        });
    }

    /** One try, in a transaction of its own (or the caller's), written before it returns. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public <T> T once(Supplier<T> change) {
        T result = change.get();
        em.flush();
        return result;
    }

    /** A short pause, longer after each try and never the same for two people, so that two changes do not meet again. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(10, 40) * attempt);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
