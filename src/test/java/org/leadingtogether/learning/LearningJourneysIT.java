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
        assertTrue(browser.text("#overallProgress").startsWith("0%"), browser.text("#overallProgress"));
        browser.check("learner-home-new");

        // The catalogue, filtered by a dimension.
        browser.go("/learner/catalogue.xhtml");
        int all = browser.driver().findElements(By.cssSelector("#modules > li")).size();
        assertTrue(all >= 6, "modules in the catalogue: " + all);
        browser.check("catalogue");
        new Select(browser.find("dimension")).selectByVisibleText("Working with others");
        browser.submit("filter");
        List<WebElement> filtered = browser.driver().findElements(By.cssSelector("#modules > li"));
        assertFalse(filtered.isEmpty());
        assertTrue(filtered.size() < all, "the filter narrows the list");
        filtered.forEach(card -> assertTrue(card.getText().contains("Working with others"), card.getText()));
        browser.check("catalogue-filtered");

        // A module, and its first lesson.
        browser.driver().findElement(By.linkText("Systems leadership in integrated care")).click();
        browser.waitForPath("/learner/module.xhtml");
        assertTrue(browser.text("#moduleProgress").startsWith("0%"));
        browser.check("module");
        browser.submit("continue");
        assertEquals("/learner/lesson.xhtml?id=" + FIRST, browser.path());

        // The knowledge check: wrong answers first, then the right ones.
        List<Integer> answers = Lessons.answersOf(MODULE, FIRST);
        for (int q = 0; q < answers.size(); q++) {
            Lessons.chooseAnswer(browser, q, (answers.get(q) + 1) % 3);
        }
        browser.clickAndWaitFor("check:checkAnswers", "#check\\:checkResult", "0 of " + answers.size() + " right.");
        assertTrue(browser.text("#checkPanel").contains("Not quite."), browser.text("#checkPanel"));
        assertFalse(browser.text("#checkPanel").contains("Right."));
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
        assertTrue(browser.text("#overallProgress").contains("(1 of "), browser.text("#overallProgress"));

        // A self-assessment, then the radar.
        browser.go("/learner/self-assessment.xhtml");
        browser.check("self-assessment-empty");
        List<WebElement> groups = browser.driver().findElements(By.cssSelector("ul.scale-choices"));
        assertEquals(28, groups.size(), "one rating per element of the framework");
        for (int i = 0; i < 8; i++) {
            groups.get(i).findElement(By.cssSelector("input[value='" + (1 + i % 4) + "']")).click();
        }
        browser.type("assessment:strengths", "Bringing people together across teams.");
        browser.submit("assessment:save");
        assertTrue(browser.text("main").contains("Your self-assessment is saved"), browser.text("main"));
        assertTrue(browser.present("#radar canvas"), "the radar is drawn");
        assertTrue(browser.text("#standingTable").contains("Demonstrating personal qualities"));
        assertTrue(browser.text("#history").contains("2.5"), browser.text("#history"));
        browser.check("self-assessment-saved");
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
}
