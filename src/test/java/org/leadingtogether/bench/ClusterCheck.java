package org.leadingtogether.bench;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shows that two portal instances clustered through Payara's data grid behave as one portal, by using them the
 * way a browser behind a load balancer would: every request names the instance it goes to. It prints three
 * checks with PASSED or FAILED and the evidence, and exits non-zero if any failed.
 *
 * <ol>
 * <li><b>The session continues on the other instance.</b> The demo learner signs in on A through the real sign-in
 * form; with the same session cookie B serves her home page without asking her to sign in. Then a Faces form that
 * A rendered (a lesson's "mark as done", whose view-scoped bean lives in the session with the view state) is
 * submitted to B, and B accepts it: the view state and the bean travelled with the session. The page B redirects
 * to is then asked of A, and shows the message B left for it in the session.</li>
 * <li><b>A change saved on one instance is seen at once on the other.</b> A lesson completed on A shows as done on
 * B's module page in the very next request, and a one-off coaching slot the demo coach publishes on A is offered
 * on B's booking page straight away. Neither instance keeps these in a cache (the JPA shared cache is off for
 * every entity), so each read goes to the one database.</li>
 * <li><b>A slot booked through both instances at once goes to exactly one person.</b> Two coachees of the demo
 * coach open the booking page, one on A and one on B, and press "book" on the same slot at the same moment (a
 * latch releases both requests together). Exactly one must be booked and the other must get the "taken" answer;
 * afterwards neither instance offers the slot and the database holds one booking for it. This is done for
 * several slots ({@code CLUSTER_RACES}, default 3), alternating which learner goes through which instance.</li>
 * </ol>
 *
 * <p>Why coaching slots: protected time is a learner's own time, so two learners never compete for it; a coach's
 * slot is the one thing two people can race for. The demo data pair only one learner (Amara Okafor) with the
 * demo coach (Gareth Hughes), so the check makes a second coachee through the portal itself, as people would:
 * a second demo learner ({@code CLUSTER_SECOND_LEARNER}, default: the first of a few demo learners for whom the
 * coach is suggested) asks the coach on B, and the coach accepts on A. It then has the coach publish a fresh
 * one-off slot (a random start, a week or more ahead) for each race, so each run uses slots nobody has booked.
 * Everything already in place from an earlier run (the pairing) is reused.
 *
 * <p>Each run marks two more of the demo learner's lessons as done; after many runs against the same database
 * none is left and the check says so (start from a fresh database: {@code start-two-instances.sh --fresh}).
 *
 * <p>Settings (environment or system property): {@code CLUSTER_A} (default http://127.0.0.1:8081),
 * {@code CLUSTER_B} (http://127.0.0.1:8082), {@code CLUSTER_DB_URL} (jdbc:mariadb://127.0.0.1:3306/leadingtogether_cluster),
 * {@code CLUSTER_DB_USER} and {@code CLUSTER_DB_PASSWORD} (leadingtogether), {@code CLUSTER_RACES} (3).
 * The database is only read, to count the bookings of a raced slot.
 */
public final class ClusterCheck {

    private static final String PASSWORD = "demo-password";
    private static final String LEARNER = "learner@demo.test";
    private static final String COACH = "coach@demo.test";
    private static final String COACH_NAME = "Gareth Hughes";
    private static final List<String> SECOND_LEARNERS = List.of("grace.adeyemi@demo.test", "owen.jones@demo.test",
            "sarah.patel@demo.test", "james.taylor@demo.test", "nia.roberts@demo.test");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final String BOOKED = "Your session is booked";
    private static final String TAKEN = "Sorry, that slot has just been taken";

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern NONCE = Pattern.compile("csp\\.init\\('([^']+)'\\)");
    private static final Pattern TAG = Pattern.compile("<(input|button|select|textarea|option|/select)\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z_:.-]+)\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern LESSON = Pattern.compile("<li class=\"(lesson[^\"]*)\">\\s*<a href=\"[^\"]*/learner/lesson\\.xhtml\\?id=([^\"&]+)\">([^<]*)</a>");
    private static final Pattern MODULE = Pattern.compile("/learner/module\\.xhtml\\?id=([^\"&]+)");

    private final String a;
    private final String b;
    private final List<String> failures = new ArrayList<>();

    private ClusterCheck(String a, String b) {
        this.a = a;
        this.b = b;
    }

    public static void main(String[] args) throws Exception {
        ClusterCheck check = new ClusterCheck(StandardDataSet.setting("CLUSTER_A", "http://127.0.0.1:8081"),
                StandardDataSet.setting("CLUSTER_B", "http://127.0.0.1:8082"));
        int races = Integer.parseInt(StandardDataSet.setting("CLUSTER_RACES", "3"));
        System.out.println("Instance A: " + check.a + "    Instance B: " + check.b);
        check.run("1. A person signed in on A continues on B", check::sessionContinues);
        check.run("2. A change saved on one instance is seen at once on the other", check::changesSeenAtOnce);
        check.run("3. A slot booked through both instances at once goes to exactly one person", () -> check.race(races));
        System.out.println();
        if (check.failures.isEmpty()) {
            System.out.println("All three checks PASSED.");
        } else {
            System.out.println("FAILED: " + String.join("; ", check.failures));
        }
        System.exit(check.failures.isEmpty() ? 0 : 1);
    }

    private interface Step {
        void run() throws Exception;
    }

    private void run(String title, Step step) {
        System.out.println();
        System.out.println("== " + title);
        try {
            step.run();
            System.out.println("   PASSED");
        } catch (Exception | AssertionError failed) {
            System.out.println("   FAILED: " + failed.getMessage());
            failures.add(title.substring(0, 2) + " " + failed.getMessage());
        }
    }

    // ------------------------------------------------------------------------------------------------ the checks

    private Visitor learner;
    private String lessonDoneOnA;
    private Instant published;

    private void sessionContinues() throws Exception {
        learner = new Visitor(LEARNER);
        learner.signIn(a);
        String cookie = learner.sessionCookie();
        say("signed in as %s on A; session cookie JSESSIONID=%s (no instance route in it)", LEARNER, cookie);

        Page home = learner.get(b, "/learner/home.xhtml");
        expect(home.uri().getPath().equals("/learner/home.xhtml") && home.status() == 200,
                "B sent the signed-in learner to " + home.uri() + " (" + home.status() + ")");
        expect(home.html().contains("Amara Okafor"), "B's learner home does not name Amara Okafor");
        expect(cookie.equals(learner.sessionCookie()), "B gave a new session: " + learner.sessionCookie());
        say("B answered GET /learner/home.xhtml with 200 for the same session: the page names \"Amara Okafor\"; no sign-in asked");

        List<String> lessons = notDoneLessons(learner, b, 2);
        String lesson = lessons.get(0);
        Page page = learner.get(a, "/learner/lesson.xhtml?id=" + lesson);
        String viewState = viewState(page);
        say("A rendered lesson %s with its form (view state %s, kept in the session with the lesson's view-scoped bean)", lesson, viewState);
        HttpResponse<String> posted = learner.post(b, page, "done", "done:markDone", Map.of());
        String next = posted.headers().firstValue("Location").orElse("");
        expect(posted.statusCode() / 100 == 3 && !next.contains("sign-in"),
                "B did not accept the form A rendered: " + posted.statusCode() + " " + next + " " + snippet(posted.body()));
        say("B accepted that form (a postback with A's view state): %d, on to %s", posted.statusCode(), URI.create(next).getPath());
        Page after = learner.get(a, URI.create(next).getRawPath() + queryOf(URI.create(next)));
        expect(after.html().contains("Lesson done"), "the page after the redirect, from A, lacks the message B left: " + snippet(after.html()));
        say("the page after that redirect, asked of A, shows the message B left in the session: \"%s\"", excerpt(after.html(), "Lesson done"));
        lessonDoneOnA = lessons.get(1);
    }

    private void changesSeenAtOnce() throws Exception {
        requireSession();
        // A lesson completed on A, read on B.
        String lesson = lessonDoneOnA;
        String module = moduleOf(learner, b, lesson);
        expect(lessonStatus(learner, b, module, lesson).equals("lesson"), "lesson " + lesson + " already done before the check");
        Page page = learner.get(a, "/learner/lesson.xhtml?id=" + lesson);
        Page after = learner.submit(a, page, "done", "done:markDone", Map.of());
        expect(after.html().contains("Lesson done"), "A did not complete lesson " + lesson + ": " + snippet(after.html()));
        long saved = System.nanoTime();
        String status = lessonStatus(learner, b, module, lesson);
        long read = System.nanoTime();
        expect(status.contains("lesson--done"), "B still shows lesson " + lesson + " as not done (class \"" + status + "\")");
        say("lesson %s marked done on A; B's module page %s, asked for straight after (answered in %.0f ms), shows it done (class \"%s\")",
                lesson, module, (read - saved) / 1e6, status);

        // A coaching slot published on A, offered on B.
        Visitor coach = new Visitor(COACH);
        coach.signIn(a);
        published = publishSlot(coach, a);
        long publishedAt = System.nanoTime();
        Page booking = learner.get(b, "/learner/book-coaching.xhtml");
        long offeredAt = System.nanoTime();
        expect(slotButton(booking, published).isPresent(), "B does not offer the slot just published on A (" + describe(published) + ")");
        say("the coach published a one-off slot on A (%s); B's booking page, asked for straight after (answered in %.0f ms), offers it", describe(published),
                (offeredAt - publishedAt) / 1e6);
    }

    private void race(int rounds) throws Exception {
        requireSession();
        Visitor coach = new Visitor(COACH);
        coach.signIn(a);
        Visitor second = secondCoachee(coach);
        int[] wins = new int[2];
        Optional<Connection> db = database();
        try {
            for (int round = 1; round <= rounds; round++) {
                Instant slot = round == 1 && published != null ? published : publishSlot(coach, a);
                // Alternate: in odd rounds the demo learner books through A and the second coachee through B.
                boolean learnerOnA = round % 2 == 1;
                Visitor first = learner;
                String firstBase = learnerOnA ? a : b;
                String secondBase = learnerOnA ? b : a;
                Page firstPage = first.get(firstBase, "/learner/book-coaching.xhtml");
                Page secondPage = second.get(secondBase, "/learner/book-coaching.xhtml");
                String firstButton = slotButton(firstPage, slot).orElseThrow(() -> new AssertionError(
                        "the slot " + describe(slot) + " is not offered to " + LEARNER + " on " + name(firstBase)));
                String secondButton = slotButton(secondPage, slot).orElseThrow(() -> new AssertionError(
                        "the slot " + describe(slot) + " is not offered to " + second.email + " on " + name(secondBase)));

                CountDownLatch go = new CountDownLatch(1);
                ExecutorService pool = Executors.newFixedThreadPool(2);
                long[] times = new long[4];
                long released;
                Future<Page> firstResult;
                Future<Page> secondResult;
                try {
                    firstResult = pool.submit(() -> {
                        go.await();
                        times[0] = System.nanoTime();
                        Page answer = first.submit(firstBase, firstPage, "slots", firstButton, Map.of());
                        times[1] = System.nanoTime();
                        return answer;
                    });
                    secondResult = pool.submit(() -> {
                        go.await();
                        times[2] = System.nanoTime();
                        Page answer = second.submit(secondBase, secondPage, "slots", secondButton, Map.of());
                        times[3] = System.nanoTime();
                        return answer;
                    });
                    Thread.sleep(200);
                    released = System.nanoTime();
                    go.countDown();
                    firstResult.get();
                    secondResult.get();
                } finally {
                    pool.shutdownNow();
                }
                String firstOutcome = outcome(firstResult.get());
                String secondOutcome = outcome(secondResult.get());
                say("race %d for %s: %s via %s sent at +%.0f ms, answered at +%.0f ms: %s; %s via %s sent at +%.0f ms, answered at +%.0f ms: %s",
                        round, describe(slot),
                        LEARNER, name(firstBase), (times[0] - released) / 1e6, (times[1] - released) / 1e6, firstOutcome,
                        second.email, name(secondBase), (times[2] - released) / 1e6, (times[3] - released) / 1e6, secondOutcome);
                boolean firstWon = firstOutcome.equals("BOOKED");
                boolean secondWon = secondOutcome.equals("BOOKED");
                expect(firstWon != secondWon, "race " + round + ": " + (firstWon ? "both were booked" : "neither was booked"));
                expect((firstWon ? secondOutcome : firstOutcome).equals("TAKEN"),
                        "race " + round + ": the loser did not get the \"taken\" answer");
                wins[firstWon ? 0 : 1]++;

                boolean offeredOnA = slotButton(learner.get(a, "/learner/book-coaching.xhtml"), slot).isPresent();
                boolean offeredOnB = slotButton(second.get(b, "/learner/book-coaching.xhtml"), slot).isPresent();
                expect(!offeredOnA && !offeredOnB, "race " + round + ": the slot is still offered after it was booked");
                if (db.isPresent()) {
                    List<String> holders = bookingsAt(db.get(), slot);
                    expect(holders.size() == 1, "race " + round + ": the database holds " + holders.size() + " bookings for the slot " + holders);
                    say("race %d: winner %s; neither instance offers the slot any more; database: 1 booking at %s, for %s",
                            round, firstWon ? LEARNER : second.email, describe(slot), holders.get(0));
                } else {
                    say("race %d: winner %s; neither instance offers the slot any more", round, firstWon ? LEARNER : second.email);
                }
            }
        } finally {
            if (db.isPresent()) {
                db.get().close();
            }
        }
        say("(a BOOKED answer's time includes following the redirect to the booking page; TAKEN is answered on the spot)");
        say("%d races, exactly one winner in each: %s won %d, %s won %d", rounds, LEARNER, wins[0], second.email, wins[1]);
    }

    // ------------------------------------------------------------------------------------------------ the set-up

    private void requireSession() {
        if (learner == null || lessonDoneOnA == null) {
            throw new AssertionError("needs the signed-in learner of check 1");
        }
    }

    /** A second coachee of the demo coach, made through the portal (asked on B, accepted on A) unless already there. */
    private Visitor secondCoachee(Visitor coach) throws Exception {
        String wanted = StandardDataSet.setting("CLUSTER_SECOND_LEARNER", "");
        for (String email : wanted.isBlank() ? SECOND_LEARNERS : List.of(wanted)) {
            Visitor visitor = new Visitor(email);
            visitor.signIn(b);
            if (visitor.get(b, "/learner/book-coaching.xhtml").html().contains("Free slots with " + COACH_NAME)) {
                say("second coachee: %s, already coached by %s (from an earlier run)", email, COACH_NAME);
                return visitor;
            }
            Page coaching = visitor.get(b, "/learner/coaching.xhtml");
            Optional<String> ask = buttonWith(coaching, "aria-label", "Ask " + COACH_NAME + " to coach you");
            if (ask.isEmpty()) {
                continue;
            }
            Page asked = visitor.submit(b, coaching, "suggestions", ask.get(), Map.of());
            expect(asked.html().contains("Your request has gone to " + COACH_NAME), email + " could not ask " + COACH_NAME + ": " + snippet(asked.html()));
            String name = displayName(visitor, b);
            Page home = coach.get(a, "/coach/home.xhtml");
            String accept = buttonWith(home, "aria-label", "Accept " + name).orElseThrow(() ->
                    new AssertionError("the coach's home on A shows no request from " + name));
            coach.submit(a, home, "requests", accept, Map.of());
            expect(visitor.get(b, "/learner/book-coaching.xhtml").html().contains("Free slots with " + COACH_NAME),
                    email + " cannot book with " + COACH_NAME + " after the coach accepted");
            say("second coachee: %s asked %s on B, the coach accepted on A", email, COACH_NAME);
            return visitor;
        }
        throw new AssertionError("no second demo learner could be paired with " + COACH_NAME);
    }

    private static String displayName(Visitor visitor, String base) throws Exception {
        Matcher name = Pattern.compile("<span class=\"who__name[^\"]*\"><span class=\"visually-hidden\">Signed in as </span>([^<]+)</span>")
                .matcher(visitor.get(base, "/learner/home.xhtml").html());
        if (name.find()) {
            return unescape(name.group(1).strip());
        }
        throw new AssertionError("cannot tell the name of " + visitor.email);
    }

    /** Publishes a one-off 30-minute slot at a random free-looking start 8 to 21 days ahead; returns its start. */
    private Instant publishSlot(Visitor coach, String base) throws Exception {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        LocalDate day = LocalDate.now(LONDON).plusDays(8 + random.nextInt(14));
        LocalTime start = LocalTime.of(7, 0).plusMinutes(5L * random.nextInt(12 * 12));
        Page slots = coach.get(base, "/coach/slots.xhtml");
        Map<String, String> values = new LinkedHashMap<>();
        values.put("oneOff:oneOffDate", day.toString());
        values.put("oneOff:oneOffStart", start.toString());
        values.put("oneOff:oneOffMinutes", "30");
        values.put("oneOff:oneOffNotice", "24");
        Page after = coach.submit(base, slots, "oneOff", "oneOff:submit", values);
        expect(after.status() == 200 && after.uri().getPath().equals("/coach/slots.xhtml"), "publishing a slot failed: " + snippet(after.html()));
        return LocalDateTime.of(day, start).atZone(LONDON).toInstant();
    }

    private static String outcome(Page page) {
        if (page.html().contains(BOOKED)) {
            return "BOOKED";
        }
        if (page.html().contains(TAKEN)) {
            return "TAKEN";
        }
        return "OTHER (" + page.status() + " " + page.uri().getPath() + ": " + snippet(page.html()) + ")";
    }

    private static Optional<String> slotButton(Page page, Instant slot) {
        return buttonWith(page, "data-slot", String.valueOf(slot.getEpochSecond()));
    }

    private String name(String base) {
        return base.equals(a) ? "A" : "B";
    }

    private static String describe(Instant slot) {
        return LocalDateTime.ofInstant(slot, LONDON).toString().replace('T', ' ') + " London";
    }

    // ------------------------------------------------------------------------------------------------ lessons

    private List<String> notDoneLessons(Visitor visitor, String base, int wanted) throws Exception {
        List<String> found = new ArrayList<>();
        Matcher modules = MODULE.matcher(visitor.get(base, "/learner/catalogue.xhtml").html());
        List<String> keys = new ArrayList<>();
        while (modules.find()) {
            if (!keys.contains(modules.group(1))) {
                keys.add(modules.group(1));
            }
        }
        for (String module : keys) {
            Matcher lessons = LESSON.matcher(visitor.get(base, "/learner/module.xhtml?id=" + module).html());
            while (lessons.find() && found.size() < wanted) {
                if (!lessons.group(1).contains("lesson--done")) {
                    found.add(lessons.group(2));
                }
            }
            if (found.size() == wanted) {
                return found;
            }
        }
        throw new AssertionError("fewer than " + wanted + " lessons left to complete for " + visitor.email
                + ": start from a fresh database (start-two-instances.sh --fresh)");
    }

    private String moduleOf(Visitor visitor, String base, String lesson) throws Exception {
        Matcher modules = MODULE.matcher(visitor.get(base, "/learner/catalogue.xhtml").html());
        while (modules.find()) {
            if (visitor.get(base, "/learner/module.xhtml?id=" + modules.group(1)).html().contains("lesson.xhtml?id=" + lesson + "\"")) {
                return modules.group(1);
            }
        }
        throw new AssertionError("no module lists lesson " + lesson);
    }

    private static String lessonStatus(Visitor visitor, String base, String module, String lesson) throws Exception {
        Matcher lessons = LESSON.matcher(visitor.get(base, "/learner/module.xhtml?id=" + module).html());
        while (lessons.find()) {
            if (lessons.group(2).equals(lesson)) {
                return lessons.group(1);
            }
        }
        throw new AssertionError("module " + module + " does not list lesson " + lesson);
    }

    // ------------------------------------------------------------------------------------------------ the database

    private static Optional<Connection> database() {
        try {
            return Optional.of(DriverManager.getConnection(
                    StandardDataSet.setting("CLUSTER_DB_URL", "jdbc:mariadb://127.0.0.1:3306/leadingtogether_cluster"),
                    StandardDataSet.setting("CLUSTER_DB_USER", "leadingtogether"),
                    StandardDataSet.setting("CLUSTER_DB_PASSWORD", "leadingtogether")));
        } catch (SQLException unreachable) {
            say("(the database is not reachable from here, so bookings are counted through the pages only: %s)", unreachable.getMessage());
            return Optional.empty();
        }
    }

    /** Who holds a standing coaching booking with the demo coach at this start (times are stored as UTC wall time). */
    private static List<String> bookingsAt(Connection db, Instant start) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("""
                SELECT p.email FROM booking b JOIN person p ON p.id = b.person_id JOIN person c ON c.id = b.coach_id
                 WHERE b.kind = 'COACHING' AND b.status = 'BOOKED' AND c.email = ? AND b.starts_at = ?""")) {
            query.setString(1, COACH);
            query.setObject(2, LocalDateTime.ofInstant(start, ZoneOffset.UTC));
            List<String> emails = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    emails.add(rows.getString(1));
                }
            }
            return emails;
        }
    }

    // ------------------------------------------------------------------------------------------------ pages and forms

    private record Page(URI uri, int status, String html) {
    }

    /** One person's browser: its own cookies, which (as in a browser) go to both instances, since they share the host. */
    private static final class Visitor {

        final String email;
        private final CookieManager cookies = new CookieManager();
        private final HttpClient client;
        private final HttpClient noRedirects;

        Visitor(String email) {
            this.email = email;
            this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies)
                    .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(10)).build();
            this.noRedirects = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies)
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        }

        void signIn(String base) throws Exception {
            Page page = get(base, "/sign-in.xhtml");
            Page after = submit(base, page, "signIn", "signIn:submit", Map.of("signIn:email", email, "signIn:password", PASSWORD));
            if (after.uri().getPath().startsWith("/sign-in")) {
                throw new AssertionError("could not sign in as " + email + " on " + base);
            }
        }

        String sessionCookie() {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                    .map(HttpCookie::getValue).findFirst().orElse("(none)");
        }

        Page get(String base, String path) throws Exception {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("GET " + base + path + " answered " + response.statusCode());
            }
            return new Page(response.uri(), response.statusCode(), response.body());
        }

        /** Submits form {@code formId} of {@code page}, as rendered, to {@code base}: its fields, {@code values} and the button pressed. */
        Page submit(String base, Page page, String formId, String button, Map<String, String> values) throws Exception {
            HttpResponse<String> response = send(base, page, formId, button, values, client);
            return new Page(response.uri(), response.statusCode(), response.body());
        }

        /** As {@link #submit}, but the answer itself: a redirect is not followed. */
        HttpResponse<String> post(String base, Page page, String formId, String button, Map<String, String> values) throws Exception {
            return send(base, page, formId, button, values, noRedirects);
        }

        private HttpResponse<String> send(String base, Page page, String formId, String button, Map<String, String> values,
                                          HttpClient through) throws Exception {
            Map<String, String> fields = formFields(page.html(), formId);
            fields.putAll(values);
            // A button found by buttonWith comes as name=value: several buttons may share one name (a list of slots).
            int equals = button.indexOf('=');
            if (equals > 0) {
                fields.put(button.substring(0, equals), button.substring(equals + 1));
            } else {
                fields.put(button, attributes(page.html(), button).getOrDefault("value", "x"));
            }
            Matcher nonce = NONCE.matcher(page.html());
            if (nonce.find()) {
                fields.put("primefaces.nonce", nonce.group(1));
            }
            StringBuilder body = new StringBuilder();
            fields.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                    .append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
            return through.send(HttpRequest.newBuilder(URI.create(base + page.uri().getRawPath()
                            + (page.uri().getRawQuery() == null ? "" : "?" + page.uri().getRawQuery())))
                    .timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    /** The fields a browser would send for form {@code formId}: hidden and text inputs, chosen options, text areas. */
    private static Map<String, String> formFields(String html, String formId) {
        int start = html.indexOf("<form id=\"" + formId + "\"");
        if (start < 0) {
            throw new AssertionError("no form \"" + formId + "\" on the page: " + snippet(html));
        }
        int end = html.indexOf("</form>", start);
        String form = html.substring(start, end);
        Map<String, String> fields = new LinkedHashMap<>();
        String select = null;
        String firstOption = null;
        boolean chosen = false;
        Matcher tags = TAG.matcher(form);
        while (tags.find()) {
            String tag = tags.group(1).toLowerCase();
            Map<String, String> attributes = parse(tags.group(2));
            switch (tag) {
                case "input" -> {
                    String type = attributes.getOrDefault("type", "text");
                    boolean ticked = !(type.equals("checkbox") || type.equals("radio")) || attributes.containsKey("checked");
                    if (attributes.containsKey("name") && !type.equals("submit") && !type.equals("button") && ticked) {
                        fields.put(attributes.get("name"), attributes.getOrDefault("value", type.equals("checkbox") ? "on" : ""));
                    }
                }
                case "select" -> {
                    select = attributes.get("name");
                    firstOption = null;
                    chosen = false;
                }
                case "option" -> {
                    if (select != null) {
                        String value = attributes.getOrDefault("value", "");
                        if (firstOption == null) {
                            firstOption = value;
                        }
                        if (tags.group(2).contains("selected")) {
                            fields.put(select, value);
                            chosen = true;
                        }
                    }
                }
                case "/select" -> {
                    if (select != null && !chosen && firstOption != null) {
                        fields.put(select, firstOption);
                    }
                    select = null;
                }
                case "textarea" -> {
                    int close = form.indexOf("</textarea>", tags.end());
                    if (attributes.containsKey("name") && close > 0) {
                        fields.put(attributes.get("name"), unescape(form.substring(tags.end(), close)));
                    }
                }
                default -> {
                }
            }
        }
        return fields;
    }

    /** The attributes of the element named {@code name} on the page (an input or button). */
    private static Map<String, String> attributes(String html, String name) {
        Matcher tags = TAG.matcher(html);
        while (tags.find()) {
            Map<String, String> attributes = parse(tags.group(2));
            if (name.equals(attributes.get("name"))) {
                return attributes;
            }
        }
        throw new AssertionError("no element named " + name + " on the page");
    }

    /**
     * The first button on the page whose {@code attribute} is {@code value}, as its name, or as name=value when it has a
     * value of its own (buttons of one list share one name and send their row's key as their value).
     */
    private static Optional<String> buttonWith(Page page, String attribute, String value) {
        Matcher tags = TAG.matcher(page.html());
        while (tags.find()) {
            Map<String, String> attributes = parse(tags.group(2));
            if (value.equals(attributes.get(attribute)) && attributes.containsKey("name")) {
                return Optional.of(attributes.get("name") + (tags.group(1).equalsIgnoreCase("button") && attributes.containsKey("value")
                        ? "=" + attributes.get("value") : ""));
            }
        }
        return Optional.empty();
    }

    private static Map<String, String> parse(String attributes) {
        Map<String, String> parsed = new LinkedHashMap<>();
        Matcher attribute = ATTRIBUTE.matcher(attributes);
        while (attribute.find()) {
            parsed.put(attribute.group(1).toLowerCase(), unescape(attribute.group(2)));
        }
        return parsed;
    }

    private static String unescape(String text) {
        Matcher numeric = Pattern.compile("&#(x?)([0-9a-fA-F]+);").matcher(text);
        StringBuilder out = new StringBuilder();
        while (numeric.find()) {
            numeric.appendReplacement(out, Matcher.quoteReplacement(Character.toString(
                    Integer.parseInt(numeric.group(2), numeric.group(1).isEmpty() ? 10 : 16))));
        }
        numeric.appendTail(out);
        return out.toString().replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    private static String viewState(Page page) {
        Matcher viewState = VIEW_STATE.matcher(page.html());
        if (!viewState.find()) {
            throw new AssertionError("no Faces form on " + page.uri());
        }
        return viewState.group(1);
    }

    private static String queryOf(URI uri) {
        return uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    }

    /** The text of the page around {@code marker}, tags removed, up to the end of its sentence or line. */
    private static String excerpt(String html, String marker) {
        int at = html.indexOf(marker);
        if (at < 0) {
            return "";
        }
        int end = html.indexOf('<', at);
        return unescape(html.substring(at, end < 0 ? Math.min(html.length(), at + 160) : end)).strip();
    }

    private static String snippet(String html) {
        String text = html.replaceAll("(?s)<script.*?</script>", " ").replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip();
        int main = text.indexOf("Skip to");
        return text.substring(Math.max(0, main), Math.min(text.length(), Math.max(0, main) + 300));
    }

    private static void expect(boolean condition, String otherwise) {
        if (!condition) {
            throw new AssertionError(otherwise);
        }
    }

    private static void say(String format, Object... arguments) {
        System.out.println("   " + String.format(format, arguments));
    }
}
