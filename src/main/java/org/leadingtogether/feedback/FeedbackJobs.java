package org.leadingtogether.feedback;

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
 * Every minute, as the outbox's timer does: write the 360 reminders that are due ({@link FeedbackReminders}). Not
 * persistent: each instance of a cluster runs its own, and the claim per rater makes sure each is reminded once. Every
 * minute rather than once a day, so that a portal started or restarted at any hour still reminds on the right day; a
 * run reads one small indexed statement.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class FeedbackJobs {

    private final MinuteJob job = new MinuteJob(FeedbackJobs.class, "Sending 360 reminders");

    @Inject
    private FeedbackReminders reminders;

    @Inject
    private Clock clock;

    @Schedule(hour = "*", minute = "*", persistent = false, info = "360 reminders")
    void everyMinute() {
        job.run(() -> reminders.remindDue(clock.instant()));
    }
}
