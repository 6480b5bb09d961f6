package org.leadingtogether.learning;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.leadingtogether.support.BrowserJourney;
import org.leadingtogether.support.Lessons;
import org.leadingtogether.support.People;
import org.leadingtogether.support.PortalDeployment;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The learner's journey through learning and self-assessment, and the administrator's content reload
 * with a broken file, in a real browser. Every page visited is scanned for accessibility and photographed.
 */
class LearningJourneysIT extends BrowserJourney {

    private static final String MODULE = "systems-leadership-integrated-care";
    private static final String FIRST = "why-systems-leadership";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return PortalDeployment.war();
    }

    @Test
    void aLearnerFindsAModuleCompletesALessonAndRatesThemselves() throws Exception {
        String email = People.addLearner(browser, "Learner");
        browser.signOut();
        People.firstSignIn(browser, email, "a long learner passphrase");
        assertEquals("/learner/home.xhtml", browser.path());
        assertEquals("You are not in a programme, so no modules are required of you yet.", browser.text("#programmeMeasure"));
        browser.check("learner-home-new");

        // The catalogue, filtered by a dimension.
        browser.go("/learner/catalogue.xhtml");
        int all = browser.driver().findElements(By.cssSelector("#modules > li")).size();
        assertTrue(all >= 12, "modules in the catalogue: " + all);
        browser.check("catalogue");
        new Select(browser.find("dimension")).selectByVisibleText("Be collaborative");
        browser.submit("filter");
        List<WebElement> filtered = browser.driver().findElements(By.cssSelector("#modules > li"));
        assertFalse(filtered.isEmpty());
        assertTrue(filtered.size() < all, "the filter narrows the list");
        filtered.forEach(card -> assertTrue(card.getText().contains("Be collaborative"), card.getText()));
        browser.check("catalogue-filtered");

        // A module, and its first lesson.
        browser.driver().findElement(By.linkText("Systems leadership in integrated care")).click();
        browser.waitForPath("/learner/module.xhtml");
        assertTrue(browser.text("#moduleProgress").startsWith("0%"));
        browser.check("module");
        browser.submit("continue");
        assertEquals("/learner/lesson.xhtml?id=" + FIRST, browser.path());
        assertTrue(browser.text("#reading").contains("Sources"), "the lesson ends with its sources");
        assertTrue(browser.text("#reading").contains("Social Care Institute for Excellence"), browser.text("#reading"));

        // The knowledge check: wrong answers first, then the right ones.
        List<Integer> answers = Lessons.answersOf(MODULE, FIRST);
        for (int q = 0; q < answers.size(); q++) {
            Lessons.chooseAnswer(browser, q, (answers.get(q) + 1) % 4);
        }
        browser.clickAndWaitFor("check:checkAnswers", "#check\\:checkResult", "0 of " + answers.size() + " right.");
        assertTrue(browser.text("#checkPanel").contains("Not quite."), browser.text("#checkPanel"));
        assertFalse(browser.text("#checkPanel").contains("Right."));
        // Each question says why the chosen option is not right, and offers every option's reason.
        List<WebElement> reasons = browser.driver().findElements(By.cssSelector("details.reasons"));
        assertEquals(answers.size(), reasons.size());
        reasons.get(0).findElement(By.tagName("summary")).click();
        assertTrue(reasons.get(0).getText().contains("(the right answer)"), reasons.get(0).getText());
        assertEquals(answers.size(), browser.driver().findElements(By.cssSelector(".feedback__why")).size());
        scrollTo(reasons.get(0));
        browser.check("lesson-check-wrong");
        for (int q = 0; q < answers.size(); q++) {
            Lessons.chooseAnswer(browser, q, answers.get(q));
        }
        browser.clickAndWaitFor("check:checkAnswers", "#check\\:checkResult", answers.size() + " of " + answers.size() + " right.");
        assertFalse(browser.text("#checkPanel").contains("Not quite."), browser.text("#checkPanel"));
        assertTrue(browser.text("#checkPanel").contains("Right."));
        browser.check("lesson-check-right");

        // Done: on to the next lesson, and progress shows at once.
        browser.submit("done:markDone");
        assertTrue(browser.text("main").contains("Lesson done"), browser.text("main"));
        browser.go("/learner/module.xhtml?id=" + MODULE);
        String moduleProgress = browser.text("#moduleProgress");
        assertTrue(moduleProgress.contains("(1 of "), moduleProgress);
        assertTrue(browser.text("#lessons li:first-child").contains("Done"), browser.text("#lessons"));
        browser.go("/learner/home.xhtml");
        assertEquals("You are not in a programme, so no modules are required of you yet.", browser.text("#programmeMeasure"),
                "progress is measured against a programme only");

        // A self-assessment, then the radar.
        browser.go("/learner/self-assessment.xhtml");
        browser.check("self-assessment-empty");
        List<WebElement> groups = browser.driver().findElements(By.cssSelector("ul.scale-choices"));
        assertEquals(27, groups.size(), "one rating per element of the 2026 framework");
        assertTrue(browser.text("#frameworkNotice").contains("portal's own"), browser.text("#frameworkNotice"));
        for (int i = 0; i < 8; i++) {
            groups.get(i).findElement(By.cssSelector("input[value='" + (1 + i % 4) + "']")).click();
        }
        browser.type("assessment:strengths", "Bringing people together across teams.");
        browser.submit("assessment:save");
        assertTrue(browser.text("main").contains("Your self-assessment is saved"), browser.text("main"));
        assertTrue(browser.present("#radar canvas"), "the radar is drawn");
        assertTrue(browser.text("#standingTable").contains("Be accountable"));
        assertTrue(browser.text("#standingTable").contains("Delivering the strategy"));
        assertTrue(browser.text("#ratedOn").contains("against the 2026 edition"), browser.text("#ratedOn"));
        assertTrue(browser.text("#history").contains("3.5"), browser.text("#history"));
        assertTrue(browser.text("#history").contains("the 2026 edition"), browser.text("#history"));
        browser.check("self-assessment-saved");
        browser.photographPartAtPhoneWidth("self-assessment-radar", "#radar");
        assertEquals("", browser.atPhoneWidth(() -> browser.chartLabelProblems("#radar canvas")),
                "on a phone every dimension's name is drawn whole beside the radar");
        browser.go("/learner/home.xhtml");
        assertTrue(browser.present("#radar canvas"));
        browser.check("learner-home-progress");
    }

    @Test
    void anAdministratorReloadsContentWithABrokenFileAndTheOldVersionStaysLive() throws Exception {
        Path file = Path.of(System.getProperty("test.content.dir"), "modules", "frontline-system-changers", "module.md");
        String good = Files.readString(file, StandardCharsets.UTF_8);
        browser.signIn("admin@demo.test", People.DEMO_PASSWORD);
        browser.go("/admin/content.xhtml");
        assertTrue(browser.text("#coverageSummary").startsWith("27 of 27 elements"), browser.text("#coverageSummary"));
        assertFalse(browser.present("#uncovered"), "every element is taught");
        assertTrue(browser.text("#coverage").contains("MLC-P1.2 Being open when things go wrong"), browser.text("#coverage"));
        assertTrue(browser.text("#settings").contains("local authority"), browser.text("#settings"));
        assertFalse(browser.text("#settings").contains("more than a quarter"), browser.text("#settings"));
        browser.check("admin-content");
        try {
            Files.writeString(file, good.replaceFirst("minutes: \\d+", "minutes: ten"), StandardCharsets.UTF_8);
            browser.submit("reload:reloadContent");
            String problems = browser.text("#problems");
            assertTrue(problems.contains("modules/frontline-system-changers/module.md:"), problems);
            assertTrue(browser.text("#moduleTable").contains("Frontline"), "the module is still listed");
            browser.check("admin-content-problem");
        } finally {
            Files.writeString(file, good, StandardCharsets.UTF_8);
            browser.go("/admin/content.xhtml").submit("reload:reloadContent");
        }
        assertTrue(browser.present("#noProblems"), browser.text("main"));
    }

    private void scrollTo(WebElement element) {
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView(true);", element);
    }

    /** An element that no lesson teaches any more is flagged on the Content page, and reported as a warning. */
    @Test
    void anAdministratorSeesAnElementNoLessonTeachesFlagged() throws Exception {
        Path lesson = Path.of(System.getProperty("test.content.dir"), "modules", "coaching-peer-support-reflection",
                "lessons", "reflection-models.md");
        String good = Files.readString(lesson, StandardCharsets.UTF_8);
        assertTrue(good.contains("elements: [MLC-P4.2, MLC-P1.2,"), "the only lesson teaching MLC-P1.2");
        browser.signIn("admin@demo.test", People.DEMO_PASSWORD);
        try {
            Files.writeString(lesson, good.replace("elements: [MLC-P4.2, MLC-P1.2,", "elements: [MLC-P4.2,"),
                    StandardCharsets.UTF_8);
            browser.go("/admin/content.xhtml").submit("reload:reloadContent");
            assertTrue(browser.text("#coverageSummary").startsWith("26 of 27 elements"), browser.text("#coverageSummary"));
            assertTrue(browser.text("#uncovered").contains("MLC-P1.2 Being open when things go wrong (Be accountable)"),
                    browser.text("#uncovered"));
            assertTrue(browser.text("#coverage").contains("None: no lesson teaches this element"), browser.text("#coverage"));
            assertTrue(browser.text("#warnings").contains("No lesson teaches MLC-P1.2"), browser.text("#warnings"));
            assertTrue(browser.present("#noProblems"), "a gap in coverage keeps nothing back");
            assertTrue(browser.text("main").contains("1 thing to improve"), browser.text("main"));
            browser.check("admin-content-coverage-gap");
            scrollTo(browser.driver().findElement(By.id("uncovered")));
            browser.check("admin-content-coverage-flagged");
        } finally {
            Files.writeString(lesson, good, StandardCharsets.UTF_8);
            browser.go("/admin/content.xhtml").submit("reload:reloadContent");
        }
        assertFalse(browser.present("#uncovered"), browser.text("main"));
    }

    /**
     * The learner's home says what is coming up; the header's bell leads to the notifications; on a phone the header folds
     * behind a Menu button (a disclosure button: Enter opens it, Escape closes it and returns to it); the account things
     * (notification choices, calendar feed, your data, password) are under one's name; every page asks for a favicon and
     * gets one.
     */
    @Test
    void theHeaderFoldsOnAPhoneTheAccountThingsAreUnderOneMenuAndTheBellLeadsToTheNotifications() throws Exception {
        browser.signIn("learner@demo.test", People.DEMO_PASSWORD);
        assertEquals("/learner/home.xhtml", browser.path());
        assertTrue(browser.text("#comingUp").startsWith("Coming up, and what is new"), browser.text("#comingUp"));
        assertTrue(browser.present("#cuNextCoaching") && browser.present("#cuNextProtected"), browser.text("#comingUp"));
        browser.check("learner-home-coming-up");

        // On a phone: the header is one line, the menu folded behind its button.
        var driver = browser.driver();
        browser.phoneWidth();
        try {
            WebElement toggle = browser.find("menuToggle");
            assertTrue(toggle.isDisplayed());
            assertEquals("false", toggle.getAttribute("aria-expanded"));
            assertFalse(driver.findElement(By.cssSelector(".site-nav")).isDisplayed(), "folded");
            long headerHeight = driver.findElement(By.cssSelector(".site-header")).getRect().getHeight();
            assertTrue(headerHeight < 100, "one line on a phone, not four: " + headerHeight + " px");
            browser.snapshot("header-phone-closed");
            toggle.sendKeys(org.openqa.selenium.Keys.ENTER);
            assertEquals("true", toggle.getAttribute("aria-expanded"));
            assertTrue(driver.findElement(By.linkText("Journal")).isDisplayed(), "open");
            browser.find("accountToggle").sendKeys(org.openqa.selenium.Keys.ENTER);
            assertTrue(browser.find("accountData").isDisplayed(), "the account links under one's name");
            browser.snapshot("header-phone-open");
            browser.find("accountData").sendKeys(org.openqa.selenium.Keys.ESCAPE);
            assertEquals("false", browser.find("accountToggle").getAttribute("aria-expanded"));
            assertEquals("accountToggle", driver.switchTo().activeElement().getAttribute("id"), "back on its button");
            toggle.sendKeys(org.openqa.selenium.Keys.ESCAPE);
            assertEquals("false", toggle.getAttribute("aria-expanded"));
            assertFalse(driver.findElement(By.cssSelector(".site-nav")).isDisplayed(), "folded again");
        } finally {
            browser.desktopWidth();
        }

        // On a desktop the account menu opens from one's name; Your data is there, no longer on the password page.
        browser.find("accountToggle").click();
        browser.find("accountData").click();
        browser.waitForPath("/account/data.xhtml");
        assertTrue(browser.present("#downloadMyData") && browser.present("#myDetails"), browser.text("main"));
        browser.check("account-data");
        browser.go("/account/password.xhtml");
        assertFalse(browser.present("#downloadMyData"), "off the Change password page");

        // The bell leads to the notifications; the choices are a click away.
        browser.find("bell").click();
        browser.waitForPath("/account/notifications.xhtml");
        assertEquals("Notifications", browser.heading());
        browser.check("notifications");
        browser.find("toChoices").click();
        browser.waitForPath("/account/notification-choices.xhtml");
        String choices = browser.text("#choices");
        assertTrue(choices.contains("Your coach comments on a reflection you shared") && !choices.contains("A coachee shares"), choices);
        WebElement digest = driver.findElement(By.xpath(
                "//fieldset[@data-kind='SESSION_RECORDED']//label[contains(., 'weekly email')]"));
        digest.click();
        browser.submit("choices:save");
        assertTrue(browser.text("main").contains("Your choices are saved."), browser.text("main"));
        assertTrue(driver.findElement(By.xpath("//fieldset[@data-kind='SESSION_RECORDED']//input[@value='DIGEST']")).isSelected());
        browser.check("notification-choices");
        driver.findElement(By.xpath("//fieldset[@data-kind='SESSION_RECORDED']//label[contains(., 'email at once')]")).click();
        browser.submit("choices:save");

        assertEquals(200, browser.download("/favicon.ico").statusCode(), "a favicon, not a 404");
    }
}
