package org.leadingtogether.feedback;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every minute, as the outbox's timer does: write the 360 reminders that are due ({@link FeedbackReminders}). Not
 * persistent: each instance of a cluster runs its own, and the claim per rater makes sure each is reminded once. Every
 * minute rather than once a day, so that a portal started or restarted at any hour still reminds on the right day; a
 * run reads one small indexed statement.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class FeedbackJobs {

    private static final Logger LOG = Logger.getLogger(FeedbackJobs.class.getName());

    private final AtomicBoolean running = new AtomicBoolean();

    @Inject
    private FeedbackReminders reminders;

    @Inject
    private Clock clock;

    @Schedule(hour = "*", minute = "*", persistent = false, info = "360 reminders")
    void everyMinute() {
        if (!running.compareAndSet(false, true)) {
            return; // the previous run is still going
        }
        try {
            reminders.remindDue(clock.instant());
        } catch (RuntimeException failed) {
            LOG.log(Level.WARNING, "360 reminders failed this minute; the next run tries again", failed);
        } finally {
            running.set(false);
        }
    }
}
