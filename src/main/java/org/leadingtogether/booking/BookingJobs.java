package org.leadingtogether.booking;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.leadingtogether.mail.NoticeOutbox;
import org.leadingtogether.mail.NoticeSender;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every minute: write the day-before reminders that are due, and send any email still waiting in the outbox,
 * whichever feature wrote it (one that failed, or whose instance stopped before sending it). The timer is not
 * persistent: each instance of a cluster runs its own, and the claims in {@link BookingReminders} and {@link
 * NoticeOutbox} make sure each reminder is written once and each email sent once. The outbox has no timer of its
 * own: this one has sent what waits since the outbox served booking alone.
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
    private NoticeSender sender;

    @Inject
    private Clock clock;

    @Schedule(hour = "*", minute = "*", persistent = false, info = "booking reminders and emails")
    void everyMinute() {
        if (!running.compareAndSet(false, true)) {
            return; // the previous run is still going
        }
        try {
            reminders.remindDue(clock.instant());
            sender.sendPending();
        } catch (RuntimeException failed) {
            LOG.log(Level.WARNING, "Booking reminders or emails failed this minute; the next run tries again", failed);
        } finally {
            running.set(false);
        }
    }
}
