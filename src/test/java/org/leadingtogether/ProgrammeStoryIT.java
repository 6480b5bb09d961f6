package org.leadingtogether;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leadingtogether.support.BrowserJourney;
import org.leadingtogether.support.Lessons;
import org.leadingtogether.support.People;
import org.leadingtogether.support.PortalDeployment;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One programme from start to finish, in one real browser, by everyone who takes part, on the same database
 * the portal uses (MariaDB in {@code mvn verify}):
 * <ol>
 *     <li>an administrator gives a coach and two learners their accounts;</li>
 *     <li>the coach writes a profile and publishes session slots;</li>
 *     <li>the programme manager creates a programme and a cohort, imports its members from a file (one of them
 *     new to the portal) and pairs the two learners with the coach, who works for another organisation;</li>
 *     <li>the coach accepts and writes the coaching agreement;</li>
 *     <li>a learner completes a lesson and its knowledge check, rates herself against the framework, agrees the
 *     agreement, books a coaching slot, books protected time and confirms time already used, and writes a
 *     reflection from the lesson which she shares with her coach;</li>
 *     <li>the coach records a session with private notes, rates the learner, and comments on the reflection;</li>
 *     <li>the manager watches completion, the mix, who is at risk and protected time used, sees the pairings but
 *     nothing said in them, and exports the one-page board summary.</li>
 * </ol>
 * Every page visited is scanned by axe (WCAG 2.2 A and AA, zero violations) and photographed at desktop and
 * phone widths under {@code target/screenshots/story-*}. The feature journeys test each part's edges; this one
 * proves that the parts make one product.
 */
class ProgrammeStoryIT extends BrowserJourney {

