package org.leadingtogether.feedback;

import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.leadingtogether.cohort.Cohort;
import org.leadingtogether.cohort.CohortService;
import org.leadingtogether.cohort.EntitlementPeriod;
import org.leadingtogether.cohort.Programme;
import org.leadingtogether.platform.ClockProducer;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The portal's own 360 reminders inside Payara Micro on MariaDB, where the database can give a change up: a deadlock
 * while a rater is claimed and their reminder written is made for real, as a rater's answer or another instance's run
 * at the same moment can make one, and the claim is made again, so the rater is reminded once and the run goes on.
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
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection other = OtherWriter.connect()) {
            long rater = number(other, "SELECT id FROM feedback_rater WHERE request_id = ? AND email = ?", request, address);
            assertEquals(List.of(rater), reminders.due(threeDaysBefore), "the new rater is the only one due at that time");
            long deadlocks = OtherWriter.deadlocks(other);
            other.setAutoCommit(false);
            other.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            OtherWriter.weigh(other);
            // A locking read of the rater's links in the index by rater: the places their new link can go are locked.
            OtherWriter.execute(other, "SELECT rater_id FROM feedback_link FORCE INDEX (ix_flink_rater) WHERE rater_id >= ? FOR UPDATE", rater);
            Future<Integer> reminding = pool.submit(() -> reminders.remindDue(threeDaysBefore));
            OtherWriter.waitForStatement(other, "INSERT INTO feedback_link", reminding);
            OtherWriter.execute(other, "SELECT id FROM feedback_rater WHERE id = ? FOR UPDATE", rater);
            other.rollback();
            assertEquals(1, reminding.get(60, TimeUnit.SECONDS), "the run ends as usual, the rater reminded");
            assertTrue(OtherWriter.deadlocks(other) > deadlocks, "the database gave a change up in a deadlock");
            other.setAutoCommit(true);
            assertEquals(1, number(other, "SELECT reminders FROM feedback_rater WHERE id = ? AND auto_reminded_at IS NOT NULL", rater),
                    "claimed once");
            assertEquals(2, number(other, "SELECT COUNT(*) FROM feedback_link WHERE rater_id = ?", rater),
                    "two links: the invitation's and the reminder's, none left from the try given up");
            assertEquals(1, number(other, "SELECT COUNT(*) FROM booking_notice WHERE recipient = ? AND kind = 'FEEDBACK_REMINDER'", address),
                    "one reminder");
            assertEquals(0, reminders.remindDue(threeDaysBefore), "nothing more to remind");
            // No mail server listens in this test: its emails are not left waiting for a later test's.
            OtherWriter.execute(other, "DELETE FROM booking_notice WHERE recipient = ?", address);
        } finally {
            pool.shutdownNow();
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
        long programmeId = manager.call(() -> cohorts.saveProgramme(programme));
        Cohort cohort = Cohort.blank();
        cohort.setName("Cohort R");
        cohort.setStartDate(programme.getStartDate());
        cohort.setEndDate(programme.getEndDate());
        cohort.setCapacity(5);
        long cohortId = manager.call(() -> cohorts.addCohort(programmeId, cohort));
        manager.call(() -> {
            cohorts.enrol(cohortId, TestLearner.ID);
            return null;
        });
        FeedbackRound form = FeedbackRound.blank();
        form.setName("At the start");
        form.setOpensOn(today);
        form.setClosesOn(closes);
        form.setMinRaters(FeedbackRound.MIN_RATERS_LEAST);
        return manager.call(() -> feedback.saveRound(programmeId, null, form, UUID.randomUUID().toString()));
    }

    private static long number(Connection db, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
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
