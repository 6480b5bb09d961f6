package org.leadingtogether.booking;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.leadingtogether.platform.MinuteJob;

import java.time.Clock;

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

    private final MinuteJob job = new MinuteJob(BookingJobs.class, "Writing booking reminders");

    @Inject
    private BookingReminders reminders;

    @Inject
    private Clock clock;

    @Schedule(hour = "*", minute = "*", persistent = false, info = "booking reminders")
    void everyMinute() {
        job.run(() -> reminders.remindDue(clock.instant()));
    }
}
