package org.leadingtogether.feedback;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * When a rater who has not answered gets the portal's own reminder: once, from {@value #DAYS_BEFORE_CLOSING} days before
 * the round closes until it closes (early enough to answer, late enough that most people have answered without one).
 * Plain Java, so every rule is tested alone ({@code AutomaticReminderTest}); {@link FeedbackReminders} applies it to
 * what it reads, and claims each rater with a conditional update so that no rater is reminded twice.
 *
 * <p>Never to someone who has answered, never once the round has closed, and never for a 360 that is no longer going on:
 * the learner's account deactivated, or the learner no longer enrolled in (or completed) the programme, as when withdrawn
 * or deferred, since the invitation went out on the programme's behalf. Not to a rater invited less than
 * {@link #FRESH_INVITATION} ago (their invitation is the reminder; they are reminded once it is that old, if the round is
 * still open), nor within a day of the learner's own reminder (they are reminded once that day has passed).
 */
final class AutomaticReminder {

    /** How many days before the closing date the reminder goes. */
    static final int DAYS_BEFORE_CLOSING = 3;
    /** An invitation younger than this counts as the reminder. */
    static final Duration FRESH_INVITATION = Duration.ofDays(2);

    private AutomaticReminder() {
    }

    /** What the rule needs to know about one rater invited to a 360. */
    record Rater(LocalDate closesOn, Instant invitedAt, boolean answered, Instant autoRemindedAt, boolean learnerActive,
                 boolean learnerInProgramme, Instant learnerRemindedAt) {
    }

    /** The first day (London) the reminder may go for a round closing on {@code closesOn}. */
    static LocalDate firstDay(LocalDate closesOn) {
        return closesOn.minusDays(DAYS_BEFORE_CLOSING);
    }

    /** Whether {@code rater} is to be reminded at {@code now}, {@code today} being its day in London. */
    static boolean isDue(Rater rater, Instant now, LocalDate today) {
        return !rater.answered() && rater.autoRemindedAt() == null
                && rater.learnerActive() && rater.learnerInProgramme()
                && !today.isBefore(firstDay(rater.closesOn())) && !today.isAfter(rater.closesOn())
                && !rater.invitedAt().isAfter(now.minus(FRESH_INVITATION))
                && (rater.learnerRemindedAt() == null || !rater.learnerRemindedAt().plus(FeedbackService.REMINDER_PAUSE).isAfter(now));
    }
}
