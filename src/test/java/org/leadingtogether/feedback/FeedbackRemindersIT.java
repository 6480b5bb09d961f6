package org.leadingtogether.feedback;

import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.leadingtogether.cohort.CohortService;
import org.leadingtogether.cohort.EntitlementPeriod;
import org.leadingtogether.cohort.Programme;
import org.leadingtogether.platform.ClockProducer;
import org.leadingtogether.support.OneCohort;
import org.leadingtogether.support.OtherWriter;
import org.leadingtogether.support.PortalDeployment;
import org.leadingtogether.support.RunAsLearner;
import org.leadingtogether.support.RunAsManager;
import org.leadingtogether.support.TestLearner;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The portal's own 360 reminders inside Payara Micro on MariaDB, where the database can give a change up: a deadlock
 * while a rater is claimed and their reminder written is made for real, as another instance's run or another change to
 * the same rater at the same moment could make one, and the claim is made again, so the rater is reminded once and the
 * run goes on.
 * The rest of the reminders' rules are {@code AutomaticReminderTest}'s, and the reminder's email and link are checked in
 * a browser by {@code FeedbackJourneysIT}.
 */
@ExtendWith(ArquillianExtension.class)
class FeedbackRemindersIT {

    @Deployment
    static WebArchive deployment() {
        return PortalDeployment.inContainer(FeedbackRemindersIT.class, OtherWriter.class);
    }

    @Inject
    private FeedbackReminders reminders;

    @Inject
    private FeedbackService feedback;

    @Inject
    private CohortService cohorts;

    @Inject
    private RunAsLearner learner;

    @Inject
    private RunAsManager manager;

    @Inject
    private TestLearner testPeople;

    @BeforeEach
    void cleanSlate() {
        testPeople.reset();
    }

    /**
     * Another writer, bigger than the reminder, locks the place in the index of raters' links where the rater's new
     * link is to go, so the reminder, holding its claim on the rater, waits; then the other writer asks for the rater's
     * row. The database gives the reminder up, and the claim is made again once the other writer is done.
     */
    @Test
    void aDeadlockWhileARaterIsClaimedForTheirReminderIsMadeAgainAndTheRaterRemindedOnce() throws Exception {
        LocalDate today = LocalDate.now(ClockProducer.LONDON);
        LocalDate closes = today.plusDays(40); // far enough ahead that the portal's own timer leaves this round alone
        long round = roundOfANewProgramme(today, closes);
        long request = learner.call(() -> feedback.openRound(round, UUID.randomUUID().toString()));
        Instant threeDaysBefore = closes.minusDays(AutomaticReminder.DAYS_BEFORE_CLOSING).atTime(LocalTime.NOON)
                .atZone(ClockProducer.LONDON).toInstant();
        reminders.remindDue(threeDaysBefore); // whatever else is due then is reminded first, so the run below has one rater
        String address = "rater-" + UUID.randomUUID() + "@example.org";
        assertEquals(1, learner.call(() -> feedback.invite(request, Relationship.PEER, address, "http://localhost:8080",
                UUID.randomUUID().toString())));
        long rater = number("SELECT id FROM feedback_rater WHERE request_id = ? AND email = ?", request, address);
        assertEquals(List.of(rater), reminders.due(threeDaysBefore), "the new rater is the only one due at that time");
        int reminded = OtherWriter.deadlock(() -> reminders.remindDue(threeDaysBefore),
                // a locking read of the rater's links in the index by rater: every place their new link can go
                "SELECT rater_id FROM feedback_link FORCE INDEX (ix_flink_rater) WHERE rater_id >= ? FOR UPDATE", rater,
                "INSERT INTO feedback_link", "SELECT id FROM feedback_rater WHERE id = ? FOR UPDATE", rater);
        assertEquals(1, reminded, "the run ends as usual, the rater reminded");
        assertEquals(1, number("SELECT reminders FROM feedback_rater WHERE id = ? AND auto_reminded_at IS NOT NULL", rater), "claimed once");
        assertEquals(2, number("SELECT COUNT(*) FROM feedback_link WHERE rater_id = ?", rater),
                "two links: the invitation's and the reminder's, none left from the try given up");
        assertEquals(1, number("SELECT COUNT(*) FROM booking_notice WHERE recipient = ? AND kind = 'FEEDBACK_REMINDER'", address),
                "one reminder");
        assertEquals(0, reminders.remindDue(threeDaysBefore), "nothing more to remind");
        // No mail server listens in this test: its emails are not left waiting for a later test's.
        try (Connection db = OtherWriter.connect()) {
            OtherWriter.execute(db, "DELETE FROM booking_notice WHERE recipient = ?", address);
        }
    }

    /** A programme run by the test manager, the test learner enrolled, and a round open from today until {@code closes}. */
    private long roundOfANewProgramme(LocalDate today, LocalDate closes) throws Exception {
        Programme programme = Programme.blank();
        programme.setName("Feedback reminders IT " + UUID.randomUUID());
        programme.setStartDate(today.minusMonths(1));
        programme.setEndDate(today.plusMonths(3));
        programme.setEntitlementHours(new BigDecimal("2"));
        programme.setEntitlementPeriod(EntitlementPeriod.MONTH);
        long programmeId = OneCohort.of(manager, cohorts, programme, TestLearner.ID).programme();
        FeedbackRound form = FeedbackRound.blank();
        form.setName("At the start");
        form.setOpensOn(today);
        form.setClosesOn(closes);
        form.setMinRaters(FeedbackRound.MIN_RATERS_LEAST);
        return manager.call(() -> feedback.saveRound(programmeId, null, form, UUID.randomUUID().toString()));
    }

    private static long number(String sql, Object... parameters) throws SQLException {
        try (Connection db = OtherWriter.connect(); PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                assertTrue(rows.next(), "nothing found by " + sql);
                return rows.getLong(1);
            }
        }
    }
}
