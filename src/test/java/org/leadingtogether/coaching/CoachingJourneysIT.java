package org.leadingtogether.coaching;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.leadingtogether.support.BrowserJourney;
import org.leadingtogether.support.People;
import org.leadingtogether.support.PortalDeployment;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Coaching in a real browser, by the three people involved: a new coach writes their profile; the programme
 * manager asks for suggestions for a cohort and proposes the new coach; the coach accepts, writes the agreement,
 * records the first session with private notes and an action; the coachee agrees, sees the agreement and the
 * action but never the notes, and gives feedback; the manager sees the pairing and counts only. Every page is
 * scanned for accessibility and photographed.
 */
class CoachingJourneysIT extends BrowserJourney {

    private static final String NOTE = "Private note: worried about the restructure";
    private static final String ACTION = "Shadow the council's discharge team for a day";
    private static final String FEEDBACK = "It helped to name who really decides";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return PortalDeployment.war();
    }

    /** The SMTP server the portal sends to in these tests (on SMTP_PORT), for the notification emails. */
    private static com.icegreen.greenmail.util.GreenMail mail;

    private static synchronized void startMailServer() {
        if (mail == null) {
            mail = new com.icegreen.greenmail.util.GreenMail(new com.icegreen.greenmail.util.ServerSetup(
                    Integer.parseInt(System.getenv("SMTP_PORT")), "127.0.0.1", com.icegreen.greenmail.util.ServerSetup.PROTOCOL_SMTP));
            mail.start();
        }
    }

    @org.junit.jupiter.api.AfterAll
    static void stopMailServer() {
        if (mail != null) {
            mail.stop();
        }
    }

    /** The one-click link (its path) in the email with {@code subject} that reached {@code email}, waiting up to 60 s. */
    private static String choiceLinkSentTo(String email, String subject) throws Exception {
        java.util.regex.Pattern link = java.util.regex.Pattern.compile("/email-choices\\.xhtml\\?t=[A-Za-z0-9_-]{43}");
        for (int i = 0; i < 300; i++) {
            for (jakarta.mail.internet.MimeMessage message : mail.getReceivedMessages()) {
                if (subject.equals(message.getSubject()) && java.util.Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().contains(email))) {
                    java.util.regex.Matcher found = link.matcher(String.valueOf(message.getContent()));
                    assertTrue(found.find(), String.valueOf(message.getContent()));
                    return found.group();
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no email \"" + subject + "\" to " + email);
    }

    @Test
    void aManagerPairsACohortTheCoachAcceptsAndEachSideSeesOnlyWhatIsTheirs() throws Exception {
        startMailServer();
        String coach = People.addPerson(browser, "Cora", "COACH", "Management and non-clinical", "Carers Together");
        String coachee = People.addPerson(browser, "Lowri", "LEARNER", "Nursing", "Riverside");

        // The coach writes a profile.
        People.firstSignIn(browser, coach, "cora-own-password-1");
        browser.go("/coach/home.xhtml");
        assertTrue(browser.present("#noProfile"), "asked to write a profile first");
        browser.go("/coach/profile.xhtml");
        browser.type("profile:accreditations", "EMCC Senior Practitioner, ILM Level 7")
                .type("profile:specialisms", "Change leadership, working across organisations")
                .type("profile:capacity", "25");
        browser.driver().findElement(By.xpath("//label[contains(., 'Nursing')]")).click();
        browser.submit("profile:save");
        assertTrue(browser.text("#profile\\:capacityError").contains("between 0 and 20"), browser.text("main"));
        browser.check("coach-profile-invalid");
        browser.type("profile:capacity", "2").type("profile:biography", "I coach leaders who work across organisations.");
        browser.submit("profile:save");
        assertTrue(browser.text("main").contains("Your coaching profile is saved."), browser.text("main"));
        assertTrue(browser.text("#figures").contains("of 2 places taken"), browser.text("#figures"));
        browser.check("coach-home-empty");
        browser.signOut();

        // The manager makes a cohort with the new learner in it and pairs it.
        browser.signIn("manager@demo.test", People.DEMO_PASSWORD);
        browser.go("/manager/programme.xhtml");
        String programme = "Coached Leaders " + UUID.randomUUID().toString().substring(0, 6);
        browser.type("programme:name", programme).type("programme:coachingSessions", "6").type("programme:hours", "4");
        setValue("programme:startDate", LocalDate.now().minusWeeks(1).toString());
        setValue("programme:endDate", LocalDate.now().plusMonths(6).toString());
        browser.submit("programme:save");
        browser.type("cohort:cohortName", "Autumn cohort").type("cohort:capacity", "12");
        browser.submit("cohort:addCohort");
        String cohortPath = browser.path();
        browser.submit("enrol");
        browser.type("search:words", coachee.substring(0, coachee.indexOf('@')));
        browser.submit("search:find");
        browser.submit(By.cssSelector("[aria-label='Enrol Lowri Tester']"));
        browser.go(cohortPath).submit("coaching");
        assertTrue(browser.text("#pairings").contains("Lowri Tester") && browser.text("#pairings").contains("Not paired yet"), browser.text("#pairings"));
        browser.check("manager-coaching");
        browser.submit("overview:suggestAll");
        String suggestions = browser.text("#suggestions");
        assertTrue(suggestions.contains("Lowri Tester") && suggestions.contains("different organisation"), suggestions);
        browser.check("manager-coaching-suggestions");
        // By id: earlier runs on the same database may have left other coaches of the same name.
        new Select(browser.driver().findElement(By.cssSelector("#suggestions select"))).selectByValue(String.valueOf(People.id(coach)));
        browser.submit("confirm:proposeAll");
        assertTrue(browser.text("main").contains("1 pairing is proposed"), browser.text("main"));
        assertTrue(browser.text("#pairings").contains("Cora Tester") && browser.text("#pairings").contains("Waiting for the coach"), browser.text("#pairings"));
        browser.signOut();

        // The coach accepts, writes the agreement, records the first session, notes and an action.
        browser.signIn(coach, "cora-own-password-1");
        assertEquals("1", browser.text("#bellCount"), "the request waits behind the bell");
        assertTrue(browser.text("#cuRequests").startsWith("1 request waits"), browser.text("#comingUp"));
        assertTrue(browser.text("#requestList").contains("Lowri Tester"), browser.text("main"));
        browser.check("coach-home-request");
        browser.submit(By.cssSelector("[aria-label='Accept Lowri Tester']"));
        assertTrue(browser.path().startsWith("/coach/pairing.xhtml?id="), browser.path());
        String pairingId = browser.path().substring(browser.path().indexOf("id=") + 3);
        browser.type("terms:goals", "Lead the discharge redesign with partners in social care");
        browser.submit("terms:saveAgreement");
        browser.submit("agree:agreeButton");
        assertTrue(browser.text("#agreed").contains("Coachee: not yet"), browser.text("#agreed"));
        setValue("record:startsAt", LocalDateTime.now().minusDays(1).withSecond(0).withNano(0).format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")));
        new Select(browser.find("record:status")).selectByVisibleText("Held");
        // One form, one save: the record and the coach's notes on it together.
        browser.type("record:recordNotes", NOTE);
        browser.submit("record:recordSession");
        assertTrue(browser.text("main").contains("The session is recorded."), browser.text("main"));
        assertEquals(NOTE, browser.find("sessionsForm:sessions:0:notes").getAttribute("value"), "the notes are on the new row");
        browser.type("addAction:action", ACTION);
        browser.submit("addAction:add");
        assertTrue(browser.text("#actionList").contains(ACTION));
        assertEquals(NOTE, browser.find("sessionsForm:sessions:0:notes").getAttribute("value"), "the coach sees their own notes");
        browser.check("coach-pairing");

        // The coachee's progress and ratings; the coach's own rating is kept beside the coachee's.
        browser.find("coacheeLink").click();
        browser.waitForPath("/coach/coachee.xhtml");
        assertTrue(browser.text("main").contains("They have not rated themselves yet"), browser.text("main"));
        assertTrue(browser.text("#noShared").contains("Nothing is shared with you yet"));
        new Select(browser.driver().findElement(By.cssSelector("#ratings select"))).selectByVisibleText("3");
        browser.submit("rate:saveRatings");
        assertTrue(browser.text("main").contains("Your rating of Lowri Tester is saved beside their own."), browser.text("main"));
        assertTrue(browser.driver().findElement(By.cssSelector("#ratings tbody tr td:nth-child(4)")).getText().equals("3"),
                browser.text("#ratings"));
        browser.check("coach-coachee");
        browser.signOut();

        // The coachee agrees, sees the agreement and the action, never the notes, and gives feedback.
        People.firstSignIn(browser, coachee, "lowri-own-password-1");
        // What is new for her: an action to do, and the session the coach recorded, behind the bell (never the notes).
        assertTrue(browser.text("#cuActions").startsWith("1 coaching action"), browser.text("#comingUp"));
        browser.find("bell").click();
        browser.waitForPath("/account/notifications.xhtml");
        assertTrue(browser.text("#notificationList").contains("Cora Tester recorded a coaching session with you"), browser.text("main"));
        assertFalse(browser.driver().getPageSource().contains(NOTE), "never the coach's notes");
        browser.check("learner-notifications");
        browser.driver().findElement(By.partialLinkText("recorded a coaching session")).click();
        browser.waitForPath("/learner/pairing.xhtml");
        assertFalse(browser.present("#bellCount"), "read once opened");
        // The same came by email at once, with a link to change that choice without signing in; it asks to confirm first.
        browser.go(choiceLinkSentTo(coachee, "Cora Tester recorded a coaching session with you"));
        assertEquals("Your email choice", browser.heading());
        assertTrue(browser.text("#choice").contains("Your coach records a coaching session"), browser.text("main"));
        browser.check("email-choice");
        browser.driver().findElement(By.xpath("//label[contains(., 'weekly email')]")).click();
        browser.submit("choice:confirm");
        assertTrue(browser.text("#choiceSaved").contains("weekly email"), browser.text("main"));
        browser.go("/learner/coaching.xhtml");
        browser.check("learner-coaching");
        browser.driver().findElement(By.linkText("Cora Tester")).click();
        browser.waitForPath("/learner/pairing.xhtml");
        assertTrue(browser.text("#agreement").contains("Lead the discharge redesign"), browser.text("main"));
        browser.submit("agree:agreeButton");
        assertTrue(browser.text("#state").startsWith("Active"), browser.text("#state"));
        assertTrue(browser.text("#actionList").contains(ACTION));
        assertFalse(browser.driver().getPageSource().contains(NOTE), "the coach's notes never reach the coachee");
        browser.driver().findElement(By.cssSelector("input[name='sessionsForm:sessions:0:rating'][value='4']")).click();
        browser.type("sessionsForm:sessions:0:comment", FEEDBACK);
        browser.submit("sessionsForm:sessions:0:saveFeedback");
        assertTrue(browser.text("main").contains("your feedback is saved"), browser.text("main"));
        browser.check("learner-pairing");
        for (String refused : new String[] {"/coach/pairing.xhtml?id=" + pairingId, "/coach/home.xhtml", "/manager/coaching.xhtml?cohort=1"}) {
            browser.go(refused);
            assertEquals("You do not have access to this page", browser.heading(), refused);
        }
        browser.go("/learner/home.xhtml").signOut();

        // The manager sees the pairing and counts, nothing said in it.
        browser.signIn("manager@demo.test", People.DEMO_PASSWORD);
        browser.go(cohortPath).submit("coaching");
        String pairings = browser.text("#pairings");
        assertTrue(pairings.contains("Cora Tester") && pairings.contains("Active"), pairings);
        String page = browser.driver().getPageSource();
        for (String secret : new String[] {NOTE, ACTION, FEEDBACK, "discharge redesign"}) {
            assertFalse(page.contains(secret), "a manager never sees: " + secret);
        }
        browser.check("manager-coaching-active");
        browser.go(cohortPath);
        assertTrue(browser.text("#members").contains("1 of 6"), browser.text("#members"));
        browser.go("/learner/pairing.xhtml?id=" + pairingId);
        assertEquals("You do not have access to this page", browser.heading());
    }

    private void setValue(String id, String value) {
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1];", browser.find(id), value);
    }
}
