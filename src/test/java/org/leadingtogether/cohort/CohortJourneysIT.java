package org.leadingtogether.cohort;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leadingtogether.support.BrowserJourney;
import org.leadingtogether.support.People;
import org.leadingtogether.support.PortalDeployment;
import org.leadingtogether.support.TestDatabase;
import org.openqa.selenium.By;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The programme manager's journey in a real browser: a programme and cohort, an enrolment file with a bad
 * line (nothing imported), the fixed file imported, the members and mix, the cohort's places and dates changed
 * (refused below the members enrolled and for an end before the start), a full cohort's refusal leading to its
 * places, the exports; and a learner kept out of every manager page. Every page visited is scanned for accessibility and photographed.
 */
class CohortJourneysIT extends BrowserJourney {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return PortalDeployment.war();
    }

    @TempDir
    Path files;

    @Test
    void aManagerSetsUpACohortImportsItsMembersAndExportsTheDashboard() throws Exception {
        browser.signIn("manager@demo.test", People.DEMO_PASSWORD);
        assertEquals("/manager/home.xhtml", browser.path());
        assertTrue(browser.text("main").contains("Leading Across Westmoor"), "the demo programme");
        browser.check("manager-home");

        // A programme.
        browser.submit("newProgramme");
        browser.check("manager-programme-new");
        String name = "Frontline Leaders " + UUID.randomUUID().toString().substring(0, 6);
        browser.type("programme:name", name);
        setDate("programme:startDate", LocalDate.now().minusWeeks(2));
        setDate("programme:endDate", LocalDate.now().plusMonths(6));
        browser.driver().findElement(By.xpath("//label[contains(., 'Systems leadership in integrated care')]")).click();
        browser.type("programme:coachingSessions", "4").type("programme:hours", "4.5");
        browser.submit("programme:save");
        assertTrue(browser.text("main").contains(name + " is saved."), browser.text("main"));
        String programmePath = browser.path();

        // A cohort.
        browser.type("cohort:cohortName", "Spring cohort").type("cohort:capacity", "20");
        browser.submit("cohort:addCohort");
        assertTrue(browser.path().startsWith("/manager/cohort.xhtml?id="), browser.path());
        String cohortPath = browser.path();
        browser.check("manager-cohort-empty");

        // A file over the limit is refused in the browser before anything is sent.
        browser.submit("enrol");
        browser.check("manager-enrol");
        Path huge = Files.createTempFile("too-big", ".csv");
        try (var out = Files.newOutputStream(huge)) {
            byte[] line = "someone@example.org,Some,One,Nursing,Riverside University Hospitals NHS Trust,Nurse\n".getBytes(StandardCharsets.UTF_8);
            for (int written = 0; written < 6 * 1024 * 1024; written += line.length) {
                out.write(line);
            }
        }
        browser.find("upload:file").sendKeys(huge.toString());
        browser.clickAndWaitFor("upload:check", "#uploadStatus", "largest file accepted is 5 MB");
        assertTrue(browser.text("#uploadStatus").startsWith("The file is 6.0 MB"), browser.text("#uploadStatus"));
        browser.check("manager-enrol-too-big");
        Files.delete(huge);

        // An enrolment file with a bad line: nothing imported.
        String nurse = "nurse-" + UUID.randomUUID() + "@example.org";
        String worker = "worker-" + UUID.randomUUID() + "@example.org";
        String header = "email,given name,family name,profession,organisation,job title";
        Path bad = write("bad.csv", header,
                nurse + ",Nia,Jenkins,Nursing,Riverside University Hospitals NHS Trust,Staff nurse",
                worker + ",Dewi,Morgan,Astronaut,Westmoor County Council Adult Social Care,Social worker",
                "siobhan.kelly@demo.test,Siobhán,Kelly,Nursing,Northgate Primary Care Network,");
        browser.find("upload:file").sendKeys(bad.toString());
        browser.submit("upload:check");
        String problems = browser.text("#problems");
        assertTrue(problems.contains("Line 3") && problems.contains("Astronaut"), problems);
        assertTrue(problems.contains("nothing has been imported"), problems);
        browser.check("manager-enrol-bad-file");

        // Fixed, checked, imported.
        Path good = write("good.csv", header,
                nurse + ",Nia,Jenkins,Nursing,Riverside University Hospitals NHS Trust,Staff nurse",
                worker + ",Dewi,Morgan,Social work,Westmoor County Council Adult Social Care,Social worker",
                "siobhan.kelly@demo.test,Siobhán,Kelly,Nursing,Northgate Primary Care Network,");
        browser.find("upload:file").sendKeys(good.toString());
        browser.submit("upload:check");
        String preview = browser.text("#ready");
        assertTrue(preview.contains("2") && preview.contains("new to the portal"), preview);
        browser.check("manager-enrol-preview");
        browser.submit("confirm:import");
        assertEquals(cohortPath, browser.path());
        assertTrue(browser.text("main").contains("3 people enrolled"), browser.text("main"));
        String members = browser.text("#members");
        assertTrue(members.contains("Nia Jenkins") && members.contains("Dewi Morgan") && members.contains("Siobhán Kelly"), members);
        assertTrue(browser.present("#chart_profession canvas"), "the mix chart is drawn");
        assertTrue(browser.text("#mix_profession").contains("Nursing"));
        browser.check("manager-cohort-members");
        // The demo cohort's mix, at a phone's width: every profession and organisation drawn, none cut.
        browser.go("/manager/cohort.xhtml?id=" + TestDatabase.number("SELECT MIN(id) FROM cohort"));
        browser.photographPartAtPhoneWidth("manager-cohort-mix-charts", ".mix");
        browser.photographPartAtPhoneWidth("manager-cohort-mix-organisations", "#chart_organisation");
        for (String chart : new String[] {"#chart_profession canvas", "#chart_organisation canvas", "#chart_sector canvas"}) {
            if (browser.present(chart)) {
                assertEquals("", browser.atPhoneWidth(() -> browser.chartLabelProblems(chart)), chart);
            }
        }
        assertTrue(browser.present("#chart_organisation canvas"), "the organisations' chart is there to look at");
        browser.check("manager-cohort-mix");
        browser.go(cohortPath);

        // Places and dates: never below the members enrolled, never ending before starting, each said at its field.
        browser.submit("placesAndDates");
        assertTrue(browser.path().startsWith("/manager/cohort-settings.xhtml?id="), browser.path());
        assertEquals("3", browser.text("#placesTaken"));
        browser.check("manager-cohort-settings");
        browser.type("settings:capacity", "2");
        browser.submit("settings:save");
        assertTrue(browser.text("#settings\\:capacityError").contains("3 people are enrolled, so the cohort needs at least 3 places"),
                browser.text("main"));
        assertEquals("2", browser.find("settings:capacity").getAttribute("value"), "what was typed is shown with its message");
        browser.check("manager-cohort-settings-too-few");
        browser.type("settings:capacity", "3");
        setDate("settings:endDate", LocalDate.now().minusWeeks(3));
        browser.submit("settings:save");
        assertTrue(browser.text("#settings\\:endDateError").contains("on or after the start date"), browser.text("main"));
        browser.check("manager-cohort-settings-end-before-start");
        setDate("settings:endDate", LocalDate.now().plusMonths(8));
        browser.submit("settings:save");
        assertEquals(cohortPath, browser.path());
        assertTrue(browser.text("main").contains("Spring cohort now has 3 places"), browser.text("main"));
        assertTrue(browser.text("#figures").contains("3\nof 3 places taken") || browser.text("#figures").contains("3 of 3"), browser.text("#figures"));

        // Full now: the refusal is no dead end, it leads to where the places are raised.
        browser.submit("enrol");
        browser.type("newPerson:newEmail", "fran-" + UUID.randomUUID() + "@example.org")
                .type("newPerson:newGivenName", "Fran").type("newPerson:newFamilyName", "Full");
        browser.submit("newPerson:create");
        assertTrue(browser.text("#messages").contains("0 places left of 3"), browser.text("main"));
        assertEquals("Change the cohort's places and dates", browser.text("#nextStep"));
        browser.check("manager-enrol-cohort-full");
        String settingsPath = cohortPath.replace("/manager/cohort.xhtml", "/manager/cohort-settings.xhtml");
        assertTrue(browser.find("nextStep").getAttribute("href").endsWith(settingsPath), browser.find("nextStep").getAttribute("href"));
        // A file with more people than places left says so in its preview, with the same way out.
        Path more = write("more.csv", header, "owen-" + UUID.randomUUID() + "@example.org,Owen,Price,Nursing,Riverside University Hospitals NHS Trust,");
        browser.find("upload:file").sendKeys(more.toString());
        browser.submit("upload:check");
        assertTrue(browser.text("#ready").contains("1 person would join but only 0 places are left"), browser.text("#ready"));
        scrollTo("ready");
        browser.check("manager-enrol-preview-too-many");
        browser.submit("raisePlaces");
        assertEquals(settingsPath, browser.path());
        browser.type("settings:capacity", "20");
        browser.submit("settings:save");
        assertEquals(cohortPath, browser.path());
        assertTrue(browser.text("#figures").contains("3\nof 20 places taken") || browser.text("#figures").contains("3 of 20"), browser.text("#figures"));
        assertFalse(browser.text("#members").contains("Fran Full"), "nothing saved by the refused enrolment");

        // A member in detail: withdrawn, with the reason kept in their history.
        browser.driver().findElement(By.linkText("Dewi Morgan")).click();
        browser.waitForPath("/manager/member.xhtml");
        browser.check("manager-member");
        new org.openqa.selenium.support.ui.Select(browser.find("statusForm:status")).selectByVisibleText("Withdrawn");
        browser.type("statusForm:reason", "Moved to a post outside Westmoor");
        browser.submit("statusForm:save");
        assertTrue(browser.text("main").contains("Dewi Morgan is now withdrawn."), browser.text("main"));
        assertTrue(browser.text("#history").contains("Withdrawn – Moved to a post outside Westmoor"), browser.text("#history"));
        browser.go(cohortPath);
        assertTrue(browser.text("#members").contains("Withdrawn"));
        assertTrue(browser.text("#figures").contains("2\nof 20 places taken") || browser.text("#figures").startsWith("2"), browser.text("#figures"));

        // Someone new, one by one: a bad address is refused at its field, then they are created and enrolled.
        browser.go(cohortPath).submit("enrol");
        browser.type("newPerson:newEmail", "bryn at example").type("newPerson:newGivenName", "Bryn").type("newPerson:newFamilyName", "Newydd");
        browser.submit("newPerson:create");
        assertTrue(browser.text("#newPerson\\:newEmailError").contains("in the right form"), browser.text("main"));
        browser.check("manager-enrol-new-person-invalid");
        String bryn = "bryn-" + UUID.randomUUID() + "@example.org";
        browser.type("newPerson:newEmail", bryn);
        new org.openqa.selenium.support.ui.Select(browser.find("newPerson:newProfession")).selectByVisibleText("Paramedic");
        browser.submit("newPerson:create");
        assertTrue(browser.text("main").contains("Bryn Newydd has an account and is enrolled."), browser.text("main"));
        browser.go(cohortPath);
        assertTrue(browser.text("#members").contains("Bryn Newydd"));

        // A colleague is added to run this cohort with the manager.
        browser.go(cohortPath).submit("managers");
        browser.check("manager-cohort-managers");
        browser.type("search:words", "Qureshi");
        browser.submit("search:find");
        browser.submit(By.cssSelector("[aria-label='Add Imran Qureshi as a manager of this cohort']"));
        assertTrue(browser.text("#cohortManagers").contains("Imran Qureshi"), browser.text("main"));
        assertTrue(browser.text("#programmeManagers").contains("Priya Raman"), browser.text("#programmeManagers"));

        // The programme-wide report: every cohort, the whole programme on one line.
        browser.go("/manager/home.xhtml");
        browser.submit(By.xpath("//section[.//h2[contains(., '" + name + "')]]//a[contains(., 'Programme report')]"));
        assertTrue(browser.path().startsWith("/manager/report.xhtml?id="), browser.path());
        String report = browser.text("#cohorts");
        assertTrue(report.contains("Spring cohort") && report.contains("Whole programme"), report);
        assertTrue(browser.text("#figures").contains("3\nof 20 places taken") || browser.text("#figures").contains("3 of 20"), browser.text("#figures"));
        assertTrue(browser.present("#chart_profession canvas"), "the programme's mix chart is drawn");
        browser.check("manager-programme-report");

        // A second cohort of the programme: someone already in the first is refused by the file, at their line.
        browser.go(programmePath);
        browser.type("cohort:cohortName", "Autumn cohort").type("cohort:capacity", "20");
        browser.submit("cohort:addCohort");
        browser.submit("enrol");
        Path again = write("autumn.csv", header,
                "siobhan.kelly@demo.test,Siobhán,Kelly,Nursing,Northgate Primary Care Network,",
                "new-" + UUID.randomUUID() + "@example.org,Owen,Price,Nursing,Riverside University Hospitals NHS Trust,");
        browser.find("upload:file").sendKeys(again.toString());
        browser.submit("upload:check");
        String refused = browser.text("#problems");
        assertTrue(refused.contains("Line 2: siobhan.kelly@demo.test is already in Spring cohort of this programme"), refused);
        assertFalse(browser.present("#ready"), "nothing to confirm");
        scrollTo("problems");
        browser.check("manager-enrol-in-another-cohort");

        // Exports, fetched with the manager's session.
        String cohortId = cohortPath.substring(cohortPath.indexOf("id=") + 3);
        HttpResponse<byte[]> csv = browser.download("/manager/cohort-export?id=" + cohortId + "&format=csv");
        assertEquals(200, csv.statusCode());
        String csvText = new String(csv.body(), StandardCharsets.UTF_8);
        assertTrue(csvText.contains("Nia Jenkins") && csvText.contains("Siobhán Kelly"), csvText);
        HttpResponse<byte[]> pdf = browser.download("/manager/cohort-export?id=" + cohortId + "&format=pdf");
        assertEquals(200, pdf.statusCode());
        assertEquals("%PDF", new String(pdf.body(), 0, 4, StandardCharsets.US_ASCII));
        assertEquals(200, browser.download("/manager/cohort-export?id=" + cohortId + "&format=xlsx").statusCode());
        assertEquals(404, browser.download("/manager/cohort-export?id=999999999&format=csv").statusCode(), "not one's own: not found");
    }

    @Test
    void aLearnerCannotReachAnyManagerPage() throws Exception {
        browser.signIn("learner@demo.test", People.DEMO_PASSWORD);
        for (String path : new String[] {"/manager/home.xhtml", "/manager/programme.xhtml", "/manager/cohort.xhtml?id=1",
                "/manager/enrol.xhtml?cohort=1", "/manager/report.xhtml?id=1", "/manager/cohort-managers.xhtml?id=1",
                "/manager/cohort-settings.xhtml?id=1"}) {
            browser.go(path);
            assertEquals("You do not have access to this page", browser.heading(), path);
            assertFalse(browser.driver().getPageSource().contains("Leading Across Westmoor"), path);
        }
        assertEquals(403, browser.download("/manager/cohort-export?id=1&format=csv").statusCode());
        browser.check("manager-refused");
    }

    /** Brings a part of the page into view, so that its screenshot shows it. */
    private void scrollTo(String id) {
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView();", browser.find(id));
    }

    /**
     * One measure of progress, in the same words for the demo learner, her coach and her manager: the manager gives the
     * first required module a due date (refused outside the cohort's dates and when malformed, at the field), then the
     * dashboard, the member page, Amara's home, the catalogue's marks, the coach's home and coachee page all say the same,
     * with the pace in the same words and the module marked overdue.
     */
    @Test
    void amarasProgressReadsTheSameForHerHerCoachAndHerManager() throws Exception {
        long cohort = TestDatabase.number("SELECT c.id FROM cohort c JOIN programme p ON p.id = c.programme_id "
                + "WHERE p.name = 'Leading Across Westmoor' AND c.name = 'Cohort 1'");
        long amara = TestDatabase.number("SELECT id FROM person WHERE email = 'learner@demo.test'");
        LocalDate start = LocalDate.parse(TestDatabase.text("SELECT start_date FROM cohort WHERE id = ?", cohort));
        String module = "Systems leadership in integrated care";

        // The manager gives the module a due date: refused outside the cohort's dates, and when malformed.
        browser.signIn("manager@demo.test", People.DEMO_PASSWORD);
        browser.go("/manager/cohort-settings.xhtml?id=" + cohort);
        String due = browser.driver().findElement(By.xpath("//form[@id='dues']//label[normalize-space(.)='" + module + "']")).getAttribute("for");
        String error = due + "Error";
        setDate(due, start.minusDays(1));
        browser.submit("dues:saveDues");
        assertTrue(browser.text("#" + error.replace(":", "\\:")).startsWith("Choose a date for " + module + " within the cohort's dates"),
                browser.text("main"));
        browser.check("manager-cohort-due-date-refused");
        phoneShot("manager-cohort-due-date-refused", By.id(error));
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("arguments[0].type = 'text';", browser.find(due));
        browser.find(due).clear();
        browser.type(due, "31/02/2027");
        browser.submit("dues:saveDues");
        assertTrue(browser.text("#" + error.replace(":", "\\:")).startsWith("Enter the date for " + module + " as a day, month and year"),
                browser.text("main"));
        setDate(due, LocalDate.now().minusDays(1));
        browser.submit("dues:saveDues");
        assertTrue(browser.text("main").contains("a due date now."), browser.text("main"));
        assertEquals(LocalDate.now().minusDays(1).toString(), browser.find(due).getAttribute("value"));

        // The dashboard and the member page.
        browser.go("/manager/cohort.xhtml?id=" + cohort);
        String measure = browser.driver().findElement(By.xpath("//table[@id='members']//tr[th[normalize-space(.)='Amara Okafor']]/td[@class='measure']")).getText();
        assertTrue(browser.driver().findElement(By.xpath("//table[@id='modules']//tr[th[normalize-space(.)='" + module + "']]")).getText()
                .contains("Overdue"), browser.text("#modules"));
        assertTrue(measure.matches("\\d+ of \\d+ lessons of the required modules \\(\\d+%\\)"), measure);
        browser.go("/manager/member.xhtml?cohort=" + cohort + "&person=" + amara);
        assertEquals(measure, browser.text("#programmeMeasure"));
        String pace = browser.text("#pace");
        assertTrue(pace.matches("(On track|Behind the pace|Needs attention): .*\\d+% expected by now\\..*"), pace);
        assertTrue(browser.driver().findElement(By.xpath("//table[@id='requiredModules']//tr[th[normalize-space(.)='" + module + "']]")).getText()
                .contains("Overdue"), browser.text("#requiredModules"));
        browser.check("manager-member-standing");
        phoneShot("manager-member-standing", By.id("programmeStanding"));
        browser.signOut();

        // Amara: her home and the catalogue.
        browser.signIn("learner@demo.test", People.DEMO_PASSWORD);
        browser.go("/learner/home.xhtml");
        assertEquals(measure, browser.text("#programmeMeasure"));
        assertEquals(pace, browser.text("#pace"), "the pace in the words the manager sees");
        assertTrue(browser.text("#requiredModules").contains("Overdue"), browser.text("#requiredModules"));
        browser.check("learner-home-standing");
        phoneShot("learner-home-standing", By.id("programmeStanding"));
        browser.go("/learner/catalogue.xhtml");
        assertEquals(3, browser.driver().findElements(By.cssSelector("#modules .tag--required")).size(), "the programme's three required modules are marked");
        String card = browser.driver().findElement(By.xpath("//ul[@id='modules']/li[.//h2[normalize-space(.)='" + module + "']]")).getText();
        assertTrue(card.contains("Required by your programme") && card.contains("Overdue"), card);
        browser.check("catalogue-required");
        phoneShot("catalogue-required", By.xpath("//ul[@id='modules']/li[.//h2[normalize-space(.)='" + module + "']]"));
        browser.signOut();

        // Her coach: his home and her progress page.
        browser.signIn("coach@demo.test", People.DEMO_PASSWORD);
        browser.go("/coach/home.xhtml");
        assertEquals(measure, browser.driver().findElement(By.xpath("//tr[th[contains(., 'Amara Okafor')] or td[contains(., 'Amara Okafor')]]/td[@class='measure']")).getText());
        browser.check("coach-home-progress");
        phoneShot("coach-home-progress", By.xpath("//td[@class='measure']"));
        browser.driver().findElement(By.cssSelector("a[aria-label='Progress and ratings of Amara Okafor']")).click();
        browser.waitForPath("/coach/coachee.xhtml");
        assertEquals(measure, browser.text("#programmeMeasure"));
        assertEquals(pace, browser.text("#pace"));
        browser.check("coach-coachee-standing");
        phoneShot("coach-coachee-standing", By.id("programmeStanding"));
    }

    /** A phone-width photograph with the part of the page under test in view (the scan at phone width is {@code check}'s). */
    private void phoneShot(String name, By part) {
        browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        try {
            ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView(true);",
                    browser.driver().findElement(part));
            browser.photograph(name + "-phone-in-view");
        } finally {
            browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        }
    }

    private void setDate(String id, LocalDate date) {
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1];", browser.find(id), date.toString());
    }

    private Path write(String fileName, String... lines) throws Exception {
        Path file = files.resolve(fileName);
        Files.writeString(file, String.join("\r\n", lines) + "\r\n", StandardCharsets.UTF_8);
        return file;
    }
}
