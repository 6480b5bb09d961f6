package org.leadingtogether.account;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.leadingtogether.support.BrowserJourney;
import org.leadingtogether.support.Keycloak;
import org.leadingtogether.support.People;
import org.leadingtogether.support.PortalClient;
import org.leadingtogether.support.PortalDeployment;
import org.leadingtogether.support.TestDatabase;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Signing in through an identity provider, in Chromium, against a real Keycloak started by the test suite
 * ({@link Keycloak}) with two realms: {@code nhsmail} (stands in for NHSmail; unknown people refused) and
 * {@code council} (unknown people made learners; its groups give roles). Each journey signs in on Keycloak's own page,
 * as a person would; every portal page on the way is scanned and photographed (Keycloak's own page is photographed
 * only: it is not the portal's).
 */
class SingleSignOnJourneysIT extends BrowserJourney {

    private static final String LEARNER = "sso.learner@nhsmail.test";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return PortalDeployment.war();
    }

    private static Keycloak keycloak;

    @BeforeAll
    static void startKeycloak() {
        keycloak = Keycloak.start();
    }

    private boolean onKeycloak() {
        return browser.driver().getCurrentUrl().startsWith("http://localhost:" + keycloak.port() + "/realms/");
    }

    private void waitForKeycloakForm() {
        try {
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d -> onKeycloak() && !d.findElements(By.id("kc-login")).isEmpty());
        } catch (org.openqa.selenium.TimeoutException notThere) {
            browser.photograph("sso-expected-keycloak-form");
            throw new AssertionError("expected Keycloak's sign-in form, at " + browser.driver().getCurrentUrl() + ": "
                    + browser.driver().findElement(By.tagName("body")).getText(), notThere);
        }
    }

    /** Signs in on Keycloak's own page (the browser is on it) and waits to be back at the portal. */
    private void signInAtKeycloak(String username) {
        waitForKeycloakForm();
        browser.type("username", username).type("password", Keycloak.PASSWORD);
        browser.driver().findElement(By.id("kc-login")).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d -> !onKeycloak()
                && !d.findElements(By.tagName("main")).isEmpty());
    }

    private void problemPage(String reason, String heading, String shot) {
        browser.waitForPath("/sign-in-problem.xhtml?reason=" + reason);
        assertEquals(heading, browser.heading());
        assertTrue(browser.present("#startAgain"), "a way to start again");
        browser.check(shot);
    }

    @Test
    void aLearnerSignsInAtHerProviderLandsOnHerHomeAndSigningOutEndsBothSessions() throws Exception {
        TestDatabase.providerPerson(LEARNER, true, "LEARNER");
        browser.go("/sign-in.xhtml").check("sso-sign-in");
        assertEquals("Sign in with NHSmail", browser.find("provider-nhsmail").getText());
        assertEquals("Sign in with Westmoor County Council", browser.find("provider-council").getText());
        browser.click("provider-nhsmail");
        waitForKeycloakForm();
        browser.photograph("sso-keycloak-sign-in");
        signInAtKeycloak("sso.learner");
        browser.waitForPath("/learner/home.xhtml");
        browser.check("sso-learner-home");
        assertEquals(1, TestDatabase.number("SELECT COUNT(*) FROM provider_link l JOIN person p ON p.id = l.person_id "
                + "WHERE p.email = ? AND l.provider_id = 'nhsmail' AND l.issuer = ?", LEARNER, keycloak.realm("nhsmail")),
                "linked to her account at the provider by her verified address");

        // Signing out ends the portal's session and, through the provider's end-session address, the provider's.
        browser.find("signOut").click();
        try {
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d -> browser.path().startsWith("/sign-in.xhtml?signedOut=true"));
        } catch (org.openqa.selenium.TimeoutException notThere) {
            browser.photograph("sso-expected-signed-out");
            throw new AssertionError("expected the signed-out page, at " + browser.driver().getCurrentUrl() + ": "
                    + browser.driver().findElement(By.tagName("body")).getText(), notThere);
        }
        assertTrue(browser.text("main").contains("You have signed out."));
        browser.go("/learner/home.xhtml");
        assertTrue(browser.path().startsWith("/sign-in.xhtml"), "the portal's session has ended: " + browser.path());
        browser.click("provider-nhsmail");
        waitForKeycloakForm();
        assertTrue(browser.present("#password"), "the provider asks for her password again: its session ended too");

        // The second time, she is found by the link (not her address) and lands on her home again.
        signInAtKeycloak("sso.learner");
        browser.waitForPath("/learner/home.xhtml");
    }

    /**
     * An administrator sees who signs in through a provider and may remove the link: the person's sessions end (an access
     * change, as when a role is taken away), their next sign-in through the provider links them again by their verified
     * address, and once deactivated, a link removed is not made again.
     */
    @Test
    void anAdministratorSeesAndRemovesAProviderLinkWhichEndsTheSessionsAndIsMadeAgainAtTheNextSignIn() throws Exception {
        TestDatabase.providerPerson(LEARNER, true, "LEARNER");
        long person = People.id(LEARNER);
        PortalClient learner = PortalClient.signedInThroughProvider(base, "nhsmail", "sso.learner", Keycloak.PASSWORD);
        assertEquals(200, learner.get("/learner/home.xhtml").statusCode(), "signed in through the provider");
        String linkCount = "SELECT COUNT(*) FROM provider_link WHERE person_id = ?";
        assertEquals(1, TestDatabase.number(linkCount, person));

        browser.signIn("admin@demo.test", People.DEMO_PASSWORD);
        browser.go("/admin/person.xhtml?id=" + person);
        assertTrue(browser.text("#singleSignOn").contains("Signs in through NHSmail"), browser.text("main"));
        browser.check("sso-admin-person-linked");
        browser.submit(By.cssSelector("#providerLinks button"));
        assertTrue(browser.text("main").contains("Test Person no longer signs in through NHSmail"), browser.text("main"));
        assertFalse(browser.present("#singleSignOn"), "no link left to show");
        browser.check("sso-admin-person-unlinked");
        assertEquals(0, TestDatabase.number(linkCount, person), "the link is removed");
        HttpResponse<String> after = learner.get("/learner/home.xhtml");
        assertTrue(after.statusCode() == 302 && after.headers().firstValue("Location").orElse("").contains("/sign-in.xhtml"),
                "her session ended with the link: " + after.statusCode());

        // Her next sign-in through the provider links her again, by her verified address.
        PortalClient again = PortalClient.signedInThroughProvider(base, "nhsmail", "sso.learner", Keycloak.PASSWORD);
        assertEquals(200, again.get("/learner/home.xhtml").statusCode());
        assertEquals(1, TestDatabase.number(linkCount, person), "linked again");

        // Deactivated, and the link removed: the provider's sign-in is refused and links nobody.
        browser.go("/admin/person.xhtml?id=" + person);
        browser.submit("status:deactivate");
        browser.submit(By.cssSelector("#providerLinks button"));
        assertEquals(0, TestDatabase.number(linkCount, person));
        PortalClient refused = PortalClient.anonymous(base);
        HttpResponse<String> callback = refused.get(refused.callbackFromProvider("nhsmail", "sso.learner", Keycloak.PASSWORD));
        assertTrue(callback.headers().firstValue("Location").orElse("").contains("reason=deactivated"),
                "refused as deactivated: " + callback.statusCode() + " " + callback.headers().firstValue("Location").orElse(""));
        assertEquals(0, TestDatabase.number(linkCount, person), "not linked again");
    }

    @Test
    void anAddressOfTheProvidersDomainTypedIntoTheFormIsSentToItsProvider() throws Exception {
        TestDatabase.providerPerson(LEARNER, true, "LEARNER");
        browser.go("/sign-in.xhtml");
        browser.type("signIn:email", LEARNER).type("signIn:password", "anything at all").click("signIn:submit");
        waitForKeycloakForm();
        assertEquals("sso.learner@nhsmail.test", browser.find("username").getAttribute("value"), "the address goes with her");
        browser.type("password", Keycloak.PASSWORD);
        browser.driver().findElement(By.id("kc-login")).click();
        browser.waitForPath("/learner/home.xhtml");
    }

    @Test
    void anUnknownAddressIsRefusedWithAClearPage() throws Exception {
        TestDatabase.noPerson("unknown.person@nhsmail.test");
        browser.go("/sign-in.xhtml").click("provider-nhsmail");
        signInAtKeycloak("unknown.person");
        problemPage("unknown-person", "There is no account for you in the portal yet", "sso-unknown-person");
        assertEquals(0, TestDatabase.number("SELECT COUNT(*) FROM person WHERE email = 'unknown.person@nhsmail.test'"), "nobody created");
    }

    @Test
    void aDeactivatedPersonIsRefusedThroughTheProviderAsWithAPassword() throws Exception {
        TestDatabase.providerPerson("deactivated.person@nhsmail.test", false, "LEARNER");
        browser.go("/sign-in.xhtml").click("provider-nhsmail");
        signInAtKeycloak("deactivated.person");
        problemPage("deactivated", "Your account is not active", "sso-deactivated");
    }

    @Test
    void anAddressTheProviderDoesNotVouchForIsRefused() throws Exception {
        TestDatabase.providerPerson("unverified.person@nhsmail.test", true, "LEARNER");
        browser.go("/sign-in.xhtml").click("provider-nhsmail");
        signInAtKeycloak("unverified.person");
        problemPage("email-not-verified", "Your email address could not be confirmed", "sso-unverified");
    }

    @Test
    void aTamperedStateEndsOnAClearPage() throws Exception {
        TestDatabase.providerPerson(LEARNER, true, "LEARNER");
        browser.go("/sign-in.xhtml").click("provider-nhsmail");
        waitForKeycloakForm();
        // The state the portal sent is changed on its way through the provider, which sends it back as it got it.
        String authorization = browser.driver().getCurrentUrl();
        Matcher state = Pattern.compile("[?&]state=([^&]+)").matcher(authorization);
        assertTrue(state.find(), "the request carries a state: " + authorization);
        browser.driver().get(authorization.replace("state=" + state.group(1), "state=" + state.group(1) + "x"));
        signInAtKeycloak("sso.learner");
        problemPage("not-begun-here", "This sign-in could not be completed", "sso-tampered-state");
        browser.go("/learner/home.xhtml");
        assertTrue(browser.path().startsWith("/sign-in.xhtml"), "nobody signed in: " + browser.path());
    }

    @Test
    void aReplayedCodeEndsOnAClearPage() throws Exception {
        TestDatabase.providerPerson(LEARNER, true, "LEARNER");
        // Someone else's sign-in, completed: its code has been used.
        PortalClient other = PortalClient.anonymous(base);
        String used = other.callbackFromProvider("nhsmail", "sso.learner", Keycloak.PASSWORD);
        assertEquals(303, other.get(used).statusCode(), "the first use signs in");
        HttpResponse<String> again = other.get(used);
        assertTrue(again.headers().firstValue("Location").orElse("").contains("/sign-in-problem.xhtml?reason=not-begun-here"),
                "the same return twice in one session: its state was used up");

        // The code sent again with a state this browser did begin: the provider refuses a code used once (and this
        // browser's PKCE verifier is not the one the code was issued for).
        browser.go("/sign-in.xhtml").click("provider-nhsmail");
        waitForKeycloakForm();
        Matcher state = Pattern.compile("[?&]state=([^&]+)").matcher(browser.driver().getCurrentUrl());
        assertTrue(state.find());
        Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(used);
        assertTrue(code.find(), used);
        browser.go("/sign-in/provider/callback?state=" + state.group(1) + "&code=" + code.group(1));
        problemPage("code-refused", "This sign-in could not be completed", "sso-replayed-code");
        browser.go("/learner/home.xhtml");
        assertTrue(browser.path().startsWith("/sign-in.xhtml"), "nobody signed in: " + browser.path());
    }

    @Test
    void aCouncilPersonNewToThePortalBecomesALearnerAndTheirGroupGivesTheManagerRole() throws Exception {
        TestDatabase.noPerson("council.manager@westmoor-council.test");
        browser.go("/sign-in.xhtml").click("provider-council");
        signInAtKeycloak("council.manager");
        browser.waitForPath("/learner/home.xhtml");
        browser.check("sso-council-first-sign-in");
        List<String> roles = List.of(TestDatabase.text("SELECT GROUP_CONCAT(r.role ORDER BY r.role) FROM person_role r JOIN person p "
                + "ON p.id = r.person_id WHERE p.email = 'council.manager@westmoor-council.test'").split(","));
        assertEquals(List.of("LEARNER", "PROGRAMME_MANAGER"), roles, "a learner, and a programme manager through the group");
        assertEquals("Carys", TestDatabase.text("SELECT given_name FROM person WHERE email = 'council.manager@westmoor-council.test'"));
        browser.go("/manager/home.xhtml");
        assertEquals("/manager/home.xhtml", browser.path(), "the manager's pages are open to her");
    }
}
