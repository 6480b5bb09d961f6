/**
 * Notifications: telling each person what happened that concerns them, and what is coming up.
 *
 * <p>Other features fire events of their own ({@code journal.JournalHappened}, {@code coaching.CoachingHappened})
 * with ids only; {@link org.leadingtogether.notification.NotificationWriter} turns each into a {@link
 * org.leadingtogether.notification.Notification} in the same transaction, and, as the person chose for that kind
 * ({@link org.leadingtogether.notification.Delivery}), an email through the mail feature's outbox at once, or a
 * line in the weekly digest. This feature sits above the others and none depends on it, so the features stay
 * one-way ({@code FeatureDependenciesTest}).
 *
 * <p>Why no words: a notification never carries a reflection's words or a coach's notes, only that something
 * happened, who did it and a link. The page it links to checks, on sign-in, who may see it, like any page; an email
 * forwarded or read over a shoulder gives nothing away.
 *
 * <p>Every email carries a one-click link to change that kind's choice without signing in: a random 256-bit token of
 * which only the SHA-256 hash is kept (90 days), opening a page that asks to confirm. The outbox forgets the link
 * once the email has gone.
 *
 * <p>The "coming up" panels of the three home pages ({@link org.leadingtogether.notification.ComingUp}) are built
 * here too, from a few aggregate queries whatever the data, because they cut across coaching, booking, journal,
 * feedback and cohorts: by {@link org.leadingtogether.notification.ComingUpQueries}, which only reads (bar noting a
 * visit now and then), apart from {@link org.leadingtogether.notification.NotificationService}, which keeps one's own
 * notifications, choices and the timed jobs.
 *
 * <p>The timed jobs ({@link org.leadingtogether.notification.NotificationJobs}) run while people use the portal: the
 * hourly pace check in a transaction for each cohort, the Monday digest in one for each person, so that nobody marking
 * their things read waits for the whole run, a deadlock costs one cohort or one person a second try, and one failure
 * leaves the rest to go. The digest is sent by a check every five minutes for whoever still has a line from before
 * the start of the week ({@link org.leadingtogether.notification.DigestWeek}, Monday 08:00 London time), so a run
 * missed at eight (an instance restarting, the database away) is made up at the next check, not a week later.
 */
package org.leadingtogether.notification;
