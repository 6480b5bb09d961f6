package org.leadingtogether.notification;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.leadingtogether.platform.MinuteJob;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The timed side of notifications, like the outbox's own timer: every hour the pace check (who fell behind, told at
 * most once a week), and every five minutes the weekly digest's check, which sends the week's digest at eight on a
 * Monday and, at any later check, whatever of it was missed. Not persistent: each instance runs its own, and the
 * service's claims (the pace check's rows, the digest's lines taken off before their email is written) keep each
 * learner told once and each digest sent once.
 *
 * <p>Why the digest is a check rather than a timer at eight on Monday: a timer at one moment is missed by an instance
 * that is restarting at that moment, and a run cut short because the database had gone ended the week's digest there;
 * either way what it would have listed waited a whole week. The check asks the database whether anybody still has a
 * line from before the start of the week ({@link DigestWeek}), one indexed query that finds nobody on every check but
 * the first of the week, unless that one was missed or cut short. A person whose digest could not be written for
 * another reason is left until next week rather than tried, and logged, every five minutes.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class NotificationJobs {

    private static final Logger LOG = Logger.getLogger(NotificationJobs.class.getName());

    @Inject
    private NotificationService notifications;

    @Inject
    private Clock clock;

    private final MinuteJob digest = new MinuteJob(NotificationJobs.class, "The weekly digest");

    /** The week {@link #failedThisWeek} is about. */
    private volatile Instant week;

    /** The people whose digest could not be written this week (for a reason other than the database going away). */
    private final Set<Long> failedThisWeek = ConcurrentHashMap.newKeySet();

    @Schedule(hour = "*", minute = "17", persistent = false, info = "pace check")
    void hourly() {
        try {
            notifications.checkPace();
        } catch (RuntimeException failed) {
            LOG.log(Level.WARNING, "The pace check failed; the next hour tries again", failed);
        }
    }

    @Schedule(hour = "*", minute = "*/5", persistent = false, info = "weekly digest")
    void everyFiveMinutes() {
        sendDigestsDue();
    }

    /**
     * Sends the week's digest to everyone who has a line from before the start of this week still waiting, unless a run
     * is already going; a failure is logged and left to the next check. Says whether it ran.
     */
    public boolean sendDigestsDue() {
        return digest.run(() -> {
            Instant start = DigestWeek.start(clock.instant());
            if (!start.equals(week)) {
                failedThisWeek.clear();
                week = start;
            }
            NotificationService.DigestRun run = notifications.sendDigests(start, Set.copyOf(failedThisWeek));
            failedThisWeek.addAll(run.failed());
            if (run.written() > 0) {
                LOG.info("The weekly digest: " + run.written() + " email(s) written"
                        + (run.failed().isEmpty() ? "" : "; " + run.failed().size() + " could not be, and wait for next week's"));
            }
        });
    }
}
