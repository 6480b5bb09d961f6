package org.leadingtogether.notification;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The timed side of notifications, like the outbox's own timer: every hour the pace check (who fell behind, told at
 * most once a week), and on Monday mornings the weekly digest. Not persistent: each instance runs its own, and the
 * service's claims (the pace check's rows, the digest's lines taken off before their email is written) keep each
 * learner told once and each digest sent once.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class NotificationJobs {

    private static final Logger LOG = Logger.getLogger(NotificationJobs.class.getName());

    @Inject
    private NotificationService notifications;

    @Schedule(hour = "*", minute = "17", persistent = false, info = "pace check")
    void hourly() {
        try {
            notifications.checkPace();
        } catch (RuntimeException failed) {
            LOG.log(Level.WARNING, "The pace check failed; the next hour tries again", failed);
        }
    }

    @Schedule(dayOfWeek = "Mon", hour = "8", minute = "0", timezone = "Europe/London", persistent = false, info = "weekly digest")
    void weekly() {
        try {
            notifications.sendDigests();
        } catch (RuntimeException failed) {
            LOG.log(Level.WARNING, "The weekly digest failed; what it would have listed waits for next week's", failed);
        }
    }
}
