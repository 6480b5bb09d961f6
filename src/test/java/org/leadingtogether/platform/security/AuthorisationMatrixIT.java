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
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every page, asked for by hand-typed URL (other people's ids included) as every kind of person: nobody,
 * a learner and another learner, the learner's coach and another coach, the programme's manager and another
 * manager, an administrator. Each answer is checked against the table below: the page (A), refused by role
 * (F, 403), refused as if it did not exist (N, 404), or sent to sign in (S). A refused page never carries what
 * it protects, and even an allowed manager's page never carries what is said in coaching. Where a page is refused
 * by role or needs a sign-in, a form posted to it by hand is refused the same way; actions replayed on pages one may
 * open, with someone else's ids, are {@link ReplayedActionsIT}'s.
 *
 * <p>Runs against the demo data: Amara Okafor (learner@demo.test) is coached by Gareth Hughes (coach@demo.test)
 * in Cohort 1 of "Leading Across Westmoor", run by Priya Raman (manager@demo.test).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuthorisationMatrixIT {

    private static final String PASSWORD = "demo-password";

    /** What a coaching pairing holds that only its two sides may read (from the demo pairing). */
    static final List<String> CONFIDENTIAL = List.of("Lead the redesign of hospital discharge",
            "Meet the discharge lead at Westmoor County Council");

    /** What the demo learner's unshared journal entry holds: only she may ever read it. */
    private static final List<String> PRIVATE = List.of("Chairing a discharge huddle across three teams",
            "I chaired the morning discharge huddle for the first time");

    /** Columns of the table, in order, and who signs in for each. */
    private static final Map<String, String> PEOPLE = new LinkedHashMap<>();

    static {
        PEOPLE.put("nobody", null);
        PEOPLE.put("learner", "learner@demo.test");
        PEOPLE.put("otherLearner", "siobhan.kelly@demo.test");
        PEOPLE.put("coach", "coach@demo.test");
        PEOPLE.put("otherCoach", "helen.ward@demo.test");
        PEOPLE.put("manager", "manager@demo.test");
        PEOPLE.put("otherManager", "imran.qureshi@demo.test");
        PEOPLE.put("admin", "admin@demo.test");
    }

    /** Path (with {placeholders} for the demo records' ids), then one answer per column of {@link #PEOPLE}. */
    private static final String MATRIX = """
            /learner/home.xhtml                                   S A A F F F F F
            /learner/catalogue.xhtml                              S A A F F F F F
            /learner/lesson.xhtml?id=why-systems-leadership       S A A F F F F F
            /learner/self-assessment.xhtml                        S A A F F F F F
            /learner/coaching.xhtml                               S A A F F F F F
            /learner/pairing.xhtml?id={pairing}                   S A N F F F F F
            /learner/pairing.xhtml?id=999999999                   S N N F F F F F
            /learner/journal.xhtml                                S A A F F F F F
            /learner/journal-write.xhtml                          S A A F F F F F
            /learner/journal-entry.xhtml?id={entry}               S A N F F F F F
            /learner/journal-write.xhtml?id={entry}               S A N F F F F F
            /learner/journal-write.xhtml?session=999999999        S N N F F F F F
            /coach/shared-entry.xhtml?id={entry}                  S F F N N F F F
            /learner/protected-time.xhtml                         S A A F F F F F
            /learner/book-coaching.xhtml                          S A A F F F F F
            /coach/home.xhtml                                     S F F A A F F F
            /coach/slots.xhtml                                    S F F A A F F F
            /coach/profile.xhtml                                  S F F A A F F F
            /coach/pairing.xhtml?id={pairing}                     S F F A N F F F
            /coach/coachee.xhtml?id={pairing}                     S F F A N F F F
            /manager/home.xhtml                                   S F F F F A A F
            /manager/programme.xhtml?id={programme}               S F F F F A N F
            /manager/report.xhtml?id={programme}                  S F F F F A N F
            /manager/cohort.xhtml?id={cohort}                     S F F F F A N F
            /manager/coaching.xhtml?cohort={cohort}               S F F F F A N F
            /manager/enrol.xhtml?cohort={cohort}                  S F F F F A N F
            /manager/member.xhtml?cohort={cohort}&person={amara}  S F F F F A N F
            /manager/cohort-managers.xhtml?id={cohort}            S F F F F A N F
            /manager/cohort-export?id={cohort}&format=csv         S F F F F A N F
            /manager/cohort-export?id={cohort}&format=pdf         S F F F F A N F
            /manager/protected-time.xhtml?cohort={cohort}         S F F F F A N F
            /admin/home.xhtml                                     S F F F F F F A
            /admin/people.xhtml                                   S F F F F F F A
            /admin/person.xhtml?id={amara}                        S F F F F F F A
            /admin/organisations.xhtml                            S F F F F F F A
            /admin/professions.xhtml                              S F F F F F F A
            /admin/content.xhtml                                  S F F F F F F A
            /admin/emails.xhtml                                   S F F F F F F A
            /account/password.xhtml                               S A A A A A A A
            /account/calendar.xhtml                               S A A A A A A A
            /account/my-data                                      S A A A A A A A
            /account/session.xhtml?id=999999999                   S N N N N N N N
            /account/invitation?id=999999999                      S N N N N N N N
            """;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return PortalDeployment.war();
    }

    @ArquillianResource
    private URL base;

    @Test
    void everyPageAnswersEachPersonAsTheTableSaysAndNeverLeaks() throws Exception {
        Map<String, String> ids = demoIds();
        Map<String, PortalClient> clients = new LinkedHashMap<>();
        for (Map.Entry<String, String> person : PEOPLE.entrySet()) {
            clients.put(person.getKey(), person.getValue() == null ? PortalClient.anonymous(base) : PortalClient.signedIn(base, person.getValue(), PASSWORD));
        }
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (String line : MATRIX.strip().split("\n")) {
            String[] cells = line.trim().split("\\s+");
            String path = cells[0];
            for (Map.Entry<String, String> id : ids.entrySet()) {
                path = path.replace("{" + id.getKey() + "}", id.getValue());
            }
            assertEquals(PEOPLE.size() + 1, cells.length, "a cell per person on: " + line);
            int column = 1;
            for (Map.Entry<String, PortalClient> person : clients.entrySet()) {
                String expected = cells[column++];
                HttpResponse<String> response = person.getValue().get(path);
                String actual = answer(response);
                checked++;
                if (!expected.equals(actual)) {
                    wrong.add(path + " as " + person.getKey() + ": expected " + expected + ", got " + actual + " (" + response.statusCode() + ")");
                }
                // Only the two sides of the demo pairing may ever read what is said in it; managers and
                // administrators never do, even on pages they may open.
                boolean mayRead = "A".equals(actual) && (person.getKey().equals("learner") || person.getKey().equals("coach"));
                if (!mayRead) {
                    for (String secret : CONFIDENTIAL) {
                        if (response.body().contains(secret)) {
                            wrong.add(path + " as " + person.getKey() + " shows what is said in coaching: " + secret);
                        }
                    }
                }
                boolean author = "A".equals(actual) && person.getKey().equals("learner");
                if (!author) {
                    for (String secret : PRIVATE) {
                        if (response.body().contains(secret)) {
                            wrong.add(path + " as " + person.getKey() + " shows the learner's private journal: " + secret);
                        }
                    }
                }
                if (response.body().contains("Exception") || response.body().contains("at org.")) {
                    wrong.add(path + " as " + person.getKey() + " shows a stack trace");
                }
                // Refused by role or sent to sign in: a form posted there by hand gets the same answer, so no action
                // behind the page is reachable either.
                if (expected.equals("F") || expected.equals("S")) {
                    String posted = answer(person.getValue().post(path, Map.of("replayed", "true")));
                    checked++;
                    if (!expected.equals(posted)) {
                        wrong.add("POST " + path + " as " + person.getKey() + ": expected " + expected + ", got " + posted);
                    }
                }
            }
        }
        assertTrue(checked >= 200, "the table covers every page and person: " + checked);
        if (!wrong.isEmpty()) {
            fail(wrong.size() + " of " + checked + " answers are wrong:\n" + String.join("\n", wrong));
        }
    }

    /** A for the page, F for refused by role, N for "not found", S for "sign in first". */
    private static String answer(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status == 302 || status == 303) {
            String location = response.headers().firstValue("Location").orElse("");
            return location.contains("/sign-in.xhtml") ? "S" : "redirect to " + location;
        }
        return switch (status) {
            case 200 -> "A";
            case 403 -> "F";
            case 404 -> "N";
            default -> String.valueOf(status);
        };
    }

    private Map<String, String> demoIds() throws Exception {
        String url = System.getenv("DB_URL");
        if (url == null || url.isBlank()) {
            fail("DB_URL is not set: run the integration tests with 'mvn verify', which points them at the test database.");
        }
        Map<String, String> ids = new LinkedHashMap<>();
        try (Connection db = DriverManager.getConnection(url, System.getenv("DB_USER"), System.getenv("DB_PASSWORD"));
             Statement statement = db.createStatement()) {
            ids.put("programme", single(statement, "SELECT id FROM programme WHERE name = 'Leading Across Westmoor'"));
            ids.put("cohort", single(statement, "SELECT c.id FROM cohort c JOIN programme p ON p.id = c.programme_id "
                    + "WHERE p.name = 'Leading Across Westmoor' AND c.name = 'Cohort 1'"));
            ids.put("amara", single(statement, "SELECT id FROM person WHERE email = 'learner@demo.test'"));
            ids.put("entry", single(statement, "SELECT e.id FROM journal_entry e JOIN person p ON p.id = e.author_id "
                    + "WHERE p.email = 'learner@demo.test' AND e.shared_at IS NULL ORDER BY e.id LIMIT 1"));
            ids.put("pairing", single(statement, "SELECT cp.id FROM coaching_pairing cp JOIN person c ON c.id = cp.coach_id "
                    + "JOIN person l ON l.id = cp.coachee_id WHERE c.email = 'coach@demo.test' AND l.email = 'learner@demo.test' ORDER BY cp.id LIMIT 1"));
        }
        return ids;
    }

    private static String single(Statement statement, String sql) throws Exception {
        try (ResultSet rows = statement.executeQuery(sql)) {
            if (!rows.next()) {
                fail("The demo data lacks what this test needs: " + sql);
            }
            return rows.getString(1);
        }
    }
}
