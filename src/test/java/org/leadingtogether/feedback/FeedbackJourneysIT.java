package org.leadingtogether.feedback;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.leadingtogether.support.BrowserJourney;
import org.leadingtogether.support.People;
import org.leadingtogether.support.PortalDeployment;
import org.leadingtogether.support.TestDatabase;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * 360 feedback in a real browser, with the invitations and reminders received by a real SMTP server (GreenMail, in the
 * test's own JVM on the port SMTP_PORT names):
 * <ul>
 *   <li>a learner starts her 360, is refused an unrated element and a list of addresses with bad lines (each named, nobody
 *       invited), rates herself, invites her line manager, peers and partners, and reminds those who have not answered;</li>
 *   <li>raters with no account answer on a phone-sized screen: told who sees what (the line manager that their answers are
 *       shown as theirs), refused an unanswered quality, warned of a comment that names someone; a link opened again after
 *       sending, an expired link and a made-up one each end on a plain page, never the questions;</li>
 *   <li>after the round closes she reads her report (small groups only within all others, comments without names), its
 *       PDF, and shares it with her coach, who reads it and notes the debrief, which she then reads;</li>
 *   <li>a programme manager sets rounds (a closing date before the opening refused at the field) and sees the programme's
 *       impact only once five learners have completed both rounds, cohorts under five left out, and its one-page PDF.</li>
 * </ul>
 * Every page is scanned with axe and photographed at desktop and phone widths. What other features would have set up
 * (people, a pairing, an enrolment, rounds' dates moved on) is made with plain SQL on the test database.
 */
class FeedbackJourneysIT extends BrowserJourney {

    private static final Pattern LINK = Pattern.compile("https?://\\S+/rater/feedback\\.xhtml\\?t=([A-Za-z0-9_-]{43})");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return PortalDeployment.war();
    }

    // ---------------------------------------------------------------- learner, raters, coach

    @Test
    void aLearnerGathersA360FromRatersWithNoAccountAndTalksItThroughWithHerCoach() throws Exception {
        String learner = TestDatabase.person("Nia", false, "LEARNER");
        String coach = TestDatabase.person("Owen", false, "COACH");
        long learnerId = People.id(learner);
        long coachId = People.id(coach);
        long cohort = TestDatabase.cohortRunBy("manager@demo.test", learnerId, LocalDate.now().minusDays(20));
        long programme = TestDatabase.number("SELECT programme_id FROM cohort WHERE id = ?", cohort);
        // Set up first, so that the minutes of this journey pass for the portal's reminder timer; checked at the end.
        AutomaticReminders automatic = AutomaticReminders.setUp(base.toString());
        TestDatabase.update("INSERT INTO coach_profile (person_id, version, created_at, modified_at, capacity, takes_own_organisation, available) "
                + "VALUES (?, 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 4, FALSE, TRUE)", coachId);
        TestDatabase.update("INSERT INTO coaching_pairing (version, created_at, modified_at, coach_id, coachee_id, state, proposed_by, proposed_at, respond_by) "
                + "VALUES (0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, ?, ?, 'ACTIVE', ?, CURRENT_TIMESTAMP, CURRENT_DATE)", coachId, learnerId, coachId);
        long round = TestDatabase.insert("INSERT INTO feedback_round (version, created_at, modified_at, programme_id, name, opens_on, closes_on, min_raters) "
                + "VALUES (0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, ?, 'At the start', ?, ?, 5)", programme, Date.valueOf(LocalDate.now().minusDays(1)),
                Date.valueOf(LocalDate.now().plusDays(10)));

        // She starts her 360 and rates herself: one quality left unrated is refused and marked.
        browser.signIn(learner, People.DEMO_PASSWORD);
        browser.go("/learner/feedback.xhtml");
        assertEquals("360 feedback", browser.heading());
        assertTrue(browser.text("main").contains("Not started"), browser.text("main"));
        browser.check("feedback-learner-rounds");
        browser.submit(By.id("open-" + round));
        assertTrue(browser.path().startsWith("/learner/feedback-round.xhtml?id="), browser.path());
        long request = TestDatabase.number("SELECT id FROM feedback_request WHERE round_id = ? AND learner_id = ?", round, learnerId);
        assertTrue(browser.text("#steps").contains("Rate yourself: not done yet."), browser.text("#steps"));
        assertTrue(browser.text("main").contains("Your line manager's ratings are shown to you as theirs"), "told before inviting");
        browser.check("feedback-learner-round");
        chooseEverywhere("#self", "3");
        uncheck("#self", "MLC-P3.2");
        browser.submit("self:save");
        assertTrue(browser.text("main").contains("One quality has no answer yet"), browser.text("main"));
        assertTrue(browser.text("fieldset[data-element='MLC-P3.2']").contains("Choose a rating."));
        assertEquals(0, TestDatabase.number("SELECT COUNT(*) FROM feedback_response WHERE request_id = ?", request), "nothing half saved");
        browser.check("feedback-learner-unrated");
        choose("#self", "MLC-P3.2", "2");
        choose("#self", "MLC-P4.2", "4");
        browser.submit("self:save");
        assertTrue(browser.text("main").contains("Your own ratings are saved"), browser.text("main"));

        // Bad lines are refused by line, and nobody is invited until every line is right.
        new Select(browser.find("invite:group")).selectByVisibleText("Peers");
        browser.type("invite:addresses", "pat.peer@example.org\nbob@\n" + learner + "\nPat.Peer@example.org\nkit@example.org, lee@example.org");
        browser.submit("invite:send");
        String errors = browser.text("#invite\\:addressesErrors");
        assertTrue(errors.contains("Line 2: 'bob@' is not an email address"), errors);
        assertTrue(errors.contains("Line 3: " + learner + " is your own address"), errors);
        assertTrue(errors.contains("Line 4: pat.peer@example.org is already on line 1."), errors);
        assertTrue(errors.contains("Line 5: 'kit@example.org, lee@example.org' holds more than one thing"), errors);
        assertEquals(0, TestDatabase.number("SELECT COUNT(*) FROM feedback_rater WHERE request_id = ?", request));
        browser.check("feedback-learner-bad-addresses");

        invite("Line manager", "lena.manager@example.org");
        invite("Peers", "pat.peer@example.org\nquinn.peer@example.org\nrue.peer@example.org");
        invite("Partners in other organisations", "sam.partner@example.org\ntara.partner@example.org");
        invite("Others", "uma.other@example.org\nvic.other@example.org");
        assertTrue(browser.text("#steps").contains("8 invited so far."), browser.text("#steps"));
        assertTrue(browser.text("#answered").contains("Peers 3 0"), browser.text("#answered"));

        // Each invitation arrives with a link of its own; the line manager is told up front that theirs are not anonymous.
        Map<String, String> links = new java.util.HashMap<>();
        for (String rater : List.of("lena.manager@example.org", "pat.peer@example.org", "quinn.peer@example.org", "rue.peer@example.org",
                "sam.partner@example.org", "tara.partner@example.org", "uma.other@example.org", "vic.other@example.org")) {
            String body = awaitMail(rater, "asks for your feedback");
            Matcher link = LINK.matcher(body);
            assertTrue(link.find(), "a link for " + rater + ": " + body);
            links.put(rater, link.group(1));
            assertTrue(body.contains("Nia Tester is taking part in"), body);
            assertTrue(body.contains(rater.startsWith("lena") ? "As their line manager, your ratings are shown to Nia Tester as yours: they are not anonymous."
                    : "Your ratings are anonymous"), body);
        }
        assertEquals(8, links.values().stream().distinct().count(), "every link is its own");
        assertEquals(0, TestDatabase.number("SELECT COUNT(*) FROM feedback_link WHERE token_hash IN (?, ?)", links.get("pat.peer@example.org"),
                links.get("lena.manager@example.org")), "only hashes are stored");
        awaitNoSecretsInOutbox();
        browser.signOut();

        // The line manager answers on a phone: first forgetting one quality, then with everything.
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        browser.go("/rater/feedback.xhtml?t=" + links.get("lena.manager@example.org"));
        assertEquals("Feedback for Nia Tester", browser.heading());
        assertTrue(browser.text("#whoSees").contains("As their line manager, your ratings are shown to Nia Tester as yours"), browser.text("#whoSees"));
        assertFalse(browser.present(".site-nav"), "no signed-in navigation for a rater");
        browser.check("feedback-rater-questions");
        chooseEverywhere("#rate", "4");
        uncheck("#rate", "MLC-D2.1");
        browser.submit("rate:send");
        assertTrue(browser.text("main").contains("One quality has no answer yet: choose a rating or 'Not able to say'"), browser.text("main"));
        assertTrue(browser.text("fieldset[data-element='MLC-D2.1']").contains("Choose a rating, or \"Not able to say\"."));
        browser.check("feedback-rater-unanswered");
        choose("#rate", "MLC-D2.1", "0");
        browser.type("rate:keepDoing", "Holds the team together through winter pressures.");
        browser.submit("rate:send");
        assertEquals("Thank you", browser.heading());
        assertTrue(browser.text("main").contains("Your answers are sent."), browser.text("main"));
        browser.check("feedback-rater-sent");

        // Opened again after sending: a plain page, never the questions.
        browser.go("/rater/feedback.xhtml?t=" + links.get("lena.manager@example.org"));
        assertEquals("Thank you", browser.heading());
        assertTrue(browser.text("main").contains("Your answers were sent already. They cannot be changed"), browser.text("main"));
        assertFalse(browser.present("#rate"));

        // A peer's comment that names someone is held back with the words marked, then sent as it is.
        browser.go("/rater/feedback.xhtml?t=" + links.get("pat.peer@example.org"));
        assertTrue(browser.text("#whoSees").contains("Your ratings are anonymous"), browser.text("#whoSees"));
        chooseEverywhere("#rate", "2");
        browser.type("rate:doDifferently", "Could ask Mrs Jones on ward 7 for help more often.");
        long comments = TestDatabase.number("SELECT COUNT(*) FROM feedback_comment WHERE request_id = ?", request);
        browser.submit("rate:send");
        assertTrue(browser.text("#rate\\:identifying mark").contains("Jones"), browser.text("main"));
        assertEquals(comments, TestDatabase.number("SELECT COUNT(*) FROM feedback_comment WHERE request_id = ?", request), "nothing stored yet");
        browser.check("feedback-rater-identifying");
        browser.type("rate:doDifferently", "Could ask colleagues on the ward for help more often.");
        browser.submit("rate:send");
        assertEquals("Thank you", browser.heading());

        // A second peer answers; the others are reminded.
        answer(links.get("quinn.peer@example.org"), "3", "Listens before deciding.");
        browser.driver().manage().window().setSize(new Dimension(1280, 900));

        // The learner sees counts per group, never who, and reminds the two who have not answered.
        browser.signIn(learner, People.DEMO_PASSWORD);
        browser.go("/learner/feedback-round.xhtml?id=" + request);
        assertTrue(browser.text("#answered").contains("Line manager 1 1"), browser.text("#answered"));
        assertTrue(browser.text("#answered").contains("Peers 3 2"), browser.text("#answered"));
        assertTrue(browser.text("#answered").contains("Partners in other organisations 2 0"), browser.text("#answered"));
        browser.submit("remind:send");
        assertTrue(browser.text("main").contains("Reminders are on their way to the 5 people who have not answered yet."), browser.text("main"));
        assertFalse(browser.present("#remind\\:send"), "one reminder a day");
        browser.check("feedback-learner-reminded");
        String reminder = awaitMail("sam.partner@example.org", "Reminder: Nia Tester asks for your feedback");
        Matcher newLink = LINK.matcher(reminder);
        assertTrue(newLink.find(), reminder);
        assertFalse(newLink.group(1).equals(links.get("sam.partner@example.org")), "a reminder carries a new link");
        awaitMail("vic.other@example.org", "Reminder: Nia Tester asks for your feedback");
        awaitNoSecretsInOutbox();
        browser.signOut();

        // A partner answers through the reminder's link; the invitation's link then says the answers are in. Three more answer;
        // one never does.
        answer(newLink.group(1), "3", null);
        answer(links.get("rue.peer@example.org"), "3", null);
        answer(links.get("tara.partner@example.org"), "1", "Keeps partners informed.");
        answer(links.get("uma.other@example.org"), "2", null);
        browser.go("/rater/feedback.xhtml?t=" + links.get("sam.partner@example.org"));
        assertTrue(browser.text("main").contains("Your answers were sent already"), browser.text("main"));

        // A made-up link, and one cut short: the same plain page, answered 404.
        assertEquals(404, browser.download("/rater/feedback.xhtml?t=" + "x".repeat(43)).statusCode());
        browser.go("/rater/feedback.xhtml?t=" + links.get("vic.other@example.org").substring(1));
        assertEquals("This link does not work", browser.heading());
        assertFalse(browser.present("#rate"));
        browser.check("feedback-rater-unknown");

        // The round closes: an unused link ends on a plain page (410); answers can no longer be sent.
        TestDatabase.update("UPDATE feedback_round SET closes_on = ? WHERE id = ?", Date.valueOf(LocalDate.now().minusDays(1)), round);
        HttpResponse<byte[]> expired = browser.download("/rater/feedback.xhtml?t=" + links.get("vic.other@example.org"));
        assertEquals(410, expired.statusCode());
        browser.go("/rater/feedback.xhtml?t=" + links.get("vic.other@example.org"));
        assertEquals("This feedback has closed", browser.heading());
        assertFalse(browser.present("#rate"));
        browser.check("feedback-rater-closed");

        // Her report: the line manager as theirs, peers (3) on their own, partners (2) and others (1) only within all others.
        browser.signIn(learner, People.DEMO_PASSWORD);
        browser.go("/learner/feedback-report.xhtml?id=" + request);
        List<String> columns = browser.driver().findElements(By.cssSelector("#ratings thead th")).stream().map(WebElement::getText).toList();
        assertEquals(List.of("Principle or dimension, and its elements", "You", "Line manager (1)", "Peers (3)", "All others (7)"), columns);
        assertTrue(browser.text("#folded").contains("partners in other organisations (2), others (1)"), browser.text("#folded"));
        String table = browser.text("#ratings");
        assertTrue(table.contains("Knowing yourself and learning from feedback 4.0 4.0 2.7 2.6"), table);
        assertTrue(browser.text("#othersSeeMore").contains("Creating psychologically safe teams"), browser.text("#othersSeeMore"));
        assertTrue(browser.text("#youSeeMore").contains("Knowing yourself and learning from feedback"), browser.text("#youSeeMore"));
        assertTrue(browser.text("#keepDoing").contains("Holds the team together through winter pressures."));
        assertTrue(browser.text("#doDifferently").contains("Could ask colleagues on the ward for help more often."));
        assertFalse(browser.text("main").contains("lena.manager@example.org") || browser.text("main").contains("pat.peer"), "comments unattributed");
        assertTrue(browser.text("#private").contains("Only you."));
        browser.check("feedback-learner-report");
        HttpResponse<byte[]> pdf = browser.download("/learner/feedback-report.pdf?id=" + request);
        assertEquals(200, pdf.statusCode());
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertTrue(text.contains("360 feedback: Nia Tester") && text.contains("All others (7)") && text.contains("Listens before deciding."), text);
        }

        // Shared with her coach, who reads it and notes the debrief; nobody else may.
        browser.submit("sharing:share");
        assertTrue(browser.text("#shared").contains("Owen Tester"), browser.text("#shared"));
        browser.signOut();
        browser.signIn(coach, People.DEMO_PASSWORD);
        browser.go("/coach/feedback.xhtml");
        browser.check("feedback-coach-list");
        browser.driver().findElement(By.linkText("Nia Tester: At the start")).click();
        browser.waitForPath("/coach/feedback-report.xhtml");
        assertTrue(browser.text("#ratings").contains("Peers (3)"), browser.text("#ratings"));
        browser.type("debrief:note", "Talked through the gap on psychological safety; Nia will ask the team for one idea a week.");
        browser.submit("debrief:save");
        assertTrue(browser.text("#debriefs").contains("one idea a week"), browser.text("#debriefs"));
        browser.check("feedback-coach-report");
        browser.signOut();
        browser.signIn("coach@demo.test", People.DEMO_PASSWORD);
        assertEquals(404, browser.download("/coach/feedback-report.xhtml?id=" + request).statusCode(), "another coach");
        browser.signOut();
        browser.signIn("manager@demo.test", People.DEMO_PASSWORD);
        assertEquals(403, browser.download("/learner/feedback-report.xhtml?id=" + request).statusCode(), "the programme manager");
        assertEquals(403, browser.download("/coach/feedback-report.xhtml?id=" + request).statusCode(), "the programme manager");
        browser.signOut();
        browser.signIn(learner, People.DEMO_PASSWORD);
        browser.go("/learner/feedback-report.xhtml?id=" + request);
        assertTrue(browser.text("#debriefs").contains("Owen Tester") && browser.text("#debriefs").contains("one idea a week"), browser.text("#debriefs"));
        browser.submit("sharing:unshare");
        assertTrue(browser.text("#private").contains("Only you."));
        browser.signOut();
        browser.signIn(coach, People.DEMO_PASSWORD);
        assertEquals(404, browser.download("/coach/feedback-report.xhtml?id=" + request).statusCode(), "no longer shared");
        browser.signOut();

        automatic.check(browser);
    }

    /**
     * The portal's own reminders, three days before a round closes, sent by its timer (every minute) while the journey
     * above runs: Ada's round closes in three days, and of her raters only the one who has not answered and was invited
     * days ago is reminded, once, with a link that works; the rater who answered and the one invited today are not, nor
     * raters of her round closing in five days or of one closed yesterday, nor the rater of Bo, withdrawn from his programme.
     */
    private static final class AutomaticReminders {

        private final String due;
        private final List<String> notDue;
        private final long dueRater;

        private AutomaticReminders(String due, List<String> notDue, long dueRater) {
            this.due = due;
            this.notDue = notDue;
            this.dueRater = dueRater;
        }

        static AutomaticReminders setUp(String portal) throws Exception {
            String run = java.util.UUID.randomUUID().toString().substring(0, 8);
            String ada = TestDatabase.person("Ada", false, "LEARNER");
            long adaCohort = TestDatabase.cohortRunBy("manager@demo.test", People.id(ada), LocalDate.now().minusDays(30));
            long adaProgramme = TestDatabase.number("SELECT programme_id FROM cohort WHERE id = ?", adaCohort);
            String bo = TestDatabase.person("Bo", false, "LEARNER");
            long boCohort = TestDatabase.cohortRunBy("manager@demo.test", People.id(bo), LocalDate.now().minusDays(30));
            TestDatabase.update("UPDATE cohort_membership SET status = 'WITHDRAWN' WHERE cohort_id = ?", boCohort);
            long boProgramme = TestDatabase.number("SELECT programme_id FROM cohort WHERE id = ?", boCohort);
            java.sql.Timestamp daysAgo = java.sql.Timestamp.valueOf(java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).minusDays(5));
            java.sql.Timestamp justNow = java.sql.Timestamp.valueOf(java.time.LocalDateTime.now(java.time.ZoneOffset.UTC));
            LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/London"));

            long closesSoon = request(adaProgramme, People.id(ada), today.plusDays(3), portal);
            String due = "due-" + run + "@example.org";
            long dueRater = rater(closesSoon, due, false, daysAgo);
            rater(closesSoon, "answered-" + run + "@example.org", true, daysAgo);
            rater(closesSoon, "fresh-" + run + "@example.org", false, justNow);
            rater(request(adaProgramme, People.id(ada), today.plusDays(5), portal), "early-" + run + "@example.org", false, daysAgo);
            rater(request(adaProgramme, People.id(ada), today.minusDays(1), portal), "closed-" + run + "@example.org", false, daysAgo);
            rater(request(boProgramme, People.id(bo), today.plusDays(2), portal), "withdrawn-" + run + "@example.org", false, daysAgo);
            return new AutomaticReminders(due, List.of("answered-" + run + "@example.org", "fresh-" + run + "@example.org",
                    "early-" + run + "@example.org", "closed-" + run + "@example.org", "withdrawn-" + run + "@example.org"), dueRater);
        }

        void check(org.leadingtogether.support.Browser browser) throws Exception {
            String body = awaitMail(due, "Reminder: Ada Tester asks for your feedback");
            Matcher link = LINK.matcher(body);
            assertTrue(link.find(), body);
            browser.go("/rater/feedback.xhtml?t=" + link.group(1));
            assertEquals("Feedback for Ada Tester", browser.heading(), "the reminder's link opens the questions");
            awaitNoSecretsInOutbox();
            assertEquals(1, mailsTo(due), "one reminder, however many times the timer ran");
            assertEquals(1, TestDatabase.number("SELECT reminders FROM feedback_rater WHERE id = ?", dueRater));
            for (String address : notDue) {
                assertEquals(0, mailsTo(address), "no reminder to " + address);
                assertEquals(0, TestDatabase.number("SELECT COUNT(*) FROM feedback_rater WHERE email = ? AND auto_reminded_at IS NOT NULL", address));
            }
        }

        private static long request(long programme, long learner, LocalDate closes, String portal) throws Exception {
            long round = TestDatabase.insert("INSERT INTO feedback_round (version, created_at, modified_at, programme_id, name, opens_on, closes_on, "
                    + "min_raters) VALUES (0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, ?, ?, ?, ?, 3)", programme, "Closing " + closes,
                    Date.valueOf(closes.minusDays(20)), Date.valueOf(closes));
            return TestDatabase.insert("INSERT INTO feedback_request (version, created_at, modified_at, round_id, learner_id, framework_id, portal_url) "
                    + "SELECT 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, ?, ?, id, ? FROM framework WHERE active = TRUE", round, learner, portal);
        }

        private static long rater(long request, String email, boolean answered, java.sql.Timestamp invited) throws Exception {
            return TestDatabase.insert("INSERT INTO feedback_rater (version, created_at, modified_at, request_id, relationship, email, answered) "
                    + "VALUES (0, ?, ?, ?, 'PEER', ?, ?)", invited, invited, request, email, answered);
        }

        private static long mailsTo(String address) throws Exception {
            long count = 0;
            for (MimeMessage message : mail.getReceivedMessages()) {
                if (GreenMailUtil.getAddressList(message.getRecipients(Message.RecipientType.TO)).contains(address)) {
                    count++;
                }
            }
            return count;
        }
    }

    // ---------------------------------------------------------------- programme manager

    @Test
    void aProgrammeManagerSetsRoundsAndSeesTheImpactOnlyOverFiveLearners() throws Exception {
        long first = TestDatabase.number("SELECT id FROM person WHERE email = 'learner@demo.test'");
        long cohort = TestDatabase.cohortRunBy("manager@demo.test", first, LocalDate.now().minusMonths(6));
        long programme = TestDatabase.number("SELECT programme_id FROM cohort WHERE id = ?", cohort);
        long small = TestDatabase.insert("INSERT INTO cohort (version, created_at, modified_at, programme_id, name, start_date, end_date, capacity) "
                + "VALUES (0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, ?, 'Small cohort', ?, ?, 20)", programme, Date.valueOf(LocalDate.now().minusMonths(6)),
                Date.valueOf(LocalDate.now().plusMonths(6)));

        browser.signIn("manager@demo.test", People.DEMO_PASSWORD);
        browser.go("/manager/feedback-rounds.xhtml?programme=" + programme);
        assertTrue(browser.present("#noRounds"));
        browser.check("feedback-manager-rounds-empty");
        browser.type("round:name", "At the start");
        browser.setValue("round:opensOn", LocalDate.now().minusMonths(5).toString());
        browser.setValue("round:closesOn", LocalDate.now().minusMonths(6).toString());
        browser.submit("round:save");
        assertTrue(browser.text("#round\\:closesOnError").contains("The closing date must be on or after the day the round opens."),
                browser.text("main"));
        assertEquals(0, TestDatabase.number("SELECT COUNT(*) FROM feedback_round WHERE programme_id = ?", programme));
        browser.check("feedback-manager-round-refused");
        browser.setValue("round:closesOn", LocalDate.now().minusMonths(4).toString());
        browser.submit("round:save");
        assertTrue(browser.text("main").contains("At the start is added."), browser.text("main"));
        browser.type("round:name", "At the end");
        browser.setValue("round:opensOn", LocalDate.now().minusDays(30).toString());
        browser.setValue("round:closesOn", LocalDate.now().minusDays(2).toString());
        browser.type("round:minRaters", "2");
        browser.submit("round:save");
        assertTrue(browser.text("main").contains("Ask for at least 3 raters"), browser.text("main"));
        browser.type("round:minRaters", "5");
        browser.submit("round:save");
        assertTrue(browser.text("#rounds").contains("At the end"), browser.text("#rounds"));
        browser.check("feedback-manager-rounds");
        List<Long> rounds = new ArrayList<>();
        for (String name : List.of("At the start", "At the end")) {
            rounds.add(TestDatabase.number("SELECT id FROM feedback_round WHERE programme_id = ? AND name = ?", programme, name));
        }

        // Four learners completed both rounds: not enough to show anything.
        List<Long> learners = new ArrayList<>(List.of(first));
        for (int i = 0; i < 5; i++) {
            long person = People.id(TestDatabase.person("Impact" + i, false, "LEARNER"));
            long into = i < 4 ? cohort : small; // five in the programme's first cohort, one in a small one
            TestDatabase.update("INSERT INTO cohort_membership (version, created_at, modified_at, cohort_id, person_id, status, enrolled_at, status_changed_at) "
                    + "VALUES (0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, ?, ?, 'ENROLLED', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)", into, person);
            learners.add(person);
        }
        for (int i = 0; i < 4; i++) {
            completed(rounds.get(0), learners.get(i), 2, 3);
            completed(rounds.get(1), learners.get(i), 3, 4);
        }
        browser.go("/manager/feedback-impact.xhtml?programme=" + programme);
        assertTrue(browser.text("#notReady").contains("at least 5 learners have completed both rounds: 4 have so far."), browser.text("main"));
        assertFalse(browser.present("#changes"));
        browser.check("feedback-manager-impact-too-few");

        // A fifth in the first cohort and a sixth in the small one: the figures appear; the small cohort is not shown on its own.
        for (int i = 4; i < 6; i++) {
            completed(rounds.get(0), learners.get(i), 2, 3);
            completed(rounds.get(1), learners.get(i), 3, 4);
        }
        browser.go("/manager/feedback-impact.xhtml?programme=" + programme);
        assertTrue(browser.text("#figures").replaceAll("\\s+", " ").contains("6 learners completed both rounds"), browser.text("#figures"));
        assertTrue(browser.text("#changes").contains("Be accountable +1.00 +1.00"), browser.text("#changes"));
        assertTrue(browser.text("#cohorts").contains("Test cohort 5 +1.00 +1.00"), browser.text("#cohorts"));
        assertFalse(browser.text("#cohorts").contains("Small cohort"));
        assertTrue(browser.text("#hiddenCohorts").contains("1 cohort has fewer than five learners compared"), browser.text("#hiddenCohorts"));
        assertFalse(browser.text("main").contains("Impact0") || browser.text("main").contains("Amara"), "no names");
        browser.check("feedback-manager-impact");
        HttpResponse<byte[]> pdf = browser.download("/manager/feedback-impact.pdf?programme=" + programme);
        assertEquals(200, pdf.statusCode());
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            assertEquals(1, document.getNumberOfPages(), "one page for a board");
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertTrue(text.contains("Programme impact") && text.contains("6 learners who completed both rounds") && text.contains("Be accountable +1.00 +1.00"), text);
            assertTrue(text.contains("Test cohort 5 +1.00 +1.00"), "the cohort's overall change, as on the page: " + text);
            assertFalse(text.contains("Small cohort"), text);
        }
        browser.signOut();
        browser.signIn("imran.qureshi@demo.test", People.DEMO_PASSWORD);
        assertEquals(404, browser.download("/manager/feedback-impact.xhtml?programme=" + programme).statusCode(), "another programme's manager");
        assertEquals(404, browser.download("/manager/feedback-impact.pdf?programme=" + programme).statusCode(), "another programme's manager");
    }

    // ---------------------------------------------------------------- helpers

    /** A completed 360 made in the database: own ratings and six raters' answers (as many as a round asks by default), every dimension at the given averages. */
    private static void completed(long round, long learner, int self, int others) throws Exception {
        long framework = TestDatabase.number("SELECT id FROM framework WHERE active = TRUE");
        long request = TestDatabase.insert("INSERT INTO feedback_request (version, created_at, modified_at, round_id, learner_id, framework_id, "
                + "self_rated_at, answers) VALUES (0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, ?, ?, ?, CURRENT_TIMESTAMP, 6)", round, learner, framework);
        TestDatabase.update("INSERT INTO feedback_score (request_id, dimension_code, self_total, self_count, others_total, others_count) "
                + "SELECT ?, d.code, ? * COUNT(e.id), COUNT(e.id), ? * 5 * COUNT(e.id), 5 * COUNT(e.id) FROM framework_dimension d "
                + "JOIN framework_element e ON e.dimension_id = d.id WHERE d.framework_id = ? GROUP BY d.code", request, self, others, framework);
    }

    private void invite(String group, String addresses) {
        new Select(browser.find("invite:group")).selectByVisibleText(group);
        browser.type("invite:addresses", addresses);
        browser.submit("invite:send");
        assertTrue(browser.text("main").contains("on its way") || browser.text("main").contains("on their way"), browser.text("main"));
    }

    /** A rater answers every quality with {@code value} (and one comment, if any) through their link. */
    private void answer(String token, String value, String comment) {
        browser.go("/rater/feedback.xhtml?t=" + token);
        chooseEverywhere("#rate", value);
        if (comment != null) {
            browser.type("rate:keepDoing", comment);
        }
        browser.submit("rate:send");
        assertEquals("Thank you", browser.heading(), browser.text("main"));
    }

    private void chooseEverywhere(String form, String value) {
        ((JavascriptExecutor) browser.driver()).executeScript(
                "document.querySelectorAll(arguments[0] + ' fieldset[data-element] input[type=radio]').forEach(r => { if (r.value === arguments[1]) r.checked = true; });",
                form.replace("#", "form#"), value);
    }

    private void choose(String form, String element, String value) {
        ((JavascriptExecutor) browser.driver()).executeScript(
                "document.querySelector(arguments[0] + \" fieldset[data-element='\" + arguments[1] + \"'] input[type=radio][value='\" + arguments[2] + \"']\").checked = true;",
                form.replace("#", "form#"), element, value);
    }

    private void uncheck(String form, String element) {
        ((JavascriptExecutor) browser.driver()).executeScript(
                "document.querySelectorAll(arguments[0] + \" fieldset[data-element='\" + arguments[1] + \"'] input[type=radio]\").forEach(r => r.checked = false);",
                form.replace("#", "form#"), element);
    }

    /** Once sent, no 360 email in the outbox still holds a working link (only the hashes of the secrets are kept). */
    private static void awaitNoSecretsInOutbox() throws Exception {
        long until = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < until) {
            if (TestDatabase.number("SELECT COUNT(*) FROM booking_notice WHERE kind LIKE 'FEEDBACK%' AND sent_at IS NULL") == 0) {
                assertEquals(0, TestDatabase.number("SELECT COUNT(*) FROM booking_notice WHERE kind LIKE 'FEEDBACK%' AND body LIKE '%feedback.xhtml?t=%' "
                        + "AND body NOT LIKE '%t=(link removed once sent)%'"));
                return;
            }
            Thread.sleep(200);
        }
        fail("360 emails still waiting in the outbox");
    }

    private static GreenMail mail;

    @BeforeAll
    static void startMailServer() {
        mail = new GreenMail(new ServerSetup(Integer.parseInt(System.getenv("SMTP_PORT")), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
    }

    @AfterAll
    static void stopMailServer() {
        mail.stop();
    }

    /** Waits (up to 60 s) for an email to {@code to} whose subject or text holds {@code text}; gives its decoded text. */
    private static String awaitMail(String to, String text) throws Exception {
        long until = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < until) {
            for (MimeMessage message : mail.getReceivedMessages()) {
                Object content = message.getContent();
                String body = content instanceof String s ? s : GreenMailUtil.getBody(message);
                String all = message.getSubject() + "\n" + body;
                if (all.contains(text) && GreenMailUtil.getAddressList(message.getRecipients(Message.RecipientType.TO)).contains(to)) {
                    return body;
                }
            }
            Thread.sleep(200);
        }
        fail("No email to " + to + " containing: " + text);
        return null;
    }
}
