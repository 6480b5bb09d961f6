package org.leadingtogether.journal;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.leadingtogether.support.BrowserJourney;
import org.leadingtogether.support.People;
import org.leadingtogether.support.PortalDeployment;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reflective journal in a real browser: a nurse writes a Gibbs entry from a lesson's prompt, is warned about
 * identifying words, edits, saves and shares it with her coach; the coach reads it and comments; a programme
 * manager and another learner cannot reach it by any address; the nurse reads the comment and exports two entries
 * as reflective accounts (the PDF's text is checked) and as a CPD log; and a session that ends while she writes
 * loses nothing. Every page visited is scanned for accessibility and photographed at desktop and phone widths.
 *
 * <p>The coach must be paired with the new learner, and pairings are the coaching feature's to make. Until that
 * feature has pages for it, the journey writes the pairing (and the coach's profile, if missing) straight into the
 * test database over JDBC, as the coaching feature would, using the same connection settings as the portal.
 */
class JournalJourneysIT extends BrowserJourney {

    private static final String LESSON = "why-systems-leadership";
    private static final String COACH = "coach@demo.test";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return PortalDeployment.war();
    }

    @Test
    void aNurseReflectsSharesWithHerCoachAndExportsRevalidationAccounts() throws Exception {
        // A new nurse, paired with the demo coach.
        String email = People.addLearner(browser, "Nia");
        new Select(browser.find("person:profession")).selectByVisibleText("Nursing");
        browser.submit("person:save");
        browser.signOut();
        People.firstSignIn(browser, email, "a long nurse passphrase");
        pairWithCoach(email);

        // From the lesson's reflection prompt to a new entry, with the lesson linked and the prompt shown.
        browser.go("/learner/lesson.xhtml?id=" + LESSON);
        browser.check("lesson-with-journal-link");
        browser.submit("writeEntry");
        assertEquals("/learner/journal-write.xhtml?lesson=" + LESSON, browser.path());
        String prompt = browser.text("#lessonPrompt");
        assertFalse(prompt.isBlank());
        assertTrue(browser.text("#anonymise").contains("not legally privileged"), browser.text("#anonymise"));
        assertEquals("Gibbs reflective cycle", new Select(browser.find("entry:model")).getFirstSelectedOption().getText());
        assertTrue(browser.present("input[name$='codeThemes'][value='PRIORITISE_PEOPLE']"), "a nurse is offered the NMC Code themes");
        browser.check("journal-write-from-lesson");

        // A Gibbs entry that names a patient and gives her NHS number; a draft is saved on the way.
        browser.type("entry:title", "Leading the discharge huddle");
        browser.type("entry:stages:0:stage", "At the huddle Mrs Jones (NHS 943 476 5919) was discussed by three teams.");
        browser.type("entry:stages:1:stage", "Nervous at first, then calmer.");
        browser.type("entry:stages:2:stage", "Three plans agreed; one stalled.");
        browser.type("entry:stages:3:stage", "Each team had a different picture of the person's needs.");
        browser.type("entry:stages:4:stage", "Check shared information first.");
        browser.type("entry:stages:5:stage", "Open each huddle with a short round.");
        browser.type("entry:learned", "Shared information has to be built, not assumed.");
        browser.type("entry:change", "I will open every huddle by asking what each team knows.");
        browser.driver().findElement(By.cssSelector("input[name$='codeThemes'][value='PRIORITISE_PEOPLE']")).click();
        browser.type("entry:cpdHours", "1.5");
        browser.click("entry:participatory");
        // A draft that seems to identify someone is not stored: the same warning, words marked, and the text stays in the tab.
        browser.clickAndWaitFor("entry:saveDraft", "#draftState", "Not saved to the portal");
        assertEquals(List.of("Mrs Jones", "943 476 5919"),
                browser.driver().findElements(By.cssSelector("#entry\\:warnings mark")).stream().map(WebElement::getText).toList(),
                "the draft shows the same marks as a save");
        assertFalse(browser.driver().getCurrentUrl().contains("journal-write.xhtml?id="), "nothing stored, so no entry yet");
        browser.check("journal-write-draft-held");
        browser.clickAndWaitFor("entry:keepDraftAnyway", "#draftState", "Draft saved");
        assertTrue(browser.driver().getCurrentUrl().contains("journal-write.xhtml?id="), "kept as a draft anyway: it has its own address now");
        browser.check("journal-write-draft-saved");

        browser.submit("entry:save");
        String warning = browser.text("#entry\\:warnings");
        assertTrue(warning.contains("This entry may identify someone"), warning);
        List<String> marked = browser.driver().findElements(By.cssSelector("#entry\\:warnings mark")).stream().map(WebElement::getText).toList();
        assertEquals(List.of("Mrs Jones", "943 476 5919"), marked);
        browser.check("journal-write-warning");

        // Edited to take the details out, then saved.
        browser.click("editAfterWarning");
        browser.type("entry:stages:0:stage", "At the huddle an older woman's discharge was discussed by three teams.");
        browser.submit("entry:save");
        assertTrue(browser.path().startsWith("/learner/journal-entry.xhtml?id="), browser.path());
        long first = Long.parseLong(browser.path().replaceAll(".*id=", ""));
        assertTrue(browser.text("main").contains("Your entry is saved."), browser.text("main"));
        assertTrue(browser.text("#reflection").contains("an older woman's discharge"));
        assertTrue(browser.text("#codeThemes").contains("Prioritise people"));
        assertTrue(browser.text("main").contains(prompt), "the lesson's prompt stays with the entry");
        assertTrue(browser.text("#notShared").contains("Only you can read this entry"));

        // Shared with the coach: this entry only.
        browser.submit("shareForm:coaches:0:share");
        assertTrue(browser.text("#sharedStatus").contains("Gareth Hughes"), browser.text("#sharing"));
        browser.check("journal-entry-shared");

        // A second entry, free of any lesson, in What? So what? Now what?; switching models keeps the text.
        browser.go("/learner/journal.xhtml").submit("newEntry");
        browser.type("entry:title", "Feedback from the team on my rota change");
        browser.type("entry:stages:0:stage", "The team told me the new rota left evenings short.");
        new Select(browser.find("entry:model")).selectByVisibleText("What? So what? Now what?");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d -> d.findElements(By.cssSelector("[id='entry:stages:2:stage']")).size() == 1
                && d.findElements(By.cssSelector("[id='entry:stages:3:stage']")).isEmpty());
        assertEquals("The team told me the new rota left evenings short.", browser.find("entry:stages:0:stage").getAttribute("value"));
        new Select(browser.find("entry:kind")).selectByVisibleText("Feedback received");
        browser.type("entry:stages:1:stage", "Fairness matters as much as cover.");
        browser.type("entry:stages:2:stage", "Agree the next rota with the team.");
        browser.type("entry:cpdHours", "0.5");
        browser.check("journal-write-rolfe");
        browser.submit("entry:save");
        assertTrue(browser.path().startsWith("/learner/journal-entry.xhtml?id="), browser.path() + " " + browser.text("main"));
        long second = Long.parseLong(browser.path().replaceAll(".*id=", ""));
        assertEquals("{}", ((JavascriptExecutor) browser.driver()).executeScript("return JSON.stringify(window.sessionStorage);"),
                "once saved, nothing is kept in the browser");
        browser.check("journal-entry-private");

        // The journal, searched by words and filtered by kind.
        browser.go("/learner/journal.xhtml?q=rota");
        assertEquals(List.of("Feedback from the team on my rota change"), titles());
        browser.go("/learner/journal.xhtml");
        browser.driver().findElement(By.cssSelector("#searchPanel summary")).click();
        new Select(browser.find("kind")).selectByVisibleText("Learning activity");
        browser.submit("search");
        assertEquals(List.of("Leading the discharge huddle"), titles());
        browser.check("journal-list-filtered");
        browser.go("/learner/journal.xhtml");
        assertEquals(List.of("Feedback from the team on my rota change", "Leading the discharge huddle"), titles());
        assertTrue(browser.text("#entries").contains("Shared with Gareth Hughes"));
        browser.check("journal-list");
        browser.signOut();

        // The coach reads the shared entry and comments; the other entry does not exist for them.
        browser.signIn(COACH, People.DEMO_PASSWORD);
        browser.go("/coach/shared-entry.xhtml?id=" + first);
        assertEquals("Leading the discharge huddle", browser.heading());
        assertTrue(browser.text("#sharedBy").contains("Nia Tester"), browser.text("#sharedBy"));
        assertTrue(browser.text("#reflection").contains("Check shared information first."));
        browser.check("coach-shared-entry");
        browser.type("commentForm:comment", "What did the round change about the next huddle?");
        browser.submit("commentForm:addComment");
        assertTrue(browser.text("#comments").contains("What did the round change"), browser.text("main"));
        browser.check("coach-shared-entry-commented");
        browser.go("/coach/shared-entry.xhtml?id=" + second);
        assertEquals("Page not found", browser.heading(), "not shared: the same answer as for no entry");
        assertFalse(browser.text("main").contains("rota"));
        browser.go("/coach/home.xhtml").signOut();

        // A programme manager cannot reach either entry by any address: the role areas and the downloads refuse.
        browser.signIn("manager@demo.test", People.DEMO_PASSWORD);
        for (String path : List.of("/learner/journal-entry.xhtml?id=" + first, "/learner/journal-write.xhtml?id=" + first,
                "/coach/shared-entry.xhtml?id=" + first, "/learner/journal.xhtml")) {
            browser.go(path);
            assertTrue(List.of("Page not found", "You do not have access to this page").contains(browser.heading()), path + ": " + browser.heading());
            assertFalse(browser.text("main").contains("huddle"), path);
        }
        browser.check("manager-refused-journal");
        HttpResponse<byte[]> managerExport = browser.download("/learner/journal-export?format=pdf&id=" + first);
        assertTrue(managerExport.statusCode() == 403 || managerExport.statusCode() == 404, "status " + managerExport.statusCode());
        assertFalse(new String(managerExport.body(), StandardCharsets.ISO_8859_1).contains("%PDF"));
        browser.go("/manager/home.xhtml").signOut();

        // Another learner: the same 404 as for an entry that does not exist.
        browser.signIn("siobhan.kelly@demo.test", People.DEMO_PASSWORD);
        browser.go("/learner/journal-entry.xhtml?id=" + first);
        assertEquals("Page not found", browser.heading());
        assertFalse(browser.text("main").contains("huddle"));
        browser.go("/learner/journal-entry.xhtml?id=999999999");
        assertEquals("Page not found", browser.heading());
        browser.check("learner-refused-journal");
        assertEquals(404, browser.download("/learner/journal-export?format=pdf&id=" + first).statusCode());
        browser.go("/learner/home.xhtml").signOut();

        // The nurse reads the comment, then exports both entries.
        browser.signIn(email, "a long nurse passphrase");
        browser.go("/learner/journal-entry.xhtml?id=" + first);
        assertTrue(browser.text("#comments").contains("What did the round change about the next huddle?"));
        assertTrue(browser.text("#comments").contains("Gareth Hughes"));
        browser.check("journal-entry-comment");

        browser.go("/learner/journal.xhtml");
        browser.click("pick-" + first).click("pick-" + second);
        String query = chosenExport("pdf");
        assertEquals(List.of("format=pdf", "id=" + first, "id=" + second), List.of(query.split("&")).stream().sorted().toList());
        HttpResponse<byte[]> pdf = browser.download("/learner/journal-export?" + query);
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertEquals(2, document.getNumberOfPages(), text);
            assertTrue(text.contains("Reflective account: 1") && text.contains("Reflective account: 2"), text);
            assertTrue(text.contains("Leading the discharge huddle") && text.contains("Feedback from the team on my rota change"), text);
            assertTrue(text.contains("an older woman's discharge"), text);
            assertTrue(text.contains("Shared information has to be built, not assumed."), text);
            assertTrue(text.contains("I will open every huddle by asking what each team knows."), text);
            assertTrue(text.contains("[x] Prioritise people"), text);
            assertTrue(text.contains("Agree the next rota with the team."), "Now what? answers how practice changes: " + text);
            assertFalse(text.contains("Mrs Jones") || text.contains("943 476 5919"), "the edited-out details are gone");
        }
        HttpResponse<byte[]> csv = browser.download("/learner/journal-export?" + chosenExport("csv"));
        assertEquals(200, csv.statusCode());
        String log = new String(csv.body(), StandardCharsets.UTF_8);
        assertTrue(log.contains("Total,,,2,1.5"), log);

        // With nothing chosen, the export says so.
        browser.go("/learner/journal.xhtml").submit("exportPdf");
        assertTrue(browser.text("main").contains("Choose at least one entry to export"), browser.text("main"));

        // The session ends while she writes: the text is kept in the browser tab and put back after signing in again.
        browser.go("/learner/journal-write.xhtml");
        assertFalse(browser.find("draftRestored").isDisplayed(), "nothing was left over from the entries saved before");
        browser.driver().manage().deleteCookieNamed("JSESSIONID");
        browser.type("entry:title", "Written as my session ended");
        browser.type("entry:stages:0:stage", "These words must not be lost.");
        browser.find("entry:saveDraft").click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d -> d.findElement(By.id("draftExpired")).isDisplayed());
        assertTrue(browser.text("#draftExpired").contains("kept in this browser tab"));
        browser.check("journal-write-session-ended");
        browser.signIn(email, "a long nurse passphrase");
        browser.go("/learner/journal-write.xhtml");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> d.findElement(By.id("draftRestored")).isDisplayed());
        assertEquals("These words must not be lost.", browser.find("entry:stages:0:stage").getAttribute("value"));
        assertEquals("Written as my session ended", browser.find("entry:title").getAttribute("value"));
        browser.check("journal-write-restored");

        // The reflections count as evidence on the learner's home page; and her data can be downloaded.
        browser.go("/learner/home.xhtml");
        assertTrue(browser.text("#reflectionEvidence").startsWith("1 reflective journal entry"), browser.text("#reflectionEvidence"));
        HttpResponse<byte[]> data = browser.download("/account/my-data");
        assertEquals(200, data.statusCode());
        String json = new String(data.body(), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"Leading the discharge huddle\"") && json.contains("What did the round change"), json);
        browser.go("/account/data.xhtml");
        assertTrue(browser.present("#downloadMyData"));
        browser.check("account-my-data");
    }

    /** A title of 200 characters without a space wraps within a phone's screen, on the entry and in the journal. */
    @Test
    void aTitleOfTwoHundredCharactersWithoutSpacesStaysWithinThePage() {
        String email = People.addLearner(browser, "Long");
        browser.signOut();
        People.firstSignIn(browser, email, "a long learner passphrase");
        String title = "Reflection" + "x".repeat(190);
        browser.go("/learner/journal.xhtml").submit("newEntry");
        browser.type("entry:title", title);
        new Select(browser.find("entry:kind")).selectByVisibleText("Feedback received");
        browser.type("entry:stages:0:stage", "A word that never ends.");
        browser.type("entry:cpdHours", "1");
        browser.submit("entry:save");
        assertTrue(browser.path().startsWith("/learner/journal-entry.xhtml?id="), browser.path() + " " + browser.text("main"));
        assertTrue(browser.text("#cpd").startsWith("1 hour,"), "one hour, not \"1 hours\": " + browser.text("#cpd"));
        assertEquals(0L, browser.atPhoneWidth(browser::overflowSideways), "the entry page is no wider than a phone");
        assertEquals(0L, (long) browser.overflowSideways(), "nor than a desktop window");
        browser.check("journal-entry-long-title");
        browser.go("/learner/journal.xhtml");
        assertEquals(List.of(title), titles());
        assertEquals(0L, browser.atPhoneWidth(browser::overflowSideways), "the journal is no wider than a phone");
        browser.check("journal-list-long-title");
    }

    private List<String> titles() {
        return browser.driver().findElements(By.cssSelector("#entries .entry-card__title")).stream().map(WebElement::getText).toList();
    }

    /** The query string the export form would send with the given button, from the boxes ticked on the page. */
    private String chosenExport(String format) {
        Object query = ((JavascriptExecutor) browser.driver()).executeScript(
                "var data = new FormData(document.getElementById('exportForm')); data.append('format', arguments[0]);"
                        + " return new URLSearchParams(data).toString();", format);
        return String.valueOf(query);
    }

    /** An active pairing between the demo coach and the new learner, written as the coaching feature would. */
    private static void pairWithCoach(String learnerEmail) throws Exception {
        try (Connection db = DriverManager.getConnection(System.getProperty("test.db.url"), System.getProperty("test.db.user"),
                System.getProperty("test.db.password"))) {
            long learner = id(db, learnerEmail);
            long coach = id(db, COACH);
            long manager = id(db, "manager@demo.test");
            try (PreparedStatement profile = db.prepareStatement("""
                    INSERT INTO coach_profile (person_id, version, created_at, modified_at, capacity, takes_own_organisation, available)
                    SELECT ?, 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 6, FALSE, TRUE FROM DUAL
                    WHERE NOT EXISTS (SELECT 1 FROM coach_profile WHERE person_id = ?)""")) {
                profile.setLong(1, coach);
                profile.setLong(2, coach);
                profile.executeUpdate();
            }
            try (PreparedStatement pairing = db.prepareStatement("""
                    INSERT INTO coaching_pairing (version, created_at, modified_at, coach_id, coachee_id, state, proposed_by,
                                                  proposed_at, respond_by, accepted_at, active_at)
                    VALUES (0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, ?, ?, 'ACTIVE', ?, CURRENT_TIMESTAMP, CURRENT_DATE,
                            CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""")) {
                pairing.setLong(1, coach);
                pairing.setLong(2, learner);
                pairing.setLong(3, manager);
                pairing.executeUpdate();
            }
        }
    }

    private static long id(Connection db, String email) throws Exception {
        try (PreparedStatement find = db.prepareStatement("SELECT id FROM person WHERE email = ?")) {
            find.setString(1, email);
            try (ResultSet row = find.executeQuery()) {
                assertTrue(row.next(), "no person " + email);
                return row.getLong(1);
            }
        }
    }
}
