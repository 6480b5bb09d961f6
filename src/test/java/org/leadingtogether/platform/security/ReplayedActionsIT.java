package org.leadingtogether.platform.security;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.leadingtogether.support.PortalClient;
import org.leadingtogether.support.PortalDeployment;

import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Actions replayed against other people's records: someone who may use a form on their own record takes that form,
 * view state and all, and posts it to the same page with another person's ids in the address, as an attacker would.
 * Faces reads the ids again from the address on every post, so each service must check the caller against the
 * record the ids name, not the one the page was opened for. Each replay must be refused (403 or 404) without
 * showing the record, and must change nothing; then the same form posted to the person's own record must work, so a
 * refusal is known to come from the check and not from a broken replay.
 *
 * <p>The people, from the demo data: Amara Okafor (learner@demo.test) is coached by Gareth Hughes in Cohort 1 of
 * "Leading Across Westmoor", run by Priya Raman. The attackers: Helen Ward, a coach of another coachee; Siobhán
 * Kelly, that coachee, a learner of another cohort; Imran Qureshi, the manager of that other cohort. Their own
 * pairing, programme and cohort are written here over JDBC, as the coaching and cohort features would.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReplayedActionsIT {

    private static final String PASSWORD = "demo-password";
    private static final List<String> CONFIDENTIAL = List.of("Lead the redesign of hospital discharge",
            "Meet the discharge lead at Westmoor County Council");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return PortalDeployment.war();
    }

    @ArquillianResource
    private URL base;

    @Test
    void aCoachOfAnotherCoacheeCannotAddAnActionToSomeoneElsesPairing() throws Exception {
        long victim = amarasPairing();
        long own = ownPairing();
        PortalClient helen = PortalClient.signedIn(base, "helen.ward@demo.test", PASSWORD);

        Map<String, String> form = helen.form("/coach/pairing.xhtml?id=" + own, "addAction");
        form.put("addAction:action", "Replayed by another coach");
        form.put("addAction:add", "Add");
        long before = count("SELECT COUNT(*) FROM coaching_action WHERE pairing_id = ?", victim);
        assertRefused(helen.post("/coach/pairing.xhtml?id=" + victim, form));
        assertEquals(before, count("SELECT COUNT(*) FROM coaching_action WHERE pairing_id = ?", victim), "no action added");

        long ownBefore = count("SELECT COUNT(*) FROM coaching_action WHERE pairing_id = ?", own);
        Map<String, String> control = helen.form("/coach/pairing.xhtml?id=" + own, "addAction");
        control.put("addAction:action", "Added by the pairing's own coach");
        control.put("addAction:add", "Add");
        assertRedirected(helen.post("/coach/pairing.xhtml?id=" + own, control));
        assertEquals(ownBefore + 1, count("SELECT COUNT(*) FROM coaching_action WHERE pairing_id = ?", own), "the coach's own form works");
        update("UPDATE coaching_pairing SET state = 'ENDED', ended_at = CURRENT_TIMESTAMP WHERE id = ?", own);
    }

    @Test
    void aLearnerOfAnotherCohortCannotEndSomeoneElsesPairing() throws Exception {
        long victim = amarasPairing();
        long own = ownPairing();
        PortalClient siobhan = PortalClient.signedIn(base, "siobhan.kelly@demo.test", PASSWORD);

        Map<String, String> form = siobhan.form("/learner/pairing.xhtml?id=" + own, "end");
        form.put("end:endPairing", "End the pairing");
        assertRefused(siobhan.post("/learner/pairing.xhtml?id=" + victim, form));
        assertEquals("ACTIVE", text("SELECT state FROM coaching_pairing WHERE id = ?", victim), "the other pairing goes on");

        Map<String, String> control = siobhan.form("/learner/pairing.xhtml?id=" + own, "end");
        control.put("end:endPairing", "End the pairing");
        assertRedirected(siobhan.post("/learner/pairing.xhtml?id=" + own, control));
        assertEquals("ENDED", text("SELECT state FROM coaching_pairing WHERE id = ?", own), "the coachee's own form works");
    }

    @Test
    void aManagerOfAnotherCohortCannotWithdrawSomeoneFromACohortTheyDoNotRun() throws Exception {
        long amara = count("SELECT id FROM person WHERE email = 'learner@demo.test'");
        long siobhan = count("SELECT id FROM person WHERE email = 'siobhan.kelly@demo.test'");
        long victimCohort = count("SELECT c.id FROM cohort c JOIN programme p ON p.id = c.programme_id "
                + "WHERE p.name = 'Leading Across Westmoor' AND c.name = 'Cohort 1'");
        long ownCohort = imransCohortWith(siobhan);
        String statusOf = "SELECT status FROM cohort_membership WHERE cohort_id = ? AND person_id = ?";
        String amarasStatus = text(statusOf, victimCohort, amara);
        PortalClient imran = PortalClient.signedIn(base, "imran.qureshi@demo.test", PASSWORD);

        String ownPage = "/manager/member.xhtml?cohort=" + ownCohort + "&person=" + siobhan;
        Map<String, String> form = imran.form(ownPage, "statusForm");
        form.put("statusForm:status", "WITHDRAWN");
        form.put("statusForm:reason", "Replayed by another manager");
        form.put("statusForm:save", "Save");
        assertRefused(imran.post("/manager/member.xhtml?cohort=" + victimCohort + "&person=" + amara, form));
        assertEquals(amarasStatus, text(statusOf, victimCohort, amara), "Amara's membership is untouched");

        Map<String, String> control = imran.form(ownPage, "statusForm");
        control.put("statusForm:status", "WITHDRAWN");
        control.put("statusForm:reason", "Moved away");
        control.put("statusForm:save", "Save");
        assertRedirected(imran.post(ownPage, control));
        assertEquals("WITHDRAWN", text(statusOf, ownCohort, siobhan), "the manager's own form works");
    }

    // ---------------------------------------------------------------- checks

    private static void assertRefused(HttpResponse<String> response) {
        assertTrue(response.statusCode() == 403 || response.statusCode() == 404,
                "refused, not " + response.statusCode() + " " + response.headers().firstValue("Location").orElse(""));
        for (String secret : CONFIDENTIAL) {
            assertFalse(response.body().contains(secret), "the refusal shows what is said in coaching");
        }
        assertFalse(response.body().contains("Exception") || response.body().contains("at org."), "no stack trace");
    }

    private static void assertRedirected(HttpResponse<String> response) {
        assertTrue(response.statusCode() == 302 || response.statusCode() == 303,
                "done and sent on, not " + response.statusCode() + ": " + response.body().replaceAll("(?s)<[^>]+>", " ")
                        .replaceAll("\\s+", " ").strip());
    }

    // ---------------------------------------------------------------- data

    private static long amarasPairing() throws SQLException {
        return count("SELECT cp.id FROM coaching_pairing cp JOIN person c ON c.id = cp.coach_id JOIN person l ON l.id = cp.coachee_id "
                + "WHERE c.email = 'coach@demo.test' AND l.email = 'learner@demo.test' AND cp.state = 'ACTIVE' ORDER BY cp.id LIMIT 1");
    }

    /** A fresh active pairing of Helen Ward with Siobhán Kelly (any earlier one ended first). */
    private static long ownPairing() throws SQLException {
        long helen = count("SELECT id FROM person WHERE email = 'helen.ward@demo.test'");
        long siobhan = count("SELECT id FROM person WHERE email = 'siobhan.kelly@demo.test'");
        update("UPDATE coaching_pairing SET state = 'ENDED', ended_at = CURRENT_TIMESTAMP WHERE coachee_id = ? AND state <> 'ENDED'", siobhan);
        return insert("INSERT INTO coaching_pairing (version, created_at, modified_at, coach_id, coachee_id, state, proposed_by, proposed_at, "
                + "respond_by) VALUES (0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, ?, ?, 'ACTIVE', ?, CURRENT_TIMESTAMP, CURRENT_DATE)", helen, siobhan, helen);
    }

    /** A programme of Imran Qureshi's own, with one cohort and {@code member} enrolled in it. */
    private static long imransCohortWith(long member) throws SQLException {
        long imran = count("SELECT id FROM person WHERE email = 'imran.qureshi@demo.test'");
        LocalDate start = LocalDate.now().minusDays(10);
        LocalDate end = LocalDate.now().plusMonths(6);
        long programme = insert("INSERT INTO programme (version, created_at, modified_at, name, start_date, end_date, coaching_sessions, "
                + "entitlement_hours, entitlement_period) VALUES (0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, ?, ?, ?, 4, 2.0, 'MONTH')",
                "Replay " + UUID.randomUUID().toString().substring(0, 8), java.sql.Date.valueOf(start), java.sql.Date.valueOf(end));
        update("INSERT INTO programme_manager (programme_id, person_id) VALUES (?, ?)", programme, imran);
        long cohort = insert("INSERT INTO cohort (version, created_at, modified_at, programme_id, name, start_date, end_date, capacity) "
                + "VALUES (0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, ?, 'Replay cohort', ?, ?, 10)", programme, java.sql.Date.valueOf(start),
                java.sql.Date.valueOf(end));
        update("INSERT INTO cohort_membership (version, created_at, modified_at, cohort_id, person_id, status, enrolled_at, status_changed_at) "
                + "VALUES (0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, ?, ?, 'ENROLLED', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)", cohort, member);
        return cohort;
    }

    private static Connection connect() throws SQLException {
        String url = System.getProperty("test.db.url");
        if (url == null || url.isBlank()) {
            fail("test.db.url is not set: run the integration tests with 'mvn verify', which points them at the test database.");
        }
        return DriverManager.getConnection(url, System.getProperty("test.db.user"), System.getProperty("test.db.password"));
    }

    private static PreparedStatement prepare(Connection db, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = db.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }

    private static String text(String sql, Object... parameters) throws SQLException {
        try (Connection db = connect(); PreparedStatement statement = prepare(db, sql, parameters); ResultSet rows = statement.executeQuery()) {
            assertTrue(rows.next(), "the demo data lacks what this test needs: " + sql);
            return rows.getString(1);
        }
    }

    private static long count(String sql, Object... parameters) throws SQLException {
        return Long.parseLong(text(sql, parameters));
    }

    private static void update(String sql, Object... parameters) throws SQLException {
        try (Connection db = connect(); PreparedStatement statement = prepare(db, sql, parameters)) {
            statement.executeUpdate();
        }
    }

    private static long insert(String sql, Object... parameters) throws SQLException {
        try (Connection db = connect(); PreparedStatement statement = prepare(db, sql, parameters)) {
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }
}
