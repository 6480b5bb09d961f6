package org.leadingtogether.booking;

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
 * Every minute: write the day-before reminders that are due. The timer is not persistent: each instance of a cluster
 * runs its own, and the claims in {@link BookingReminders} make sure each reminder is written once. The reminders go
 * out as soon as they are written, like any email (the outbox's {@code NoticeDispatch}); the outbox's own timer
 * ({@code mail.MailJobs}) tries again any that could not be sent.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BookingJobs {

    private static final Logger LOG = Logger.getLogger(BookingJobs.class.getName());

    private final AtomicBoolean running = new AtomicBoolean();

    @Inject
    private BookingReminders reminders;

    @Inject
    private Clock clock;

    @Schedule(hour = "*", minute = "*", persistent = false, info = "booking reminders")
    void everyMinute() {
        if (!running.compareAndSet(false, true)) {
            return; // the previous run is still going
        }
        try {
            reminders.remindDue(clock.instant());
        } catch (RuntimeException failed) {
            LOG.log(Level.WARNING, "Writing booking reminders failed this minute; the next run tries again", failed);
        } finally {
            running.set(false);
        }
    }
}
