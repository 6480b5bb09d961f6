package org.leadingtogether.booking;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.leadingtogether.support.BrowserJourney;
import org.leadingtogether.support.People;
import org.leadingtogether.support.PortalDeployment;
import org.leadingtogether.support.TestDatabase;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Booking in a real browser: a coach publishes a repeating pattern; their coachee books a slot, downloads the
 * invitation and cancels; a learner books protected time, goes beyond the entitlement with a reason, records time
 * already taken and says it was used; the programme manager sees the hours and the flag on the cohort dashboard.
 * Every page visited is scanned for accessibility at desktop and phone widths and photographed.
 *
 * <p>What the coaching and cohort features would have set up (a coach, a pairing, an enrolment) is made with
 * plain SQL on the test database, so the journeys start where booking starts.
 */
class BookingJourneysIT extends BrowserJourney {

    private static final String PASSWORD = "a-long-new-password-1";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return PortalDeployment.war();
    }

    // ---------------------------------------------------------------- the coach and the coachee

    @Test
    void aCoachPublishesAPatternTheCoacheeBooksDownloadsTheInvitationAndCancels() throws Exception {
        String coach = People.addLearner(browser, "Carys");
        browser.signOut();
        String coachee = People.addLearner(browser, "Lowri");
        long coachId = People.id(coach);
        long coacheeId = People.id(coachee);
        TestDatabase.update("DELETE FROM person_role WHERE person_id = ?", coachId);
        TestDatabase.update("INSERT INTO person_role (person_id, role) VALUES (?, 'COACH')", coachId);
        TestDatabase.update("INSERT INTO coach_profile (person_id, version, created_at, modified_at, capacity, takes_own_organisation, available) "
                + "VALUES (?, 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 4, FALSE, TRUE)", coachId);
        TestDatabase.update("INSERT INTO coaching_pairing (version, created_at, modified_at, coach_id, coachee_id, state, proposed_by, proposed_at, respond_by) "
                + "VALUES (0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, ?, ?, 'ACTIVE', ?, CURRENT_TIMESTAMP, CURRENT_DATE)", coachId, coacheeId, coachId);
        browser.signOut();

        // The coach publishes every <day in three days' time>, 14:00 to 16:00, in one-hour sessions.
        People.firstSignIn(browser, coach, PASSWORD);
        browser.go("/coach/slots.xhtml");
        assertEquals("Session slots", browser.heading());
        browser.check("coach-slots-empty");
        LocalDate day = LocalDate.now().plusDays(3);
        String weekday = day.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.UK);
        new Select(browser.find("pattern:day")).selectByVisibleText(weekday);
        setValue("pattern:from", "14:00");
        setValue("pattern:until", "16:00");
        new Select(browser.find("pattern:sessionMinutes")).selectByVisibleText("1 hour");
        new Select(browser.find("pattern:bufferMinutes")).selectByVisibleText("0 minutes");
        browser.submit("pattern:submit");
        assertTrue(browser.text("main").contains("The pattern is published"), browser.text("main"));
        assertTrue(browser.text("#patternList").contains("Every " + weekday + ", 14:00 to 16:00"), browser.text("#patternList"));
        assertTrue(browser.text("#free").contains("14:00 to 15:00") && browser.text("#free").contains("15:00 to 16:00"), browser.text("#free"));
        assertTrue(browser.driver().findElements(By.cssSelector("#pattern\\:noticeHours option")).stream()
                .anyMatch(o -> o.getText().equals("7 days before")), "a week's notice in days");
        browser.check("coach-slots-pattern");
        int coachSees = browser.driver().findElements(By.cssSelector("#free li")).size();

        // A second pattern overlapping the first is refused at its starting time, and nothing is published.
        new Select(browser.find("pattern:day")).selectByVisibleText(weekday);
        setValue("pattern:from", "15:00");
        setValue("pattern:until", "17:00");
        browser.submit("pattern:submit");
        assertTrue(browser.text("#pattern\\:fromError").contains("This overlaps your pattern on " + weekday + "s, 14:00 to 16:00"),
                browser.text("main"));
        assertEquals(1, browser.driver().findElements(By.cssSelector("#patternList li")).size(), "nothing published");
        browser.check("coach-slots-overlap");
        browser.signOut();

        // The coachee books the first slot.
        People.firstSignIn(browser, coachee, PASSWORD);
        browser.go("/learner/book-coaching.xhtml");
        assertTrue(browser.text("main").contains("Free slots with Carys Tester"), browser.text("main"));
        browser.check("learner-book-coaching");
        int free = browser.driver().findElements(By.cssSelector("#slots [data-slot]")).size();
        assertEquals(coachSees, free, "the coach's page shows as far ahead as the coachee's");
        browser.submit(By.cssSelector("#slots [data-slot]"));
        assertTrue(browser.text("main").contains("Your session is booked"), browser.text("main"));
        String sessions = browser.text("#sessions");
        assertTrue(sessions.contains("Carys Tester") && sessions.contains("14:00 to 15:00") && sessions.contains("Booked"), sessions);
        browser.check("learner-book-coaching-booked");

        // The invitation, as a calendar program would get it.
        String invitationPath = browser.driver().findElement(By.cssSelector("#sessions a[href*='invitation']")).getAttribute("href");
        String invitation = fetch(invitationPath);
        assertTrue(invitation.contains("METHOD:REQUEST") && invitation.contains("BEGIN:VTIMEZONE") && invitation.contains("TZID=Europe/London"),
                invitation);
        assertTrue(invitation.contains("DTSTART;TZID=Europe/London:" + day.toString().replace("-", "") + "T140000"), invitation);
        String uid = invitation.lines().filter(line -> line.startsWith("UID:")).findFirst().orElseThrow().substring(4);
        assertTrue(awaitMail(coachee, "UID:" + uid), "the invitation reached the coachee by email");
        assertTrue(awaitMail(coach, "UID:" + uid), "and the coach");

        // And cancels it, with a reason.
        browser.driver().findElement(By.linkText("Cancel or move")).click();
        browser.waitForPath("/account/session.xhtml");
        assertTrue(browser.text("#session").contains("Carys Tester"), browser.text("#session"));
        browser.check("account-session");
        new Select(browser.find("cancel:reason")).selectByVisibleText("Another reason");
        browser.submit("cancel:submit");
        assertTrue(browser.text("#cancel\\:noteError").contains("Say briefly"), browser.text("main"));
        browser.check("account-session-invalid");
        browser.type("cancel:note", "Ward inspection moved to that afternoon");
        browser.submit("cancel:submit");
        assertEquals("/learner/book-coaching.xhtml", browser.path());
        assertTrue(browser.text("main").contains("The session is cancelled"), browser.text("main"));
        assertTrue(browser.text("#sessions").contains("Cancelled by you"), browser.text("#sessions"));
        assertTrue(fetch(invitationPath).contains("METHOD:CANCEL"), "the invitation now cancels the event");
        assertEquals(free, browser.driver().findElements(By.cssSelector("#slots [data-slot]")).size(), "the slot is free again");
        browser.signOut();

        // The coach sees who cancelled and why.
        browser.signIn(coach, PASSWORD);
        browser.go("/coach/slots.xhtml");
        assertTrue(browser.text("#sessions").contains("Cancelled by Lowri Tester") && browser.text("#sessions").contains("Ward inspection"),
                browser.text("#sessions"));
        browser.check("coach-slots-cancelled");

        // A private calendar feed for the coach.
        browser.go("/account/calendar.xhtml");
        browser.check("account-calendar");
        browser.submit("feed:renew");
        String address = browser.text("#feedAddress");
        assertTrue(address.matches(".*/calendar/[A-Za-z0-9_-]{43}\\.ics"), address);
        browser.check("account-calendar-address");
        assertTrue(fetch(address).contains("X-WR-CALNAME:Leading Together"));
        browser.submit("feed:revoke");
        assertTrue(browser.text("#feedStatus").contains("no calendar feed"), browser.text("#feedStatus"));
        assertEquals(404, status(address), "a turned-off feed is gone");
    }

    // ---------------------------------------------------------------- protected time and the manager

    @Test
    void aLearnerBooksProtectedTimeGoesBeyondTheEntitlementConfirmsUseAndTheManagerSeesIt() throws Exception {
        String learner = People.addLearner(browser, "Bethan");
        long learnerId = People.id(learner);
        long cohortId = TestDatabase.cohortRunBy("manager@demo.test", learnerId, LocalDate.now().minusDays(20));
        browser.signOut();

        People.firstSignIn(browser, learner, PASSWORD);
        browser.go("/learner/protected-time.xhtml");
        assertEquals("Protected time", browser.heading());
        assertEquals("2 hours a month", browser.text("#entitlement"));
        browser.check("learner-protected-time");

        // Two hours tomorrow: the whole entitlement.
        LocalDate tomorrow = LocalDate.now().plusDays(1);
        fill(tomorrow, "10:00", "2 hours");
        browser.submit("book:submit");
        assertTrue(browser.text("main").contains("Your protected time is booked"), browser.text("main"));
        assertEquals("2 hours", browser.text("#booked"));
        assertEquals("0 hours", browser.text("#left"));

        // One more hour needs a reason, asked for at the field; with it, the block is booked and flagged.
        fill(tomorrow, "14:00", "1 hour");
        browser.submit("book:submit");
        assertTrue(browser.text("#book\\:overReasonError").contains("beyond your protected-time entitlement"), browser.text("main"));
        browser.check("learner-protected-time-needs-reason");
        browser.type("book:overReason", "Action learning set moved to this week");
        browser.submit("book:submit");
        assertTrue(browser.text("#blocks").contains("Beyond entitlement"), browser.text("#blocks"));
        assertTrue(browser.text("#overNotice").contains("1 hour beyond your entitlement"), browser.text("#overNotice"));
        browser.check("learner-protected-time-over");

        // Time already taken yesterday, recorded now, then confirmed as used.
        LocalDate yesterday = LocalDate.now().minusDays(1);
        fill(yesterday, "09:00", "1 hour");
        browser.type("book:overReason", "Recorded afterwards: a quiet morning on the ward");
        browser.submit("book:submit");
        browser.go("/learner/protected-time.xhtml?day=" + yesterday);
        assertTrue(browser.text("#toConfirm").contains("09:00 to 10:00"), "the past block waits to be confirmed on its own row");
        assertFalse(browser.present("#howDidItGo select"), "no drop-down of blocks to choose from");
        browser.check("learner-protected-time-confirm");
        browser.submit(By.cssSelector("[aria-label^='I had the time as planned'][aria-label$='09:00 to 10:00']"));
        assertTrue(browser.text("main").contains("Recorded as used"), browser.text("main"));
        assertEquals("1 hour", browser.text("#used"));
        assertFalse(browser.present("#toConfirm"), "nothing left to confirm");

        // A date refused by the rules keeps what was typed, with the reason at the field.
        LocalDate tooLongAgo = LocalDate.now().minusDays(20);
        browser.go("/learner/protected-time.xhtml");
        fill(tooLongAgo, "09:00", "1 hour");
        browser.submit("book:submit");
        assertTrue(browser.text("#book\\:dateError").contains("more than 14 days ago"), browser.text("main"));
        assertEquals(tooLongAgo.toString(), browser.find("book:date").getAttribute("value"), "the date typed stays");
        assertEquals("09:00", browser.find("book:start").getAttribute("value"), "and the start");

        // Cancelling acts on the row whose Cancel was pressed: the morning block, not the afternoon one.
        browser.driver().findElement(By.xpath("//table[@id='blocks']//tr[contains(., '10:00 to 12:00')]//a[text()='Cancel']")).click();
        browser.waitForPath("/learner/protected-time.xhtml?cancelling=");
        assertTrue(browser.text("#cancelHeading").contains("10:00 to 12:00"), browser.text("#cancelHeading"));
        assertFalse(browser.present("#cancel select[id$='block']"), "no drop-down of blocks");
        browser.check("learner-protected-time-cancel");
        new Select(browser.find("cancel:reason")).selectByVisibleText("Another reason");
        browser.submit("cancel:submit");
        assertTrue(browser.text("#cancel\\:noteError").contains("Say briefly"), "at the field of the form shown: " + browser.text("main"));
        assertTrue(browser.text("#cancelHeading").contains("10:00 to 12:00"), "still the same block");
        new Select(browser.find("cancel:reason")).selectByVisibleText("Another commitment");
        browser.submit("cancel:submit");
        assertTrue(browser.text("main").contains("The block is cancelled"), browser.text("main"));
        String afternoon = browser.driver().findElement(By.xpath("//table[@id='blocks']//tr[contains(., '14:00 to 15:00')]")).getText();
        String morning = browser.driver().findElement(By.xpath("//table[@id='blocks']//tr[contains(., '10:00 to 12:00')]")).getText();
        assertTrue(morning.contains("Cancelled"), morning);
        assertFalse(afternoon.contains("Cancelled"), afternoon);
        browser.signOut();

        // The programme manager sees the hour used and the flag, and the reason behind it.
        browser.signIn("manager@demo.test", People.DEMO_PASSWORD);
        // Their home says so first: the cohort with a booking beyond the entitlement since their last visit.
        browser.go("/manager/home.xhtml");
        String comingUp = browser.driver().findElement(By.cssSelector("#cuCohorts li[data-cohort='" + cohortId + "']")).getText();
        assertTrue(comingUp.matches("(?s).*\\b[12] protected-time bookings? beyond the entitlement.*"), comingUp);
        browser.check("manager-home-coming-up");
        browser.go("/manager/cohort.xhtml?id=" + cohortId);
        String row = browser.driver().findElement(By.xpath("//table[@id='members']//tr[th//a[contains(., 'Bethan Tester')]]")).getText();
        assertTrue(row.contains("1.0 of") && row.contains("beyond entitlement"), row);
        browser.check("manager-cohort-protected-time");
        browser.driver().findElement(By.partialLinkText("beyond entitlement")).click();
        browser.waitForPath("/manager/protected-time.xhtml");
        assertTrue(browser.text("#over").contains("Action learning set moved to this week"), browser.text("#over"));
        browser.check("manager-protected-time");
    }

    // ---------------------------------------------------------------- helpers

    private static GreenMail mail;

    /** The SMTP server the portal sends to in the tests (SMTP_PORT), here in the test's own JVM. */
    @BeforeAll
    static void startMailServer() {
        mail = new GreenMail(new ServerSetup(Integer.parseInt(System.getenv("SMTP_PORT")), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
    }

    @AfterAll
    static void stopMailServer() {
        mail.stop();
    }

    /** Waits (up to 60 s) for an email to {@code to} containing {@code text}. */
    private static boolean awaitMail(String to, String text) throws InterruptedException {
        long until = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < until) {
            for (MimeMessage message : mail.getReceivedMessages()) {
                String raw = GreenMailUtil.getWholeMessage(message).replace("\r\n ", "");
                if (raw.contains(text) && GreenMailUtil.getAddressList(getRecipients(message)).contains(to)) {
                    return true;
                }
            }
            Thread.sleep(200);
        }
        return false;
    }

    private static jakarta.mail.Address[] getRecipients(MimeMessage message) {
        try {
            return message.getRecipients(jakarta.mail.Message.RecipientType.TO);
        } catch (jakarta.mail.MessagingException unreadable) {
            return new jakarta.mail.Address[0];
        }
    }

    private void fill(LocalDate date, String start, String length) {
        setValue("book:date", date.toString());
        setValue("book:start", start);
        new Select(browser.find("book:minutes")).selectByVisibleText(length);
    }

    private void setValue(String id, String value) {
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1];", browser.find(id), value);
    }

    private String fetch(String url) throws Exception {
        HttpResponse<byte[]> response = browser.download(url);
        String body = new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(200, response.statusCode(), url + " " + body);
        return body;
    }

    private int status(String url) throws Exception {
        return browser.download(url).statusCode();
    }
}
