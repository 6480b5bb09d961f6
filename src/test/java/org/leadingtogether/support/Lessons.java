package org.leadingtogether.support;

import org.openqa.selenium.By;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A lesson's knowledge check as a learner answers it in the browser, with the right answers read from the
 * lesson's own file in the content folder the portal under test reads ({@code test.content.dir}).
 */
public final class Lessons {

    private Lessons() {
    }

    /** The right answers of a lesson's knowledge check, in question order (0-based option numbers). */
    public static List<Integer> answersOf(String module, String lesson) throws java.io.IOException {
        String text = Files.readString(Path.of(System.getProperty("test.content.dir"), "modules", module, "lessons", lesson + ".md"));
        Matcher m = Pattern.compile("(?m)^\\s+answer:\\s*(\\d+)").matcher(text);
        List<Integer> answers = new ArrayList<>();
        while (m.find()) {
            answers.add(Integer.parseInt(m.group(1)));
        }
        assertFalse(answers.isEmpty(), "the lesson " + lesson + " has a knowledge check");
        return answers;
    }

    /** Ticks option {@code option} of question {@code question} on the lesson page that is open. */
    public static void chooseAnswer(Browser browser, int question, int option) {
        browser.driver().findElement(By.cssSelector("input[name$='" + question + ":answer'][value='" + option + "']")).click();
    }
}