    private static final String MODULE = "systems-leadership-integrated-care";
    private static final String LESSON = "why-systems-leadership";
    private static final String NOTE = "Private note: Nia is weighing up a move to the council";
    private static final String REFLECTION = "The huddle only worked once each team said what it knew";
    private static final String COMMENT = "What would you ask first at the next huddle?";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return PortalDeployment.war();
    }

    @TempDir
    Path files;

    @Test
    void aProgrammeRunsFromSetUpToTheBoardSummary() throws Exception {
        // 1. Accounts: a coach from the voluntary sector, a nurse and a social worker.
        String coach = People.addPerson(browser, "Cora", "COACH", "Management and non-clinical", "Carers Together");
        String nurse = People.addPerson(browser, "Nia", "LEARNER", "Nursing", "Riverside");
        String socialWorker = People.addPerson(browser, "Dewi", "LEARNER", "Social work", "Westmoor County Council");
        String newcomer = "ffion-" + UUID.randomUUID() + "@example.org";

        // 2. The coach: a profile, then slots every weekday three days ahead.
        People.firstSignIn(browser, coach, "cora-story-password-1");
        browser.go("/coach/profile.xhtml");
        browser.type("profile:accreditations", "EMCC Practitioner")
                .type("profile:specialisms", "Leading across organisations")
                .type("profile:capacity", "3")
                .type("profile:biography", "I coach people who lead across health and social care.");
        browser.submit("profile:save");
        assertTrue(browser.text("main").contains("Your coaching profile is saved."), browser.text("main"));
        browser.check("story-01-coach-profile");
        browser.go("/coach/slots.xhtml");
        LocalDate slotDay = LocalDate.now().plusDays(3);
        new Select(browser.find("pattern:day")).selectByVisibleText(slotDay.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.UK));
        browser.setValue("pattern:from", "14:00").setValue("pattern:until", "16:00");
        new Select(browser.find("pattern:sessionMinutes")).selectByVisibleText("1 hour");
        new Select(browser.find("pattern:bufferMinutes")).selectByVisibleText("0 minutes");
        browser.submit("pattern:submit");
        assertTrue(browser.text("main").contains("The pattern is published"), browser.text("main"));
        browser.check("story-02-coach-slots");
        browser.signOut();

        // 3. The manager: programme, cohort, members from a file, coaches suggested and proposed.
        browser.signIn("manager@demo.test", People.DEMO_PASSWORD);
        browser.check("story-03-manager-home");
        browser.submit("newProgramme");
        String programme = "Leading Together Story " + UUID.randomUUID().toString().substring(0, 6);
        browser.type("programme:name", programme);
        browser.setValue("programme:startDate", LocalDate.now().minusMonths(3).toString());
        browser.setValue("programme:endDate", LocalDate.now().plusMonths(3).toString());
        browser.driver().findElement(By.xpath("//label[contains(., 'Systems leadership in integrated care')]")).click();
        browser.type("programme:coachingSessions", "6").type("programme:hours", "4");
        new Select(browser.find("programme:period")).selectByVisibleText("hours a month");
        browser.submit("programme:save");
        assertTrue(browser.text("main").contains(programme + " is saved."), browser.text("main"));
        browser.type("cohort:cohortName", "Story cohort").type("cohort:capacity", "12");
        browser.submit("cohort:addCohort");
        String cohortPath = browser.path();
        assertTrue(cohortPath.startsWith("/manager/cohort.xhtml?id="), cohortPath);
        String cohortId = cohortPath.substring(cohortPath.indexOf("id=") + 3);

        browser.submit("enrol");
        Path file = files.resolve("members.csv");
        Files.writeString(file, String.join("\r\n",
                "email,given name,family name,profession,organisation,job title",
                nurse + ",Nia,Tester,Nursing,Riverside University Hospitals NHS Trust,Ward manager",
                socialWorker + ",Dewi,Tester,Social work,Westmoor County Council Adult Social Care,Team manager",
                newcomer + ",Ffion,Newydd,Paramedic,Northgate Primary Care Network,Advanced practitioner") + "\r\n",
                StandardCharsets.UTF_8);
        browser.find("upload:file").sendKeys(file.toString());
        browser.submit("upload:check");
        assertTrue(browser.text("#ready").contains("new to the portal"), browser.text("#ready"));
        browser.check("story-04-manager-enrol-preview");
        browser.submit("confirm:import");
        assertTrue(browser.text("main").contains("3 people enrolled"), browser.text("main"));

        browser.go(cohortPath).submit("coaching");
        browser.submit("overview:suggestAll");
        String suggestions = browser.text("#suggestions");
        assertTrue(suggestions.contains("Nia Tester") && suggestions.contains("different organisation"), suggestions);
        String coraId = String.valueOf(People.id(coach));
        for (String member : List.of("Nia Tester", "Dewi Tester")) {
            new Select(browser.driver().findElement(By.cssSelector("select[aria-label='Coach for " + member + "']"))).selectByValue(coraId);
        }
        var ffion = browser.driver().findElement(By.cssSelector("input[aria-label='Propose a coach for Ffion Newydd']"));
        if (ffion.isSelected()) {
            ffion.click();
        }
        browser.check("story-05-manager-coaching-suggestions");
        browser.submit("confirm:proposeAll");
        assertTrue(browser.text("main").contains("2 pairings are proposed"), browser.text("main"));
        assertTrue(browser.text("#pairings").contains("Waiting for the coach"), browser.text("#pairings"));
        browser.signOut();

        // 4. The coach accepts Nia and writes the agreement.
        browser.signIn(coach, "cora-story-password-1");
        assertTrue(browser.text("#requestList").contains("Nia Tester") && browser.text("#requestList").contains("Dewi Tester"),
                browser.text("main"));
        browser.check("story-06-coach-requests");
        browser.submit(By.cssSelector("[aria-label='Accept Nia Tester']"));
        String coachPairingPath = browser.path();
        assertTrue(coachPairingPath.startsWith("/coach/pairing.xhtml?id="), coachPairingPath);
        browser.type("terms:goals", "Lead discharge planning with partners across health and social care");
        browser.submit("terms:saveAgreement");
        browser.submit("agree:agreeButton");
        browser.check("story-07-coach-agreement");
        browser.signOut();

        // 5. The nurse learns, rates herself, agrees, books coaching and protected time, reflects and shares.
        People.firstSignIn(browser, nurse, "nia-story-password-1");
        assertEquals("/learner/home.xhtml", browser.path());
        browser.check("story-08-learner-home");
        browser.go("/learner/lesson.xhtml?id=" + LESSON);
        List<Integer> answers = Lessons.answersOf(MODULE, LESSON);
        for (int q = 0; q < answers.size(); q++) {
            Lessons.chooseAnswer(browser, q, answers.get(q));
        }
        browser.clickAndWaitFor("check:checkAnswers", "#check\\:checkResult", answers.size() + " of " + answers.size() + " right.");
        browser.check("story-09-lesson-checked");
        browser.submit("done:markDone");
        assertTrue(browser.text("main").contains("Lesson done"), browser.text("main"));

        browser.go("/learner/self-assessment.xhtml");
        var scales = browser.driver().findElements(By.cssSelector("ul.scale-choices"));
        for (int i = 0; i < scales.size(); i++) {
            scales.get(i).findElement(By.cssSelector("input[value='" + (2 + i % 3) + "']")).click();
        }
        browser.type("assessment:strengths", "Bringing teams together at discharge.");
        browser.submit("assessment:save");
        assertTrue(browser.text("main").contains("Your self-assessment is saved"), browser.text("main"));
        browser.check("story-10-self-assessment");

        browser.go("/learner/coaching.xhtml");
        browser.driver().findElement(By.linkText("Cora Tester")).click();
        browser.waitForPath("/learner/pairing.xhtml");
        browser.submit("agree:agreeButton");
        assertTrue(browser.text("#state").startsWith("Active"), browser.text("#state"));
        browser.check("story-11-learner-pairing");

        browser.go("/learner/book-coaching.xhtml");
        browser.submit(By.cssSelector("#slots [data-slot]"));
        assertTrue(browser.text("main").contains("Your session is booked"), browser.text("main"));
        assertTrue(browser.text("#sessions").contains("Cora Tester") && browser.text("#sessions").contains("14:00 to 15:00"),
                browser.text("#sessions"));
        browser.check("story-12-learner-coaching-booked");

        browser.go("/learner/protected-time.xhtml");
        assertEquals("4 hours a month", browser.text("#entitlement"));
        LocalDate yesterday = LocalDate.now().minusDays(1);
        browser.setValue("book:date", yesterday.toString()).setValue("book:start", "09:00");
        new Select(browser.find("book:minutes")).selectByVisibleText("1 hour");
        browser.submit("book:submit");
        browser.go("/learner/protected-time.xhtml?day=" + yesterday);
        browser.submit("confirm:rows:0:used");
        assertTrue(browser.text("main").contains("Recorded as used"), browser.text("main"));
        browser.setValue("book:date", LocalDate.now().plusDays(1).toString()).setValue("book:start", "10:00");
        new Select(browser.find("book:minutes")).selectByVisibleText("2 hours");
        browser.submit("book:submit");
        assertTrue(browser.text("main").contains("Your protected time is booked"), browser.text("main"));
        assertEquals("1 hour", browser.text("#used"));
        browser.check("story-13-protected-time");

        browser.go("/learner/lesson.xhtml?id=" + LESSON).submit("writeEntry");
        browser.type("entry:title", "The first cross-team huddle");
        for (int stage = 0; stage < 6; stage++) {
            browser.type("entry:stages:" + stage + ":stage", stage == 0 ? REFLECTION : "Stage " + (stage + 1) + " of the cycle, in my words.");
        }
        browser.type("entry:learned", "Shared understanding has to be built at the start.");
        browser.type("entry:change", "Open each huddle with a round of what each team knows.");
        browser.type("entry:cpdHours", "1");
        browser.check("story-14-journal-write");
        browser.submit("entry:save");
        assertTrue(browser.text("main").contains("Your entry is saved."), browser.text("main"));
        String entryId = browser.path().replaceAll(".*id=", "");
        browser.submit("shareForm:coaches:0:share");
        assertTrue(browser.text("#sharedStatus").contains("Cora Tester"), browser.text("#sharing"));
        browser.check("story-15-journal-shared");
        browser.go("/learner/home.xhtml");
        assertTrue(browser.text("#programmeMeasure").startsWith("1 of ") && browser.text("#programmeMeasure").contains("lessons of the required modules"),
                browser.text("#programmeMeasure"));
        browser.check("story-16-learner-home-progress");
        browser.signOut();

        // 6. The coach records the first session, rates the coachee and answers the reflection.
        browser.signIn(coach, "cora-story-password-1");
        browser.go(coachPairingPath);
        browser.setValue("record:startsAt", LocalDateTime.now().minusDays(2).withHour(11).withMinute(0).withSecond(0).withNano(0)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")));
        new Select(browser.find("record:status")).selectByVisibleText("Held");
        browser.submit("record:recordSession");
        // The booked session, still to come, is listed too: the notes go with the one that was held.
        String held = "//li[contains(@class, 'session')][p[@class='status' and normalize-space(.)='Held']]";
        var notes = browser.driver().findElement(By.xpath(held + "//textarea"));
        notes.clear();
        notes.sendKeys(NOTE);
        browser.submit(By.xpath(held + "//input[contains(@id, 'saveSession')]"));
        assertEquals(NOTE, browser.driver().findElement(By.xpath(held + "//textarea")).getAttribute("value"), browser.text("main"));
        browser.check("story-17-coach-session");
        browser.find("coacheeLink").click();
        browser.waitForPath("/coach/coachee.xhtml");
        assertTrue(browser.text("#shared").contains("The first cross-team huddle"), browser.text("main"));
        for (var rating : browser.driver().findElements(By.cssSelector("#ratings select"))) {
            new Select(rating).selectByVisibleText("3");
        }
        browser.submit("rate:saveRatings");
        assertTrue(browser.text("main").contains("Your rating of Nia Tester is saved beside their own."), browser.text("main"));
        browser.check("story-18-coach-coachee");
        browser.go("/coach/shared-entry.xhtml?id=" + entryId);
        assertTrue(browser.text("#reflection").contains(REFLECTION), browser.text("#reflection"));
        browser.type("commentForm:comment", COMMENT);
        browser.submit("commentForm:addComment");
        assertTrue(browser.text("#comments").contains(COMMENT), browser.text("main"));
        browser.check("story-19-coach-shared-entry");
        browser.signOut();

        // 7. The manager watches the cohort and takes the board summary; nothing said in coaching reaches them.
        browser.signIn("manager@demo.test", People.DEMO_PASSWORD);
        browser.go(cohortPath);
        String members = browser.text("#members");
        assertTrue(members.contains("Nia Tester") && members.contains("Dewi Tester") && members.contains("Ffion Newydd"), members);
        String niaRow = browser.driver().findElement(By.xpath("//table[@id='members']//tr[th//a[contains(., 'Nia Tester')]]")).getText();
        assertTrue(niaRow.contains("1 of 6") && niaRow.contains("1.0 of"), "coaching sessions and protected hours: " + niaRow);
        assertTrue(browser.text("#atRisk").contains("Ffion Newydd"), browser.text("#atRisk"));
        assertTrue(browser.text("#mix_profession").contains("Nursing") && browser.text("#mix_profession").contains("Paramedic"),
                browser.text("#mix_profession"));
        assertTrue(browser.present("#chart_profession canvas"), "the mix chart is drawn");
        assertTrue(browser.text("#modules").contains("Systems leadership in integrated care"), browser.text("#modules"));
        assertNothingSaidInCoaching();
        browser.check("story-20-manager-dashboard");
        browser.submit("coaching");
        String pairings = browser.text("#pairings");
        assertTrue(pairings.contains("Active") && pairings.contains("Waiting for the coach"), pairings);
        assertNothingSaidInCoaching();
        browser.check("story-21-manager-coaching");
        browser.go("/manager/protected-time.xhtml?cohort=" + cohortId);
        browser.check("story-22-manager-protected-time");
        browser.go("/manager/home.xhtml");
        browser.submit(By.xpath("//section[.//h2[contains(., '" + programme + "')]]//a[contains(., 'Programme report')]"));
        assertTrue(browser.text("#cohorts").contains("Story cohort"), browser.text("#cohorts"));
        browser.check("story-23-manager-programme-report");

        HttpResponse<byte[]> pdf = browser.download("/manager/cohort-export?id=" + cohortId + "&format=pdf");
        assertEquals(200, pdf.statusCode());
        try (var document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertEquals(1, document.getNumberOfPages(), "one page for the board");
            assertTrue(text.contains("Story cohort") && text.contains("Members at risk") && text.contains("Nursing"), text);
            assertFalse(text.contains("Ffion Newydd"), "the board summary counts members at risk; it names nobody unless asked: " + text);
            assertFalse(text.contains(nurse) || text.contains(NOTE) || text.contains(REFLECTION), "no emails or confidences: " + text);
        }
        HttpResponse<byte[]> named = browser.download("/manager/cohort-export?id=" + cohortId + "&format=pdf&names=true");
        try (var document = Loader.loadPDF(named.body())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertTrue(text.contains("Ffion Newydd"), "named when the manager asks: " + text);
            assertFalse(text.contains(nurse) || text.contains(NOTE) || text.contains(REFLECTION), "no emails or confidences: " + text);
        }
        HttpResponse<byte[]> csv = browser.download("/manager/cohort-export?id=" + cohortId + "&format=csv");
        String csvText = new String(csv.body(), StandardCharsets.UTF_8);
        assertTrue(csvText.contains("Nia Tester") && csvText.contains("Ffion Newydd"), csvText);
        browser.go("/coach/shared-entry.xhtml?id=" + entryId);
        assertEquals("You do not have access to this page", browser.heading());
        browser.go("/learner/journal-entry.xhtml?id=" + entryId);
        assertEquals("You do not have access to this page", browser.heading());
    }

    private void assertNothingSaidInCoaching() {
        String page = browser.driver().getPageSource();
        for (String secret : new String[] {NOTE, REFLECTION, COMMENT, "Lead discharge planning"}) {
            assertFalse(page.contains(secret), "a manager never sees: " + secret);
        }
    }
}
