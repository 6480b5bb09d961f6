package org.leadingtogether.feedback;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The portal's own reminder to a rater: once, from three days before the round closes, and only while it makes sense. */
class AutomaticReminderTest {

    private static final LocalDate CLOSES = LocalDate.of(2026, 12, 10);
    /** Noon on the first day of the reminder, three days before closing (London is on UTC in December). */
    private static final Instant NOW = LocalDate.of(2026, 12, 7).atTime(12, 0).toInstant(ZoneOffset.UTC);
    private static final Instant INVITED = NOW.minus(Duration.ofDays(10));

    private static AutomaticReminder.Rater rater() {
        return new AutomaticReminder.Rater(CLOSES, INVITED, false, null, true, true, null);
    }

    private static boolean due(AutomaticReminder.Rater rater, Instant now) {
        return AutomaticReminder.isDue(rater, now, LocalDate.ofInstant(now, ZoneOffset.UTC));
    }

    @Test
    void aRaterWhoHasNotAnsweredIsRemindedFromThreeDaysBeforeClosingUntilTheRoundCloses() {
        assertEquals(LocalDate.of(2026, 12, 7), AutomaticReminder.firstDay(CLOSES));
        assertTrue(due(rater(), NOW));
        assertTrue(due(rater(), LocalDate.of(2026, 12, 7).atStartOfDay().toInstant(ZoneOffset.UTC)), "from the start of that day");
        assertTrue(due(rater(), LocalDate.of(2026, 12, 10).atTime(23, 59).toInstant(ZoneOffset.UTC)), "a portal down until the last day still reminds");
        assertFalse(due(rater(), LocalDate.of(2026, 12, 6).atTime(23, 59).toInstant(ZoneOffset.UTC)), "not four days before");
        assertFalse(due(rater(), LocalDate.of(2026, 12, 11).atTime(0, 1).toInstant(ZoneOffset.UTC)), "never once the round has closed");
    }

    @Test
    void neverTwiceNorAfterAnswering() {
        assertFalse(due(new AutomaticReminder.Rater(CLOSES, INVITED, false, NOW.minusSeconds(60), true, true, null), NOW), "reminded already");
        assertFalse(due(new AutomaticReminder.Rater(CLOSES, INVITED, true, null, true, true, null), NOW), "answered");
    }

    @Test
    void neverForA360ThatIsNoLongerGoingOn() {
        assertFalse(due(new AutomaticReminder.Rater(CLOSES, INVITED, false, null, false, true, null), NOW), "the learner's account deactivated");
        assertFalse(due(new AutomaticReminder.Rater(CLOSES, INVITED, false, null, true, false, null), NOW), "the learner withdrawn from the programme");
    }

    @Test
    void aFreshInvitationOrTheLearnersOwnReminderOfTheLastDayIsReminderEnough() {
        assertFalse(due(new AutomaticReminder.Rater(CLOSES, NOW.minus(Duration.ofHours(47)), false, null, true, true, null), NOW), "invited yesterday");
        assertTrue(due(new AutomaticReminder.Rater(CLOSES, NOW.minus(Duration.ofHours(48)), false, null, true, true, null), NOW), "two days old");
        assertFalse(due(new AutomaticReminder.Rater(CLOSES, INVITED, false, null, true, true, NOW.minus(Duration.ofHours(23))), NOW),
                "the learner reminded everyone this morning");
        assertTrue(due(new AutomaticReminder.Rater(CLOSES, INVITED, false, null, true, true, NOW.minus(Duration.ofHours(24))), NOW),
                "once that reminder is a day old");
    }
}
