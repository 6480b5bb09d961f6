package org.leadingtogether.support;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The check every journey makes of every page it visits fails when a page breaks WCAG, and names the rule and the
 * element: a check whose scan is set up wrongly (its rules, or what it reports) would pass every page and prove
 * nothing. Two pages written here, one accessible and one not, opened from files: no portal is needed.
 */
class BrowserCheckIT {

    @Test
    void aPageThatBreaksWcagFailsTheCheckNamingEachRuleAndAnAccessibleOneDoesNot() throws Exception {
        Path folder = Files.createTempDirectory("browser-check");
        Path broken = page(folder, "broken.html", """
                <main><h1>Broken</h1>
                <img src="x.png">
                <p style="color:#bbb;background:#fff">Grey words on white</p>
                <input type="text" id="nameless">
                </main>""");
        Path sound = page(folder, "sound.html", """
                <main><h1>Sound</h1>
                <img src="x.png" alt="A chart of progress">
                <p>Dark words on white</p>
                <label for="named">Name</label> <input type="text" id="named">
                </main>""");
        try (Browser browser = Browser.open(folder.toUri().toURL())) {
            browser.driver().get(broken.toUri().toString());
            AssertionFailedError failed = assertThrows(AssertionFailedError.class, () -> browser.check("check-broken"));
            String said = failed.getMessage();
            for (String rule : new String[] {"image-alt", "color-contrast", "label"}) {
                assertTrue(said.contains("- " + rule + ":"), "the rule " + rule + " is named: " + said);
            }
            assertTrue(said.contains("<img src=\"x.png\">"), "and the element at fault: " + said);
            browser.driver().get(sound.toUri().toString());
            browser.check("check-sound");
        }
    }

    private static Path page(Path folder, String name, String main) throws Exception {
        Path file = folder.resolve(name);
        Files.writeString(file, "<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>" + name
                + "</title></head><body>" + main + "</body></html>", StandardCharsets.UTF_8);
        return file;
    }
}
