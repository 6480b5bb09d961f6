package org.leadingtogether.platform.security;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.leadingtogether.support.Keycloak;
import org.leadingtogether.support.People;
import org.leadingtogether.support.PortalClient;
import org.leadingtogether.support.PortalDeployment;
import org.leadingtogether.support.ReSharedEntry;
import org.leadingtogether.support.TestDatabase;

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
import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * in Cohort 1 of "Leading Across Westmoor", run by Priya Raman (manager@demo.test). Beside them: a former coach after
 * the entry they commented on was shared again with a new coach ({@link ReSharedEntry}), a person deactivated while
 * signed in, and a person whose role was taken away while signed in (their sessions must have ended: every answer S), and a
 * learner who signed in through an identity provider (the test Keycloak), answered as any other learner is.
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
        // Made for the run (see setUp): Fern, who coached Lee until Lee's entry was shared again with Gareth; someone signed
        // in with every role and then deactivated by an administrator; someone signed in as administrator and learner
        // whose administrator role was then taken away. The last two keep the session they had.
        PEOPLE.put("formerCoach", null);
        PEOPLE.put("deactivated", null);
        PEOPLE.put("roleRemoved", null);
        // Owen, a learner who signs in through an identity provider (the NHSmail realm of the test Keycloak): his answers
        // are those of any other learner, so a sign-in through a provider gives exactly the session a password gives.
        PEOPLE.put("providerLearner", null);
    }

    /** Path (with {placeholders} for the demo records' ids), then one answer per column of {@link #PEOPLE}. */
    private static final String MATRIX = """
            /learner/home.xhtml                                   S A A F F F F F F S S A
            /learner/catalogue.xhtml                              S A A F F F F F F S S A
            /learner/lesson.xhtml?id=why-systems-leadership       S A A F F F F F F S S A
            /learner/self-assessment.xhtml                        S A A F F F F F F S S A
            /learner/coaching.xhtml                               S A A F F F F F F S S A
            /learner/pairing.xhtml?id={pairing}                   S A N F F F F F F S S N
            /learner/pairing.xhtml?id=999999999                   S N N F F F F F F S S N
            /learner/journal.xhtml                                S A A F F F F F F S S A
            /learner/journal-write.xhtml                          S A A F F F F F F S S A
            /learner/journal-entry.xhtml?id={entry}               S A N F F F F F F S S N
            /learner/journal-write.xhtml?id={entry}               S A N F F F F F F S S N
            /learner/journal-write.xhtml?session=999999999        S N N F F F F F F S S N
            /coach/shared-entry.xhtml?id={entry}                  S F F N N F F F N S S F
            /learner/protected-time.xhtml                         S A A F F F F F F S S A
            /learner/book-coaching.xhtml                          S A A F F F F F F S S A
            /coach/home.xhtml                                     S F F A A F F F A S S F
            /coach/slots.xhtml                                    S F F A A F F F A S S F
            /coach/profile.xhtml                                  S F F A A F F F A S S F
            /coach/pairing.xhtml?id={pairing}                     S F F A N F F F N S S F
            /coach/coachee.xhtml?id={pairing}                     S F F A N F F F N S S F
            /manager/home.xhtml                                   S F F F F A A F F S S F
            /manager/programme.xhtml?id={programme}               S F F F F A N F F S S F
            /manager/report.xhtml?id={programme}                  S F F F F A N F F S S F
            /manager/cohort.xhtml?id={cohort}                     S F F F F A N F F S S F
            /manager/coaching.xhtml?cohort={cohort}               S F F F F A N F F S S F
            /manager/enrol.xhtml?cohort={cohort}                  S F F F F A N F F S S F
            /manager/member.xhtml?cohort={cohort}&person={amara}  S F F F F A N F F S S F
            /manager/cohort-managers.xhtml?id={cohort}            S F F F F A N F F S S F
            /manager/cohort-settings.xhtml?id={cohort}            S F F F F A N F F S S F
            /manager/cohort-export?id={cohort}&format=csv         S F F F F A N F F S S F
            /manager/cohort-export?id={cohort}&format=pdf         S F F F F A N F F S S F
            /manager/protected-time.xhtml?cohort={cohort}         S F F F F A N F F S S F
            /admin/home.xhtml                                     S F F F F F F A F S S F
            /admin/people.xhtml                                   S F F F F F F A F S S F
            /admin/person.xhtml?id={amara}                        S F F F F F F A F S S F
            /admin/organisations.xhtml                            S F F F F F F A F S S F
            /admin/professions.xhtml                              S F F F F F F A F S S F
            /admin/content.xhtml                                  S F F F F F F A F S S F
            /admin/emails.xhtml                                   S F F F F F F A F S S F
            /account/password.xhtml                               S A A A A A A A A S S A
            /account/calendar.xhtml                               S A A A A A A A A S S A
            /account/my-data                                      S A A A A A A A A S S A
            /account/session.xhtml?id=999999999                   S N N N N N N N N S S N
            /account/invitation?id=999999999                      S N N N N N N N N S S N
            /coach/shared-entry.xhtml?id={reshared}               S F F A N F F F N S S F
            /learner/journal-entry.xhtml?id={reshared}            S N N F F F F F F S S N
            /coach/pairing.xhtml?id={formerPairing}               S F F N N F F F A S S F
            /learner/feedback.xhtml                               S A A F F F F F F S S A
            /learner/feedback-round.xhtml?id={feedbackOpen}       S A N F F F F F F S S N
            /learner/feedback-round.xhtml?id=999999999            S N N F F F F F F S S N
            /learner/feedback-report.xhtml?id={feedbackClosed}    S A N F F F F F F S S N
            /learner/feedback-report.pdf?id={feedbackClosed}      S A N F F F F F F S S N
            /coach/feedback.xhtml                                 S F F A A F F F A S S F
            /coach/feedback-report.xhtml?id={feedbackClosed}      S F F N N F F F N S S F
            /manager/feedback-rounds.xhtml?programme={programme}  S F F F F A N F F S S F
            /manager/feedback-impact.xhtml?programme={programme}  S F F F F A N F F S S F
            /manager/feedback-impact.pdf?programme={programme}    S F F F F A N F F S S F
            /rater/feedback.xhtml?t={raterOpen}                   A A A A A A A A A A A A
            /rater/feedback.xhtml?t={raterUsed}                   A A A A A A A A A A A A
            /rater/feedback.xhtml?t={raterExpired}                410 410 410 410 410 410 410 410 410 410 410 410
            /rater/feedback.xhtml?t={raterGuess}                  N N N N N N N N N N N N
            /rater/feedback.xhtml?t=short                         N N N N N N N N N N N N
            /account/notifications.xhtml                          S A A A A A A A A S S A
            /account/notifications.xhtml?open=999999999           S N N N N N N N N S S N
            /account/notification-choices.xhtml                   S A A A A A A A A S S A
            /account/data.xhtml                                   S A A A A A A A A S S A
            /email-choices.xhtml?t=short                          N N N N N N N N N N N N
            """;

    /** The address of the learner who signs in through the identity provider (a user of the test Keycloak's NHSmail realm). */
    private static final String PROVIDER_LEARNER = "matrix.learner@nhsmail.test";

    /** A comment in the demo learner's closed 360: only she may ever read it (a coach only once she shares the report). */
    private static final String FEEDBACK_COMMENT = "Brings people from different organisations round one table";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return PortalDeployment.war();
    }

    @ArquillianResource
    private URL base;

    private static ReSharedEntry reShared;

    /** The re-shared entry, built once for the class through the pages. */
    private ReSharedEntry reShared() throws Exception {
        if (reShared == null) {
            reShared = ReSharedEntry.build(base);
        }
        return reShared;
    }

    @Test
    void everyPageAnswersEachPersonAsTheTableSaysAndNeverLeaks() throws Exception {
        Map<String, String> ids = demoIds();
        ids.put("reshared", String.valueOf(reShared().entryId));
        ids.put("formerPairing", String.valueOf(reShared().formerPairing));
        Map<String, PortalClient> clients = new LinkedHashMap<>();
        for (Map.Entry<String, String> person : PEOPLE.entrySet()) {
            clients.put(person.getKey(), person.getValue() == null ? PortalClient.anonymous(base) : PortalClient.signedIn(base, person.getValue(), PASSWORD));
        }
        clients.put("formerCoach", PortalClient.signedIn(base, reShared().formerCoach, PASSWORD));
        String deactivated = TestDatabase.person("Dee", false, "LEARNER", "COACH", "PROGRAMME_MANAGER", "ADMIN");
        clients.put("deactivated", PortalClient.signedIn(base, deactivated, PASSWORD));
        String roleRemoved = TestDatabase.person("Ray", false, "LEARNER", "ADMIN");
        clients.put("roleRemoved", PortalClient.signedIn(base, roleRemoved, PASSWORD));
        TestDatabase.providerPerson(PROVIDER_LEARNER, true, "LEARNER");
        Keycloak.start();
        clients.put("providerLearner", PortalClient.signedInThroughProvider(base, "nhsmail", "matrix.learner", Keycloak.PASSWORD));
        assertEquals(200, clients.get("deactivated").get("/admin/home.xhtml").statusCode(), "signed in before the change");
        assertEquals(200, clients.get("roleRemoved").get("/admin/home.xhtml").statusCode(), "signed in before the change");
        PortalClient admin = clients.get("admin");
        post(admin, "/admin/person.xhtml?id=" + People.id(deactivated), "status", "status:deactivate", "Deactivate");
        post(admin, "/admin/person.xhtml?id=" + People.id(roleRemoved), "person", "person:roles", "LEARNER", "person:save", "Save");
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
                // What Fern and Lee said while Fern coached Lee stays between them, even once the entry is shared with Gareth;
                // Fern's reason for ending is Fern's alone; Gareth's comment is for Lee and Gareth.
                for (String secret : List.of(ReSharedEntry.FORMER_COMMENT, ReSharedEntry.REPLY_TO_FORMER)) {
                    if (response.body().contains(secret)) {
                        wrong.add(path + " as " + person.getKey() + " shows what was said with a former coach: " + secret);
                    }
                }
                if (response.body().contains(ReSharedEntry.FORMER_REASON) && !person.getKey().equals("formerCoach")) {
                    wrong.add(path + " as " + person.getKey() + " shows the former coach's private reason for ending");
                }
                if (response.body().contains(ReSharedEntry.CURRENT_COMMENT) && !person.getKey().equals("coach")) {
                    wrong.add(path + " as " + person.getKey() + " shows the current coach's comment");
                }
                boolean author = "A".equals(actual) && person.getKey().equals("learner");
                if (!author) {
                    for (String secret : PRIVATE) {
                        if (response.body().contains(secret)) {
                            wrong.add(path + " as " + person.getKey() + " shows the learner's private journal: " + secret);
                        }
                    }
                }
                if (response.body().contains(FEEDBACK_COMMENT) && !("A".equals(actual) && person.getKey().equals("learner"))) {
                    wrong.add(path + " as " + person.getKey() + " shows the learner's 360 report");
                }
                // A rater's link shows its questions only while it is open; used, expired or made up, never.
                if (path.startsWith("/rater/") && !path.contains(ids.get("raterOpen")) && response.body().contains("id=\"rate\"")) {
                    wrong.add(path + " as " + person.getKey() + " shows a rater's questions");
                }
                if (path.startsWith("/rater/") && path.contains(ids.get("raterOpen")) && !response.body().contains("id=\"rate\"")) {
                    wrong.add(path + " as " + person.getKey() + " does not show the open link's questions");
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

    /**
     * Each person's subject access download, walked field by field: every piece of text in it must be somewhere on the
     * pages that person can open (found by following the links of their own pages, as they would click), so the
     * download never tells anyone what the portal does not show them. Dates, times, numbers, yes/no values and codes are
     * shown in other forms on the pages and are not compared; {@link #OWN_RECORD} lists the few fields that are the
     * person's own record and on no page, with why.
     */
    @Test
    void theSubjectAccessDownloadHoldsNothingThePortalDoesNotShowThatPerson() throws Exception {
        ReSharedEntry scenario = reShared();
        List<String> wrong = new ArrayList<>();
        int compared = 0;
        for (String email : List.of(scenario.learner, scenario.formerCoach, "learner@demo.test", "coach@demo.test")) {
            PortalClient person = PortalClient.signedIn(base, email, PASSWORD);
            HttpResponse<String> download = person.get("/account/my-data");
            assertEquals(200, download.statusCode(), "the download for " + email);
            jakarta.json.JsonObject document;
            try (jakarta.json.JsonReader reader = jakarta.json.Json.createReader(new java.io.StringReader(download.body()))) {
                document = reader.readObject();
            }
            String pages = PageWalk.textOfEverythingLinkedFrom(person, List.of(homeOf(person), "/account/password.xhtml",
                    "/account/calendar.xhtml", "/account/data.xhtml"));
            Map<String, String> leaves = new LinkedHashMap<>();
            PageWalk.textLeaves(document, "", leaves);
            for (Map.Entry<String, String> leaf : leaves.entrySet()) {
                if (PageWalk.isShownInAnotherForm(leaf.getValue()) || OWN_RECORD.keySet().stream().anyMatch(leaf.getKey()::matches)) {
                    continue;
                }
                compared++;
                if (!pages.contains(PageWalk.normalise(leaf.getValue()))) {
                    wrong.add(email + ": " + leaf.getKey() + " = \"" + leaf.getValue() + "\" is on none of their pages");
                }
            }
            if (email.equals(scenario.learner)) {
                assertFalse(download.body().contains(ReSharedEntry.FORMER_REASON), "the coach's private reason for ending is not the coachee's");
                assertTrue(download.body().contains(ReSharedEntry.FORMER_COMMENT) && download.body().contains(ReSharedEntry.CURRENT_COMMENT),
                        "the author has every comment on their entry");
            }
            if (email.equals("learner@demo.test")) {
                // Her 360s: both rounds, who she invited as she typed them, how many answered per group, and the closed
                // round's report with its comments; nothing about one rater beyond the address and group she gave.
                jakarta.json.JsonArray rounds = document.getJsonArray("feedback360");
                assertTrue(rounds != null && rounds.size() >= 2, "her 360 rounds are in the download: " + rounds);
                jakarta.json.JsonObject closed = demoRound(rounds, "At the start");
                jakarta.json.JsonObject open = demoRound(rounds, "At the end");
                assertTrue(closed.getJsonArray("yourRatings").size() > 20, "her own ratings of every element");
                assertTrue(closed.getJsonArray("invited").stream().anyMatch(i -> i.asJsonObject().getString("email").equals("rater3@westmoor.demo.test")),
                        "the raters she invited");
                closed.getJsonArray("invited").forEach(i -> assertEquals(java.util.Set.of("email", "group"), i.asJsonObject().keySet(),
                        "a rater is only the address and group she gave, never whether or what they answered"));
                assertTrue(closed.getJsonObject("report").getJsonArray("commentsWhatToKeepDoing").toString().contains(FEEDBACK_COMMENT),
                        "her report's comments, without names");
                assertFalse(open.containsKey("report"), "no report before the round closes");
            }
            if (email.equals(scenario.formerCoach)) {
                assertTrue(download.body().contains(ReSharedEntry.FORMER_REASON), "one's own reason for ending is one's own");
            }
        }
        assertTrue(compared >= 40, "the documents were walked: " + compared + " values compared");
        if (!wrong.isEmpty()) {
            fail(wrong.size() + " values of " + compared + " are in the download but on no page:\n" + String.join("\n", wrong));
        }
    }

    /** The demo programme's round of this name in a download's 360s (other tests may give the demo learner rounds of their own). */
    private static jakarta.json.JsonObject demoRound(jakarta.json.JsonArray rounds, String name) {
        return rounds.stream().map(jakarta.json.JsonValue::asJsonObject)
                .filter(r -> r.getString("programme").equals("Leading Across Westmoor") && r.getString("round").equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("the demo round " + name + " is in the download: " + rounds));
    }

    /** Fields of the download that are the person's own record but on none of their pages, by path, with why. */
    private static final Map<String, String> OWN_RECORD = Map.of(
            "format|about", "what the document is, not data about the person");

    private static String homeOf(PortalClient person) {
        HttpResponse<String> front = person.get("/index.xhtml");
        return front.headers().firstValue("Location").map(l -> l.replaceFirst("^https?://[^/]+", "")).orElse("/learner/home.xhtml");
    }

    private static void post(PortalClient client, String page, String formId, String... fields) {
        Map<String, String> form = client.form(page, formId);
        for (int i = 0; i < fields.length; i += 2) {
            form.put(fields[i], fields[i + 1]);
        }
        int status = client.post(page, form).statusCode();
        assertTrue(status == 302 || status == 303, page + " " + formId + " answered " + status);
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
            ids.put("feedbackClosed", single(statement, "SELECT q.id FROM feedback_request q JOIN feedback_round r ON r.id = q.round_id "
                    + "JOIN person p ON p.id = q.learner_id WHERE p.email = 'learner@demo.test' AND r.name = 'At the start' ORDER BY q.id LIMIT 1"));
            ids.put("feedbackOpen", single(statement, "SELECT q.id FROM feedback_request q JOIN feedback_round r ON r.id = q.round_id "
                    + "JOIN person p ON p.id = q.learner_id WHERE p.email = 'learner@demo.test' AND r.name = 'At the end' ORDER BY q.id LIMIT 1"));
            // Raters' links, made here with secrets the test knows (the portal keeps only their hashes): one open, one whose
            // answers are in, one in the closed round, and one never made.
            ids.put("raterOpen", raterLink(statement, ids.get("feedbackOpen"), false));
            ids.put("raterUsed", raterLink(statement, ids.get("feedbackOpen"), true));
            ids.put("raterExpired", raterLink(statement, ids.get("feedbackClosed"), false));
            ids.put("raterGuess", org.leadingtogether.feedback.RaterToken.create());
            ids.put("pairing", single(statement, "SELECT cp.id FROM coaching_pairing cp JOIN person c ON c.id = cp.coach_id "
                    + "JOIN person l ON l.id = cp.coachee_id WHERE c.email = 'coach@demo.test' AND l.email = 'learner@demo.test' ORDER BY cp.id LIMIT 1"));
        }
        return ids;
    }

    /** A rater invited to a 360 with a link whose secret this test knows; gives the secret. */
    private static String raterLink(Statement statement, String request, boolean answered) throws Exception {
        String token = org.leadingtogether.feedback.RaterToken.create();
        statement.executeUpdate("INSERT INTO feedback_rater (version, created_at, modified_at, request_id, relationship, email, answered) VALUES (0, "
                + "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, " + Long.parseLong(request) + ", 'PEER', 'matrix-" + token.substring(0, 8).toLowerCase()
                + "@example.org', " + answered + ")", Statement.RETURN_GENERATED_KEYS);
        long rater;
        try (ResultSet keys = statement.getGeneratedKeys()) {
            keys.next();
            rater = keys.getLong(1);
        }
        statement.executeUpdate("INSERT INTO feedback_link (token_hash, rater_id, created_at) VALUES ('"
                + org.leadingtogether.feedback.RaterToken.hash(token) + "', " + rater + ", CURRENT_TIMESTAMP)");
        return token;
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
