package org.leadingtogether.platform.security;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.leadingtogether.support.People;
import org.leadingtogether.support.PortalClient;
import org.leadingtogether.support.PortalDeployment;
import org.leadingtogether.support.TestDatabase;

import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Actions replayed against other people's records: someone who may use a form on their own record takes that form,
 * view state and all, and posts it to the same page with another person's ids in the address, as an attacker would.
 * Faces reads the ids again from the address on every post, so each service must check the caller against the
 * record the ids name, not the one the page was opened for. Each replay must be refused (403 or 404) without
 * showing the record, and must change nothing; then the same form posted to the person's own record must work, so a
 * refusal is known to come from the check and not from a broken replay. Likewise the header's sign-out form: posted
 * without the session's own token, as a form on another site would post it, it signs nobody out.
 *
 * <p>The people, from the demo data: Amara Okafor (learner@demo.test) is coached by Gareth Hughes in Cohort 1 of
 * "Leading Across Westmoor", run by Priya Raman. The attackers: Helen Ward, a coach of another coachee; Siobhán
 * Kelly, that coachee, a learner of another cohort; Imran Qureshi, the manager of that other cohort. Their own
 * pairing, programme and cohort are written here over JDBC, as the coaching and cohort features would.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReplayedActionsIT {

    private static final String PASSWORD = "demo-password";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return PortalDeployment.war();
    }

    @ArquillianResource
    private URL base;

    @Test
    void aCoachOfAnotherCoacheeCannotAddAnActionToSomeoneElsesPairing() throws Exception {
        long victim = amarasPairing();
        long own = ownPairing();
        PortalClient helen = PortalClient.signedIn(base, "helen.ward@demo.test", PASSWORD);

        Map<String, String> form = filled(helen, "/coach/pairing.xhtml?id=" + own, "addAction",
                "addAction:action", "Replayed by another coach", "addAction:add", "Add");
        long before = TestDatabase.number("SELECT COUNT(*) FROM coaching_action WHERE pairing_id = ?", victim);
        assertRefused(helen.post("/coach/pairing.xhtml?id=" + victim, form));
        assertEquals(before, TestDatabase.number("SELECT COUNT(*) FROM coaching_action WHERE pairing_id = ?", victim), "no action added");

        long ownBefore = TestDatabase.number("SELECT COUNT(*) FROM coaching_action WHERE pairing_id = ?", own);
        Map<String, String> control = filled(helen, "/coach/pairing.xhtml?id=" + own, "addAction",
                "addAction:action", "Added by the pairing's own coach", "addAction:add", "Add");
        assertRedirected(helen.post("/coach/pairing.xhtml?id=" + own, control));
        assertEquals(ownBefore + 1, TestDatabase.number("SELECT COUNT(*) FROM coaching_action WHERE pairing_id = ?", own), "the coach's own form works");
        TestDatabase.update("UPDATE coaching_pairing SET state = 'ENDED', ended_at = CURRENT_TIMESTAMP WHERE id = ?", own);
    }

    @Test
    void aLearnerOfAnotherCohortCannotEndSomeoneElsesPairing() throws Exception {
        long victim = amarasPairing();
        long own = ownPairing();
        PortalClient siobhan = PortalClient.signedIn(base, "siobhan.kelly@demo.test", PASSWORD);

        Map<String, String> form = filled(siobhan, "/learner/pairing.xhtml?id=" + own, "end", "end:endPairing", "End the pairing");
        assertRefused(siobhan.post("/learner/pairing.xhtml?id=" + victim, form));
        assertEquals("ACTIVE", TestDatabase.text("SELECT state FROM coaching_pairing WHERE id = ?", victim), "the other pairing goes on");

        Map<String, String> control = filled(siobhan, "/learner/pairing.xhtml?id=" + own, "end", "end:endPairing", "End the pairing");
        assertRedirected(siobhan.post("/learner/pairing.xhtml?id=" + own, control));
        assertEquals("ENDED", TestDatabase.text("SELECT state FROM coaching_pairing WHERE id = ?", own), "the coachee's own form works");
    }

    @Test
    void aManagerOfAnotherCohortCannotWithdrawSomeoneFromACohortTheyDoNotRun() throws Exception {
        long amara = TestDatabase.number("SELECT id FROM person WHERE email = 'learner@demo.test'");
        long siobhan = TestDatabase.number("SELECT id FROM person WHERE email = 'siobhan.kelly@demo.test'");
        long victimCohort = TestDatabase.number("SELECT c.id FROM cohort c JOIN programme p ON p.id = c.programme_id "
                + "WHERE p.name = 'Leading Across Westmoor' AND c.name = 'Cohort 1'");
        long ownCohort = TestDatabase.cohortRunBy("imran.qureshi@demo.test", siobhan, LocalDate.now().minusDays(10));
        String statusOf = "SELECT status FROM cohort_membership WHERE cohort_id = ? AND person_id = ?";
        String amarasStatus = TestDatabase.text(statusOf, victimCohort, amara);
        PortalClient imran = PortalClient.signedIn(base, "imran.qureshi@demo.test", PASSWORD);

        String ownPage = "/manager/member.xhtml?cohort=" + ownCohort + "&person=" + siobhan;
        Map<String, String> form = filled(imran, ownPage, "statusForm",
                "statusForm:status", "WITHDRAWN", "statusForm:reason", "Replayed by another manager", "statusForm:save", "Save");
        assertRefused(imran.post("/manager/member.xhtml?cohort=" + victimCohort + "&person=" + amara, form));
        assertEquals(amarasStatus, TestDatabase.text(statusOf, victimCohort, amara), "Amara's membership is untouched");

        Map<String, String> control = filled(imran, ownPage, "statusForm",
                "statusForm:status", "WITHDRAWN", "statusForm:reason", "Moved away", "statusForm:save", "Save");
        assertRedirected(imran.post(ownPage, control));
        assertEquals("WITHDRAWN", TestDatabase.text(statusOf, ownCohort, siobhan), "the manager's own form works");
    }

    @Test
    void aSignOutPostedWithoutTheSessionsTokenSignsNobodyOut() {
        PortalClient amara = PortalClient.signedIn(base, "learner@demo.test", PASSWORD);
        assertEquals(403, amara.post("/account/sign-out", Map.of("token", "made-up")).statusCode());
        assertEquals(403, amara.post("/account/sign-out", Map.of()).statusCode());
        assertEquals(405, amara.get("/account/sign-out").statusCode(), "signing out is a POST only");
        assertEquals(200, amara.get("/learner/home.xhtml").statusCode(), "still signed in");

        HttpResponse<String> out = amara.post("/account/sign-out", amara.form("/learner/home.xhtml", "signOutForm"));
        assertRedirected(out);
        assertTrue(out.headers().firstValue("Location").orElse("").endsWith("/sign-in.xhtml?signedOut=true"), "sent to sign in");
        assertTrue(amara.get("/learner/home.xhtml").statusCode() != 200, "signed out by the header's own form");
    }

    /**
     * Sign out clicked twice before the first answer came, or while a page of the same person was still loading in
     * another tab: the requests let in while the session was still there find it ended by the first sign-out halfway
     * through. Each must end as if it had come a moment later, at the sign-in page, never at an error page; the
     * session must be over. Many rounds, so that the requests overlap in every order.
     */
    @Test
    void aDoubleClickOnSignOutOrAPageLoadingInAnotherTabMeanwhileSendsEachToTheSignInPage() throws Exception {
        String email = TestDatabase.person("Tess", false, "LEARNER");
        List<String> wrong = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.ExecutorService tabs = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            for (int round = 1; round <= 12; round++) {
                PortalClient tess = PortalClient.signedIn(base, email, PASSWORD);
                Map<String, String> signOut = tess.form("/learner/home.xhtml", "signOutForm");
                java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
                List<java.util.concurrent.Future<?>> sent = new java.util.ArrayList<>();
                for (int tab = 0; tab < 6; tab++) {
                    boolean clicksSignOut = tab % 2 == 0;
                    String what = "round " + round + ", " + (clicksSignOut ? "a sign-out" : "the home page");
                    sent.add(tabs.submit(() -> {
                        go.await();
                        HttpResponse<String> answer = clicksSignOut ? tess.post("/account/sign-out", signOut)
                                : tess.get("/learner/home.xhtml");
                        String location = answer.headers().firstValue("Location").orElse("");
                        boolean redirected = answer.statusCode() == 302 || answer.statusCode() == 303;
                        // A sign-out ends at the sign-in page; a page is shown if it was done before the session ended.
                        boolean right = redirected && location.contains("/sign-in.xhtml")
                                || !clicksSignOut && answer.statusCode() == 200;
                        if (!right) {
                            String text = answer.body().replaceAll("(?s)<[^>]+>", " ").replaceAll("\\s+", " ").strip();
                            wrong.add(what + " answered " + answer.statusCode() + " " + location + " "
                                    + text.substring(0, Math.min(80, text.length())));
                        }
                        return null;
                    }));
                }
                go.countDown();
                for (java.util.concurrent.Future<?> each : sent) {
                    each.get();
                }
                HttpResponse<String> after = tess.get("/learner/home.xhtml");
                assertTrue((after.statusCode() == 302 || after.statusCode() == 303) && after.headers().firstValue("Location").orElse("").contains("/sign-in.xhtml"),
                        "round " + round + ": signed out afterwards, not " + after.statusCode());
            }
        } finally {
            tabs.shutdownNow();
        }
        assertEquals(List.of(), wrong, "every request ends at the sign-in page or its own page, none at an error page");
    }

    // ---------------------------------------------------------------- the sign-in form

    @Test
    void theSignInPageGivesAVisitorNoSessionAndItsFormStillSignsInWhenSentLongAfter() throws Exception {
        String email = TestDatabase.person("Noor", false, "LEARNER");
        PortalClient visitor = PortalClient.anonymous(base);
        HttpResponse<String> page = visitor.get("/sign-in.xhtml");
        assertEquals(200, page.statusCode(), "the sign-in page opens");
        assertEquals(List.of(), sessionCookies(page), "a visitor who only looks at the sign-in page is given no session to keep");
        for (String address : List.of("/", "/learner/journal.xhtml", "/sign-in.xhtml?next=%2Flearner%2Fjournal.xhtml",
                "/no-such-page.xhtml", "/sign-in-problem.xhtml?reason=unknown", "/reset-password.xhtml?token=made-up")) {
            assertEquals(List.of(), sessionCookies(visitor.get(address)), "nor by " + address);
        }

        // The page left open all night: by morning any session it had would have ended. The form is sent from a browser
        // that holds no cookie at all, and still signs in.
        Map<String, String> form = PortalClient.fields(page.body(), "signIn");
        form.put("signIn:email", email);
        form.put("signIn:password", PASSWORD);
        form.put("signIn:submit", "Sign in");
        PortalClient morning = PortalClient.anonymous(base);
        HttpResponse<String> signedIn = morning.post("/sign-in.xhtml", form);
        assertRedirected(signedIn);
        assertFalse(signedIn.headers().firstValue("Location").orElse("").contains("sign-in"),
                "signed in, not sent back: " + signedIn.headers().firstValue("Location").orElse(""));
        assertEquals(1, sessionCookies(signedIn).size(), "signing in starts the session");
        assertEquals(200, morning.get("/learner/home.xhtml").statusCode(), "and the learner's home opens in it");

        // The other form anyone may use, "Forgot your password?", likewise.
        HttpResponse<String> forgot = visitor.get("/forgot-password.xhtml");
        assertEquals(List.of(), sessionCookies(forgot), "nor is one given for asking for a new password");
        Map<String, String> request = PortalClient.fields(forgot.body(), "forgot");
        request.put("forgot:email", email);
        request.put("forgot:submit", "Send");
        HttpResponse<String> sent = PortalClient.anonymous(base).post("/forgot-password.xhtml", request);
        assertTrue(sent.headers().firstValue("Location").orElse("").endsWith("/forgot-password.xhtml?sent=true"),
                "the request is taken when sent from a browser holding no cookie: " + sent.statusCode() + " "
                        + sent.headers().firstValue("Location").orElse(""));
    }

    @Test
    void aSignInFormSentFromAnotherSiteSignsNobodyIn() throws Exception {
        // Login forgery: another site's page posts the portal's sign-in form with the attacker's own address and password,
        // so that what the visitor then writes in their journal goes into the attacker's account.
        String attackers = TestDatabase.person("Mallory", false, "LEARNER");
        PortalClient visitor = PortalClient.anonymous(base);
        Map<String, String> form = signInForm(visitor, attackers, PASSWORD);
        for (String site : List.of("cross-site", "same-site")) {
            HttpResponse<String> forged = visitor.post("/sign-in.xhtml", form, "Sec-Fetch-Site", site, "Origin", "https://elsewhere.example");
            assertRedirected(forged);
            assertTrue(forged.headers().firstValue("Location").orElse("").contains("/sign-in.xhtml"),
                    "a form from a " + site + " page is sent back to sign in: " + forged.headers().firstValue("Location").orElse(""));
            assertSentToSignIn(visitor.get("/learner/home.xhtml"), "after a " + site + " sign-in form");
        }
        HttpResponse<String> own = visitor.post("/sign-in.xhtml", form, "Sec-Fetch-Site", "same-origin");
        assertFalse(own.headers().firstValue("Location").orElse("").contains("sign-in"), "the portal's own page signs in");
        assertEquals(200, visitor.get("/learner/home.xhtml").statusCode(), "signed in from the portal's own page");
    }

    /** The session cookies an answer sets. */
    private static List<String> sessionCookies(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.toUpperCase().startsWith("JSESSIONID")).toList();
    }

    // ---------------------------------------------------------------- access that ends when it is taken away

    /** What a learner's session may ask for beyond pages: downloads, exports, the subject access download, invitations. */
    private static final List<String> LEARNER_ADDRESSES = List.of("/learner/home.xhtml", "/account/my-data",
            "/learner/journal-export?format=csv&id=999999999", "/account/invitation?id=999999999", "/account/calendar.xhtml");

    @Test
    void aDeactivatedPersonsEverySessionEndsAtItsNextRequestAndTheirCalendarFeedStops() throws Exception {
        String email = TestDatabase.person("Dana", false, "LEARNER");
        PortalClient computer = PortalClient.signedIn(base, email, PASSWORD);
        PortalClient phone = PortalClient.signedIn(base, email, PASSWORD);
        String feed = makeFeed(computer);
        for (String address : LEARNER_ADDRESSES) {
            assertNotSignIn(computer.get(address), address + " before");
        }
        assertEquals(200, PortalClient.anonymous(base).get(feed).statusCode(), "the feed answers");

        adminPosts("/admin/person.xhtml?id=" + People.id(email), "status", "status:deactivate", "Deactivate");

        HttpResponse<String> first = phone.get("/learner/home.xhtml");
        assertSentToSignIn(first, "the phone's next page");
        assertTrue(first.headers().firstValue("Location").orElse("").contains("ended=true"), "told why on the sign-in page");
        for (String address : LEARNER_ADDRESSES) {
            assertSentToSignIn(computer.get(address), address + " after deactivation");
        }
        assertEquals(404, PortalClient.anonymous(base).get(feed).statusCode(), "the feed stops answering");
        assertEquals(0, TestDatabase.number("SELECT COUNT(*) FROM calendar_feed WHERE person_id = ?", People.id(email)), "its secret is gone");
    }

    @Test
    void aManagerWhoseRoleIsTakenAwayCanNoLongerExportTheCohortFromAnySession() throws Exception {
        String email = TestDatabase.person("Morgan", false, "LEARNER", "PROGRAMME_MANAGER");
        long member = People.id(TestDatabase.person("Member", false, "LEARNER"));
        long cohort = TestDatabase.cohortRunBy(email, member, LocalDate.now().minusDays(10));
        String export = "/manager/cohort-export?id=" + cohort + "&format=csv";
        PortalClient manager = PortalClient.signedIn(base, email, PASSWORD);
        assertEquals(200, manager.get(export).statusCode(), "the manager exports their cohort");

        adminPosts("/admin/person.xhtml?id=" + People.id(email), "person", "person:roles", "LEARNER", "person:save", "Save");
        assertEquals("LEARNER", TestDatabase.text("SELECT GROUP_CONCAT(role) FROM person_role WHERE person_id = ?", People.id(email)));

        assertSentToSignIn(manager.get(export), "the export, in the session begun as a manager");
        assertSentToSignIn(manager.get("/manager/home.xhtml"), "the manager's home");
        PortalClient again = PortalClient.signedIn(base, email, PASSWORD);
        assertEquals(403, again.get(export).statusCode(), "signed in again: the export is refused by role");
        assertEquals(403, again.get("/manager/cohort.xhtml?id=" + cohort).statusCode());
        assertEquals(200, again.get("/learner/home.xhtml").statusCode(), "the learner's pages still open");
    }

    @Test
    void aPasswordResetByAnAdministratorEndsEverySessionAndTheCalendarFeed() throws Exception {
        String email = TestDatabase.person("Reese", false, "LEARNER");
        PortalClient session = PortalClient.signedIn(base, email, PASSWORD);
        String feed = makeFeed(session);

        adminPosts("/admin/person.xhtml?id=" + People.id(email), "person", "person:temporaryPassword", "reset-by-admin-42",
                "person:save", "Save");

        assertSentToSignIn(session.get("/account/my-data"), "the subject access download after a reset");
        assertEquals(404, PortalClient.anonymous(base).get(feed).statusCode(), "the feed stops answering");
        PortalClient withNew = PortalClient.signedIn(base, email, "reset-by-admin-42");
        assertPasswordPage(withNew.get("/learner/home.xhtml"), "the new temporary password leads to choosing one's own");
    }

    @Test
    void changingOnesOwnPasswordEndsOtherSessionsButNotTheOneItWasChangedIn() throws Exception {
        String email = TestDatabase.person("Chris", false, "LEARNER");
        PortalClient here = PortalClient.signedIn(base, email, PASSWORD);
        PortalClient elsewhere = PortalClient.signedIn(base, email, PASSWORD);
        String feed = makeFeed(here);

        Map<String, String> form = filled(here, "/account/password.xhtml", "password", "password:currentPassword", PASSWORD,
                "password:newPassword", "a-new-password-of-mine", "password:confirmation", "a-new-password-of-mine",
                "password:submit", "Change password");
        assertRedirected(here.post("/account/password.xhtml", form));

        assertEquals(200, here.get("/learner/home.xhtml").statusCode(), "the session it was changed in carries on");
        assertEquals(200, here.get("/account/my-data").statusCode());
        assertSentToSignIn(elsewhere.get("/learner/home.xhtml"), "another session of the same person");
        assertEquals(200, PortalClient.anonymous(base).get(feed).statusCode(), "one's own change leaves the feed on");
        PortalClient.signedIn(base, email, "a-new-password-of-mine");
    }

    @Test
    void untilTheyChooseTheirOwnPasswordEveryAddressLeadsToThePasswordPage() throws Exception {
        String email = TestDatabase.person("Tem", true, "LEARNER", "PROGRAMME_MANAGER");
        long member = People.id(TestDatabase.person("Member", false, "LEARNER"));
        long cohort = TestDatabase.cohortRunBy(email, member, LocalDate.now().minusDays(10));
        PortalClient person = PortalClient.signedIn(base, email, PASSWORD);
        for (String address : List.of("/learner/home.xhtml", "/account/my-data", "/learner/journal-export?format=csv&id=1",
                "/account/invitation?id=1", "/manager/cohort-export?id=" + cohort + "&format=csv", "/account/calendar.xhtml")) {
            assertPasswordPage(person.get(address), address);
        }
        assertEquals(200, person.get("/account/password.xhtml").statusCode(), "the password page itself opens");
    }

    @Test
    void manyFailedSignInsFromOneNetworkAreRefusedUncheckedWhileOtherNetworksAreStillChecked() throws Exception {
        String network = "203.0.113." + (int) (Math.random() * 200 + 20);
        PortalClient guesser = PortalClient.anonymous(base).forwardedFor(network);
        for (int i = 0; i < 30; i++) {
            assertTrue(signInMessage(guesser, "nobody-" + UUID.randomUUID() + "@example.org", "guess-" + i).contains("not right"),
                    "guess " + (i + 1) + " is checked and answered as wrong");
        }
        String email = TestDatabase.person("Nat", false, "LEARNER");
        String refused = signInMessage(guesser, email, PASSWORD);
        assertTrue(refused.contains("Too many failed attempts to sign in from your network"), "the 31st, even right, is refused: " + refused);
        PortalClient colleague = PortalClient.anonymous(base).forwardedFor("198.51.100." + (int) (Math.random() * 200 + 20));
        HttpResponse<String> signedIn = colleague.post("/sign-in.xhtml", signInForm(colleague, email, PASSWORD));
        assertFalse(signedIn.headers().firstValue("Location").orElse("").contains("sign-in"), "another network signs in as before");
    }

    private static Map<String, String> signInForm(PortalClient client, String email, String password) {
        Map<String, String> form = client.form("/sign-in.xhtml", "signIn");
        form.put("signIn:email", email);
        form.put("signIn:password", password);
        form.put("signIn:submit", "Sign in");
        return form;
    }

    /** Signs in through the form and gives the message the sign-in page then shows. */
    private static String signInMessage(PortalClient client, String email, String password) {
        HttpResponse<String> answer = client.post("/sign-in.xhtml", signInForm(client, email, password));
        String location = answer.headers().firstValue("Location").orElse("");
        assertTrue(location.contains("/sign-in.xhtml"), "sent back to sign in: " + answer.statusCode() + " " + location);
        return org.jsoup.Jsoup.parse(client.get("/sign-in.xhtml").body()).text();
    }

    private void adminPosts(String page, String formId, String... fields) {
        PortalClient admin = PortalClient.signedIn(base, "admin@demo.test", PASSWORD);
        assertRedirected(admin.post(page, filled(admin, page, formId, fields)));
    }

    /** Makes the person's calendar feed on its page, as they would, and gives the feed's path. */
    private static String makeFeed(PortalClient person) {
        HttpResponse<String> made = person.post("/account/calendar.xhtml",
                filled(person, "/account/calendar.xhtml", "feed", "feed:renew", "Make my feed address"));
        Matcher address = Pattern.compile("/calendar/[A-Za-z0-9_-]{43}\\.ics").matcher(made.body());
        assertTrue(address.find(), "the feed's address is shown once: " + made.statusCode());
        return address.group();
    }

    private static void assertNotSignIn(HttpResponse<String> response, String what) {
        assertFalse(response.statusCode() == 302 || response.statusCode() == 303, what + " answered " + response.statusCode()
                + " " + response.headers().firstValue("Location").orElse(""));
    }

    private static void assertSentToSignIn(HttpResponse<String> response, String what) {
        assertTrue((response.statusCode() == 302 || response.statusCode() == 303)
                && response.headers().firstValue("Location").orElse("").contains("/sign-in.xhtml"),
                what + ": sent to sign in, not " + response.statusCode() + " " + response.headers().firstValue("Location").orElse(""));
        assertFalse(response.body().contains("Exception"), "no stack trace");
    }

    private static void assertPasswordPage(HttpResponse<String> response, String what) {
        assertTrue((response.statusCode() == 302 || response.statusCode() == 303)
                && response.headers().firstValue("Location").orElse("").endsWith("/account/password.xhtml"),
                what + ": sent to choose a password, not " + response.statusCode() + " " + response.headers().firstValue("Location").orElse(""));
    }

    // ---------------------------------------------------------------- forms and checks

    /** The form {@code formId} of {@code path} as {@code client} sees it, with fields set (name, value, name, value…). */
    private static Map<String, String> filled(PortalClient client, String path, String formId, String... fields) {
        Map<String, String> form = client.form(path, formId);
        for (int i = 0; i < fields.length; i += 2) {
            form.put(fields[i], fields[i + 1]);
        }
        return form;
    }

    private static void assertRefused(HttpResponse<String> response) {
        assertTrue(response.statusCode() == 403 || response.statusCode() == 404,
                "refused, not " + response.statusCode() + " " + response.headers().firstValue("Location").orElse(""));
        for (String secret : AuthorisationMatrixIT.CONFIDENTIAL) {
            assertFalse(response.body().contains(secret), "the refusal shows what is said in coaching");
        }
        assertFalse(response.body().contains("Exception") || response.body().contains("at org."), "no stack trace");
    }

    private static void assertRedirected(HttpResponse<String> response) {
        assertTrue(response.statusCode() == 302 || response.statusCode() == 303,
                "done and sent on, not " + response.statusCode() + ": " + response.body().replaceAll("(?s)<[^>]+>", " ")
                        .replaceAll("\\s+", " ").strip());
    }

    // ---------------------------------------------------------------- data

    private static long amarasPairing() throws SQLException {
        return TestDatabase.number("SELECT cp.id FROM coaching_pairing cp JOIN person c ON c.id = cp.coach_id JOIN person l ON l.id = cp.coachee_id "
                + "WHERE c.email = 'coach@demo.test' AND l.email = 'learner@demo.test' AND cp.state = 'ACTIVE' ORDER BY cp.id LIMIT 1");
    }

    /** A fresh active pairing of Helen Ward with Siobhán Kelly (any earlier one ended first). */
    private static long ownPairing() throws SQLException {
        long helen = TestDatabase.number("SELECT id FROM person WHERE email = 'helen.ward@demo.test'");
        long siobhan = TestDatabase.number("SELECT id FROM person WHERE email = 'siobhan.kelly@demo.test'");
        TestDatabase.update("UPDATE coaching_pairing SET state = 'ENDED', ended_at = CURRENT_TIMESTAMP WHERE coachee_id = ? AND state <> 'ENDED'", siobhan);
        return TestDatabase.insert("INSERT INTO coaching_pairing (version, created_at, modified_at, coach_id, coachee_id, state, proposed_by, proposed_at, "
                + "respond_by) VALUES (0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, ?, ?, 'ACTIVE', ?, CURRENT_TIMESTAMP, CURRENT_DATE)", helen, siobhan, helen);
    }
}
