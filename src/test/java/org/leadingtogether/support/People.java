package org.leadingtogether.support;

import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Browser steps that make people for a journey, through the administrator's pages as a real
 * administrator would, so each journey starts from a person with no history.
 */
public final class People {

    public static final String DEMO_PASSWORD = "demo-password";
    public static final String TEMPORARY_PASSWORD = "temporary-pass-1";

    private People() {
    }

    /**
     * Signs in as the demo administrator and adds a learner with a unique email address and the temporary
     * password {@link #TEMPORARY_PASSWORD}; leaves the administrator signed in on the new person's page.
     */
    public static String addLearner(Browser browser, String givenName) {
        String email = givenName.toLowerCase() + "-" + UUID.randomUUID() + "@example.org";
        browser.signIn("admin@demo.test", DEMO_PASSWORD);
        browser.go("/admin/people.xhtml").submit("add");
        assertEquals("/admin/person.xhtml", browser.path());
        browser.check("admin-person-new");
        fillPerson(browser, email, givenName, "Tester", TEMPORARY_PASSWORD);
        new Select(browser.find("person:profession")).selectByVisibleText("Social work");
        browser.submit("person:save");
        assertTrue(browser.path().startsWith("/admin/person.xhtml?id="), browser.path() + " " + browser.text("main"));
        assertTrue(browser.text("main").contains(givenName + " Tester has been added."), browser.text("main"));
        return email;
    }

    /**
     * Signs in as the demo administrator and adds someone with one role ({@code LEARNER}, {@code COACH}, …), a
     * profession and the organisation whose name starts with {@code organisation}, with the temporary password
     * {@link #TEMPORARY_PASSWORD}; signs the administrator out again and returns the new address.
     */
    public static String addPerson(Browser browser, String givenName, String role, String profession, String organisation) {
        String email = givenName.toLowerCase() + "-" + UUID.randomUUID() + "@example.org";
        browser.signIn("admin@demo.test", DEMO_PASSWORD);
        browser.go("/admin/people.xhtml").submit("add");
        browser.type("person:email", email).type("person:givenName", givenName).type("person:familyName", "Tester")
                .type("person:temporaryPassword", TEMPORARY_PASSWORD);
        for (var box : browser.driver().findElements(By.cssSelector("input[name='person:roles']"))) {
            if (box.isSelected() != box.getAttribute("value").equals(role)) {
                box.click();
            }
        }
        new Select(browser.find("person:profession")).selectByVisibleText(profession);
        Select organisations = new Select(browser.find("person:organisation"));
        organisations.getOptions().stream().filter(o -> o.getText().startsWith(organisation)).findFirst().orElseThrow().click();
        browser.submit("person:save");
        assertTrue(browser.text("main").contains(givenName + " Tester has been added."), browser.text("main"));
        browser.signOut();
        return email;
    }

    /** A person's id, read from the test database the portal uses (for choosing them where names repeat across runs). */
    public static long id(String email) {
        try {
            return TestDatabase.number("SELECT id FROM person WHERE email = ?", email);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("The test database could not be read (test.db.url " + System.getProperty("test.db.url") + ")", e);
        }
    }

    /** Fills the administrator's person form, ticking the learner role. */
    public static void fillPerson(Browser browser, String email, String given, String family, String password) {
        browser.type("person:email", email).type("person:givenName", given).type("person:familyName", family)
                .type("person:temporaryPassword", password);
        var learner = browser.driver().findElement(By.cssSelector("input[name='person:roles'][value='LEARNER']"));
        if (!learner.isSelected()) {
            learner.click();
        }
    }

    /** Signs in a new person with their temporary password and chooses their own; ends on their home page. */
    public static void firstSignIn(Browser browser, String email, String newPassword) {
        browser.signIn(email, TEMPORARY_PASSWORD);
        assertEquals("/account/password.xhtml", browser.path());
        // Until they choose their own password every other address leads back here: only signing out is offered.
        org.junit.jupiter.api.Assertions.assertFalse(browser.present(".site-nav") || browser.present("#bell") || browser.present("#accountToggle"),
                "no menu whose links bounce back: " + browser.text("header"));
        org.junit.jupiter.api.Assertions.assertTrue(browser.present("#signOut"));
        browser.type("password:currentPassword", TEMPORARY_PASSWORD).type("password:newPassword", newPassword)
                .type("password:confirmation", newPassword).submit("password:submit");
    }
}
