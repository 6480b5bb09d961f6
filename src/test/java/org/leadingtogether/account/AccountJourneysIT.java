package org.leadingtogether.account;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.leadingtogether.account.view.SignInMessages;
import org.leadingtogether.support.BrowserJourney;
import org.leadingtogether.support.People;
import org.leadingtogether.support.PortalClient;
import org.leadingtogether.support.TestDatabase;
import org.leadingtogether.support.PortalDeployment;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WindowType;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The foundation's user journeys in a real browser: signing in as each role, wrong passwords and the
 * lock, role areas refused by hand-typed URL, an administrator adding people, and a forgotten password chosen again
 * through an emailed link (received by a GreenMail server the test runs on SMTP_PORT). Every page visited is
 * scanned for accessibility and photographed at desktop and phone widths.
 */
class AccountJourneysIT extends BrowserJourney {

    private static final String PASSWORD = DemoData.DEMO_PASSWORD;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return PortalDeployment.war();
    }

    @Test
    void eachDemoRoleSignsInLandsOnItsHomeAndSignsOut() {
        browser.go("/sign-in.xhtml").check("sign-in");
        String[][] roles = {
                {"learner@demo.test", "/learner/home.xhtml", "My learning", "learner-home"},
                {"coach@demo.test", "/coach/home.xhtml", "My coachees", "coach-home"},
                {"manager@demo.test", "/manager/home.xhtml", "Programmes", "manager-home"},
                {"admin@demo.test", "/admin/home.xhtml", "Administration", "admin-home"}};
        for (String[] role : roles) {
            browser.signIn(role[0], PASSWORD);
            assertEquals(role[1], browser.path(), "home of " + role[0]);
            assertEquals(role[2], browser.heading());
            browser.check(role[3]);
            browser.signOut();
            assertEquals("/sign-in.xhtml?signedOut=true", browser.path());
            assertTrue(browser.text("main").contains("You have signed out."));
        }
        browser.go("/learner/home.xhtml");
        assertTrue(browser.path().startsWith("/sign-in.xhtml"), "signed out means signed out: " + browser.path());
    }

    @Test
    void aWrongPasswordIsRefusedWithoutSayingWhichPartWasWrong() {
        browser.signIn("learner@demo.test", "not-the-password");
        assertTrue(browser.path().startsWith("/sign-in.xhtml"));
        assertTrue(browser.text("main").contains(SignInMessages.WRONG));
        browser.check("sign-in-wrong-password");
        browser.signIn("nobody-" + UUID.randomUUID() + "@demo.test", "not-the-password");
        assertTrue(browser.text("main").contains(SignInMessages.WRONG), "same words for an unknown address");
    }

    @Test
    void fiveFailuresLockTheAccountForFifteenMinutes() {
        String email = addPersonAsAdmin("Lock");
        browser.signOut();
        for (int attempt = 1; attempt <= 4; attempt++) {
            browser.signIn(email, "wrong-password-" + attempt);
            assertTrue(browser.text("main").contains(SignInMessages.WRONG), "attempt " + attempt);
            assertEquals(attempt >= 3, browser.text("main").contains("After 5 failed attempts in a row"),
                    "the warning from the third failure on: " + browser.text("main"));
        }
        assertTrue(browser.text("main").contains("1 attempt is left."), browser.text("main"));
        browser.check("sign-in-warning");
        // An address with no account is warned in the same words, after the same number of failures.
        String nobody = "nobody-" + UUID.randomUUID() + "@demo.test";
        for (int attempt = 1; attempt <= 3; attempt++) {
            browser.signIn(nobody, "wrong-password-" + attempt);
        }
        assertTrue(browser.text("main").contains(SignInMessages.wrong(3)), browser.text("main"));
        browser.signIn(email, "wrong-password-5");
        assertTrue(browser.text("main").contains(SignInMessages.locked(15)), browser.text("main"));
        browser.check("sign-in-locked");
        browser.signIn(email, "temporary-pass-1");
        assertTrue(browser.path().startsWith("/sign-in.xhtml"), "the right password does not open a locked account");
        assertTrue(browser.text("main").contains("try again in"));
    }

    @Test
    void anEmptySignInNamesTheMissingFieldAtTheField() {
        browser.go("/sign-in.xhtml").submit("signIn:submit");
        assertEquals(SignInMessages.EMAIL_MISSING, browser.text("#signIn\\:emailError"), browser.text("main"));
        assertEquals(SignInMessages.PASSWORD_MISSING, browser.text("#signIn\\:passwordError"), browser.text("main"));
        assertFalse(browser.text("main").contains(SignInMessages.WRONG), "not the message for a wrong password");
        browser.check("sign-in-empty");
        browser.type("signIn:email", "learner@demo.test").submit("signIn:submit");
        assertEquals("learner@demo.test", browser.find("signIn:email").getAttribute("value"), "what was typed stays");
        assertFalse(browser.present("#signIn\\:emailError:not(:empty)"), browser.text("main"));
        assertEquals(SignInMessages.PASSWORD_MISSING, browser.text("#signIn\\:passwordError"));
        browser.type("signIn:password", PASSWORD).submit("signIn:submit");
        assertEquals("/learner/home.xhtml", browser.path());
    }

    /** Each role's folder address, typed with or without its slash, leads to that role's home; so does a sign-in begun there. */
    @Test
    void eachRolesFolderLeadsToItsHomeAlsoThroughSignIn() {
        String[][] roles = {
                {"/learner/", "learner@demo.test", "/learner/home.xhtml"},
                {"/coach", "coach@demo.test", "/coach/home.xhtml"},
                {"/manager/", "manager@demo.test", "/manager/home.xhtml"},
                {"/admin", "admin@demo.test", "/admin/home.xhtml"}};
        for (String[] role : roles) {
            browser.go(role[0]);
            assertTrue(browser.path().startsWith("/sign-in.xhtml"), role[0] + ": " + browser.path());
            browser.type("signIn:email", role[1]).type("signIn:password", PASSWORD).submit("signIn:submit");
            assertEquals(role[2], browser.path(), "a sign-in begun at " + role[0]);
            String other = role[0].endsWith("/") ? role[0].substring(0, role[0].length() - 1) : role[0] + "/";
            browser.go(other);
            assertEquals(role[2], browser.path(), other + " once signed in");
            browser.signOut();
        }
        browser.signIn("learner@demo.test", PASSWORD);
        browser.go("/admin/");
        assertEquals("You do not have access to this page", browser.heading(), "another role's folder is still refused");
    }

    @Test
    void aLearnerTypingAnAdministratorsUrlIsRefusedAndSeesNoContent() {
        browser.signIn("learner@demo.test", PASSWORD);
        for (String path : new String[] {"/admin/people.xhtml", "/admin/person.xhtml?id=1", "/admin/home.xhtml", "/manager/home.xhtml", "/coach/home.xhtml"}) {
            browser.go(path);
            assertEquals("You do not have access to this page", browser.heading(), path);
            String page = browser.driver().getPageSource();
            assertFalse(page.contains("Add a person") || page.contains("admin@demo.test") || page.contains("Programmes and cohorts"), path);
        }
        browser.check("refused-403");
        browser.go("/no-such-page.xhtml");
        assertEquals("Page not found", browser.heading());
        assertFalse(browser.driver().getPageSource().contains("Exception"));
        browser.check("not-found-404");
    }

    @Test
    void aVisitorAskingForAPageSignsInAndIsTakenBackToIt() {
        browser.go("/admin/people.xhtml?q=okafor");
        assertTrue(browser.path().startsWith("/sign-in.xhtml"), browser.path());
        String before = browser.sessionId();
        browser.type("signIn:email", "admin@demo.test").type("signIn:password", PASSWORD).submit("signIn:submit");
        assertEquals("/admin/people.xhtml?q=okafor", browser.path());
        assertNotEquals(before, browser.sessionId(), "a new session id at sign-in");
        assertTrue(browser.text("#people").contains("learner@demo.test"));
        browser.check("admin-people-search");
    }

    @Test
    void anAdministratorAddsAPersonAndADuplicateEmailIsRefusedAtTheField() {
        String email = addPersonAsAdmin("Added");
        browser.check("admin-person-added");

        browser.go("/admin/person.xhtml");
        browser.type("person:email", "not an email").submit("person:save");
        assertTrue(browser.text("#person\\:emailError").contains("Enter an email address in the right form"), browser.text("main"));
        assertTrue(browser.text("#person\\:givenNameError").contains("Enter the given name"));
        browser.check("admin-person-invalid");

        fillPerson(email.toUpperCase(), "Second", "Copy", "temporary-pass-2");
        browser.submit("person:save");
        assertTrue(browser.text("#person\\:emailError").contains("Someone already has this email address."), browser.text("main"));
        assertEquals("/admin/person.xhtml", browser.path());

        browser.go("/admin/people.xhtml?q=" + email);
        assertEquals("1 person", browser.text("#count"), "nothing half saved");
    }

    @Test
    void aNewPersonMustReplaceTheirTemporaryPasswordBeforeAnythingElse() {
        String email = addPersonAsAdmin("Fresh");
        browser.signOut();
        browser.signIn(email, "temporary-pass-1");
        assertEquals("/account/password.xhtml", browser.path());
        browser.go("/learner/home.xhtml");
        assertEquals("/account/password.xhtml", browser.path(), "held on the password page");
        browser.check("password-temporary");

        browser.submit("password:submit");
        assertTrue(browser.text("#password\\:currentPasswordError").endsWith(": enter a value."),
                "Faces' own message in the portal's words: " + browser.text("main"));

        browser.type("password:currentPassword", "temporary-pass-1").type("password:newPassword", "short")
                .type("password:confirmation", "short").submit("password:submit");
        assertTrue(browser.text("#password\\:newPasswordError").contains("at least 12 characters"), browser.text("main"));

        browser.type("password:currentPassword", "temporary-pass-1").type("password:newPassword", "my own long passphrase")
                .type("password:confirmation", "my own long passphrase").submit("password:submit");
        assertEquals("/learner/home.xhtml", browser.path());
        assertTrue(browser.text("main").contains("Your password has been changed."));
        browser.signOut();
        browser.signIn(email, "my own long passphrase");
        assertEquals("/learner/home.xhtml", browser.path());
    }

    /**
     * A session keeps the last ten form pages it opened (web.xml) so that they can be sent: an older form, left
     * open in another tab, is answered by its page loaded afresh, never by an error page.
     */
    @Test
    void aFormOlderThanTheLastTenFormPagesOpenedIsAnsweredByItsPageAfresh() {
        browser.signIn("learner@demo.test", PASSWORD);
        WebDriver driver = browser.driver();
        browser.go("/account/password.xhtml");
        String olderTab = driver.getWindowHandle();
        driver.switchTo().newWindow(WindowType.TAB);
        for (int i = 0; i < 9; i++) {
            browser.go("/account/password.xhtml");
        }
        driver.switchTo().window(olderTab);
        browser.submit("password:submit");
        assertTrue(browser.text("#password\\:currentPasswordError").endsWith(": enter a value."),
                "with nine form pages opened since, the form is still answered: " + browser.text("main"));

        driver.switchTo().window(driver.getWindowHandles().stream().filter(h -> !h.equals(olderTab)).findFirst().orElseThrow());
        for (int i = 0; i < 10; i++) {
            browser.go("/account/password.xhtml");
        }
        driver.switchTo().window(olderTab);
        browser.submit("password:submit");
        assertEquals("/account/password.xhtml", browser.path());
        assertEquals("Change your password", browser.heading());
        assertFalse(browser.text("main").contains("enter a value"), "loaded afresh, not answered: " + browser.text("main"));
        assertTrue(browser.text("main").contains("Anything you had just entered was not saved"), "says why: " + browser.text("main"));
        browser.check("password-form-loaded-afresh");

        // A page opened with an id in its address is opened again at that address, id and all.
        browser.go("/learner/lesson.xhtml?id=why-systems-leadership");
        String lessonTab = driver.getWindowHandle();
        driver.switchTo().newWindow(WindowType.TAB);
        for (int i = 0; i < 10; i++) {
            browser.go("/account/password.xhtml");
        }
        driver.switchTo().window(lessonTab);
        browser.type("noteForm:note", "A note typed into a page left open too long");
        browser.submit("noteForm:saveNote");
        assertTrue(driver.getCurrentUrl().endsWith("/learner/lesson.xhtml?id=why-systems-leadership"), driver.getCurrentUrl());
        assertEquals("Why systems leadership matters now", browser.heading());
        assertTrue(browser.text("main").contains("Anything you had just entered was not saved"), browser.text("main"));
        assertFalse(browser.text("main").contains("A note typed into a page left open too long"), "nothing was saved");
        browser.check("lesson-form-loaded-afresh");
    }

    @Test
    void anAdministratorKeepsOrganisationsAndProfessions() {
        String name = "Westmoor Hospice " + UUID.randomUUID().toString().substring(0, 8);
        browser.signIn("admin@demo.test", PASSWORD);
        browser.go("/admin/organisations.xhtml");
        browser.check("admin-organisations");
        browser.type("edit:name", name);
        new org.openqa.selenium.support.ui.Select(browser.find("edit:sector")).selectByVisibleText("Voluntary and community");
        browser.submit("edit:save");
        assertTrue(browser.text("main").contains(name + " is saved."), browser.text("main"));
        assertTrue(browser.text("#list").contains(name));

        browser.type("edit:name", name.toUpperCase());
        new org.openqa.selenium.support.ui.Select(browser.find("edit:sector")).selectByVisibleText("NHS trust");
        browser.submit("edit:save");
        assertTrue(browser.text("#edit\\:nameError").contains("There is already an organisation with this name."), browser.text("main"));
        browser.type("edit:name", "");
        browser.submit("edit:save");
        assertTrue(browser.text("#edit\\:nameError").contains("Enter the organisation's name."), browser.text("main"));
        browser.check("admin-organisations-invalid");

        browser.go("/admin/professions.xhtml");
        String profession = "Dietetics " + UUID.randomUUID().toString().substring(0, 8);
        browser.type("edit:name", profession).submit("edit:save");
        assertTrue(browser.text("#list").contains(profession));
        browser.check("admin-professions");
    }

    // ---------------------------------------------------------------- password reset by email

    /** The SMTP server the portal sends to in these tests (on SMTP_PORT), started for the reset journeys. */
    private static GreenMail mail;

    private static synchronized GreenMail mail() throws Exception {
        if (mail == null) {
            mail = new GreenMail(new ServerSetup(Integer.parseInt(System.getenv("SMTP_PORT")), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            mail.start();
        }
        mail.purgeEmailFromAllMailboxes();
        return mail;
    }

    @AfterAll
    static void stopMailServer() {
        if (mail != null) {
            mail.stop();
        }
    }

    private static final Pattern LINK = Pattern.compile("(https?://\\S+)(/reset-password\\.xhtml\\?token=)([A-Za-z0-9_-]{43})");

    /** Asks for a link on the page, as a person would, and checks the one answer every address gets. */
    private void askForLink(String email) {
        browser.go("/sign-in.xhtml").click("forgotPassword");
        browser.waitForPath("/forgot-password.xhtml");
        browser.type("forgot:email", email).submit("forgot:submit");
        assertEquals("/forgot-password.xhtml?sent=true", browser.path());
        assertTrue(browser.text("#sent").contains("If that address has an account, an email with a link to choose a new password is on its way."),
                browser.text("main"));
    }

    /** The link in the one email that reached {@code email}. */
    private static String linkSentTo(String email) throws Exception {
        // Waits for her email, not for any: the outbox may first deliver what earlier tests left unsent.
        MimeMessage[] received = new MimeMessage[0];
        for (long deadline = System.currentTimeMillis() + 60_000; received.length == 0 && System.currentTimeMillis() < deadline;) {
            mail.waitForIncomingEmail(1_000, mail.getReceivedMessages().length + 1);
            received = Arrays.stream(mail.getReceivedMessages()).filter(m -> sentTo(m, email)).toArray(MimeMessage[]::new);
        }
        assertEquals(1, received.length, "one email to " + email + " within a minute");
        assertEquals("Choose a new password for Leading Together", received[0].getSubject());
        String text = String.valueOf(received[0].getContent());
        Matcher link = LINK.matcher(text);
        assertTrue(link.find(), text);
        return link.group(2).substring(0) + link.group(3);
    }

    @Test
    void aForgottenPasswordIsChosenAgainThroughAnEmailedLinkOnceAndEveryOtherSessionEnds() throws Exception {
        mail();
        String email = TestDatabase.person("Forgetful", false, "LEARNER");
        PortalClient elsewhere = PortalClient.signedIn(base, email, PASSWORD);
        assertEquals(200, elsewhere.get("/learner/home.xhtml").statusCode(), "signed in on another device");

        browser.go("/forgot-password.xhtml").check("reset-request");
        String nobody = "nobody-" + UUID.randomUUID() + "@example.org";
        askForLink(nobody);
        browser.check("reset-requested");
        askForLink(email);
        String path = linkSentTo(email);
        // Counted by address: the mail server of this test also receives what earlier tests left in the outbox.
        assertEquals(1, Arrays.stream(mail.getReceivedMessages()).filter(m -> sentTo(m, email) || sentTo(m, nobody)).count(),
                "no email for the address without an account, one for hers");
        String token = path.substring(path.indexOf('=') + 1);
        assertEquals(1, TestDatabase.number("SELECT COUNT(*) FROM password_reset WHERE token_hash = ?", PasswordReset.hash(token)),
                "the portal keeps the token's hash");
        assertEquals(0, TestDatabase.number("SELECT COUNT(*) FROM password_reset WHERE token_hash = ?", token), "never the token");
        // The mail server has the email a moment before the outbox marks its copy sent (and takes the link out of it).
        for (long deadline = System.currentTimeMillis() + 10_000; TestDatabase.number(
                "SELECT COUNT(*) FROM booking_notice WHERE recipient = ? AND sent_at IS NULL", email) > 0
                && System.currentTimeMillis() < deadline;) {
            Thread.sleep(100);
        }
        assertEquals(0, TestDatabase.number("SELECT COUNT(*) FROM booking_notice WHERE recipient = ? AND sent_at IS NULL", email),
                "the outbox marks her email sent within 10 s of the mail server taking it");
        assertEquals(0, TestDatabase.number("SELECT COUNT(*) FROM booking_notice WHERE body LIKE ?", "%" + token + "%"),
                "nor does the sent email's copy in the outbox keep the link");

        browser.go(path).check("reset-choose");
        browser.type("reset:newPassword", "short").type("reset:confirmation", "short").submit("reset:submit");
        assertTrue(browser.text("main").contains("Use at least 12 characters"), browser.text("main"));
        browser.type("reset:newPassword", "a brand new passphrase").type("reset:confirmation", "a brand new passphrase")
                .submit("reset:submit");
        assertEquals("/sign-in.xhtml?passwordReset=true", browser.path());
        assertTrue(browser.text("#passwordReset").contains("Your new password is set"));
        browser.check("reset-done");

        HttpResponse<String> ended = elsewhere.get("/learner/home.xhtml");
        assertTrue(ended.headers().firstValue("Location").orElse("").contains("/sign-in.xhtml"),
                "the session on the other device has ended: " + ended.statusCode());
        browser.signIn(email, PASSWORD);
        assertTrue(browser.path().startsWith("/sign-in.xhtml"), "the old password no longer works");
        browser.signIn(email, "a brand new passphrase");
        assertEquals("/learner/home.xhtml", browser.path());
        browser.signOut();

        browser.go(path);
        assertTrue(browser.text("main").contains("This link has expired or has already been used."), "a link works once");
        assertFalse(browser.present("#reset"), "no form to send");
        browser.check("reset-link-used");
    }

    @Test
    void aLinkOlderThanThirtyMinutesNoLongerWorks() throws Exception {
        mail();
        String email = TestDatabase.person("Late", false, "LEARNER");
        askForLink(email);
        String path = linkSentTo(email);
        String token = path.substring(path.indexOf('=') + 1);
        TestDatabase.update("UPDATE password_reset SET expires_at = DATE_SUB(expires_at, INTERVAL 31 MINUTE) WHERE token_hash = ?",
                PasswordReset.hash(token));
        browser.go(path);
        assertTrue(browser.text("main").contains("This link has expired or has already been used."), browser.text("main"));
        assertFalse(browser.present("#reset"));
        browser.click("askAgain");
        browser.waitForPath("/forgot-password.xhtml");
        browser.signIn(email, PASSWORD);
        assertEquals("/learner/home.xhtml", browser.path(), "the password is unchanged");
    }

    @Test
    void someoneWhoseOrganisationSignsInThroughAProviderIsToldToUseItAndSentNothing() throws Exception {
        mail();
        browser.go("/forgot-password.xhtml").type("forgot:email", "sso.learner@nhsmail.test").submit("forgot:submit");
        assertTrue(browser.text("#useProvider").contains("Your organisation signs you in with its own account"), browser.text("main"));
        assertEquals("Sign in with NHSmail", browser.find("useProviderButton").getText());
        browser.check("reset-use-provider");
        Thread.sleep(3_000);
        assertFalse(Arrays.stream(mail.getReceivedMessages()).anyMatch(m -> sentTo(m, "sso.learner@nhsmail.test")), "nothing is sent");
    }

    @Test
    void linksAreLimitedPerAddressAndPerNetwork() {
        // One address: five links, then it rests, whether or not it has an account.
        String address = "nobody-" + UUID.randomUUID() + "@example.org";
        PortalClient visitor = PortalClient.anonymous(base).forwardedFor("198.51.100." + (1 + new java.util.Random().nextInt(250)));
        for (int request = 1; request <= 5; request++) {
            assertEquals("/forgot-password.xhtml?sent=true", requestLink(visitor, address), "request " + request);
        }
        String refused = requestLink(visitor, address);
        assertTrue(refused.contains("Several links have been sent to this address"), refused);

        // One network: ten requests in fifteen minutes, whatever the addresses; then refused, while another network is not.
        PortalClient network = PortalClient.anonymous(base).forwardedFor("203.0.113." + (1 + new java.util.Random().nextInt(250)));
        for (int request = 1; request <= 10; request++) {
            assertEquals("/forgot-password.xhtml?sent=true", requestLink(network, "nobody-" + UUID.randomUUID() + "@example.org"),
                    "request " + request);
        }
        String slowed = requestLink(network, "nobody-" + UUID.randomUUID() + "@example.org");
        assertTrue(slowed.contains("Too many requests for password links have come from your network"), slowed);
        PortalClient other = PortalClient.anonymous(base).forwardedFor("192.0.2." + (1 + new java.util.Random().nextInt(250)));
        assertEquals("/forgot-password.xhtml?sent=true", requestLink(other, "nobody-" + UUID.randomUUID() + "@example.org"));
    }

    /** Sends the request form as a browser would; the address it is sent on to, or the page's text when it stays. */
    private static String requestLink(PortalClient client, String email) {
        Map<String, String> form = client.form("/forgot-password.xhtml", "forgot");
        form.put("forgot:email", email);
        form.put("forgot:submit", "Email me a link");
        HttpResponse<String> answer = client.post("/forgot-password.xhtml", form);
        if (answer.statusCode() == 302 || answer.statusCode() == 303) {
            return answer.headers().firstValue("Location").orElse("").replaceFirst("^https?://[^/]+", "");
        }
        return Jsoup.parse(answer.body()).select("main").text();
    }

    private String addPersonAsAdmin(String givenName) {
        return People.addLearner(browser, givenName);
    }

    private void fillPerson(String email, String given, String family, String password) {
        People.fillPerson(browser, email, given, family, password);
    }

    private static boolean sentTo(MimeMessage message, String address) {
        try {
            return message.getAllRecipients() != null && Arrays.stream(message.getAllRecipients())
                    .anyMatch(r -> r.toString().equalsIgnoreCase(address));
        } catch (jakarta.mail.MessagingException unreadable) {
            return false;
        }
    }
}
