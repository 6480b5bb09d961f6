package org.leadingtogether.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures pages of a running portal on the standard data set ({@link StandardDataSet}) and prints the
 * figures: the cohort dashboard of a 200-member cohort and of a 29-member one, the programme-wide report of
 * the 5,000-member programme and of a 145-member one, a learner's 360 report with 20 raters and the 5,000-member
 * programme's 360 impact (time, and SQL statements per page from MariaDB's own
 * counter, so one can see they do not grow with the members), and the learner home with 100 signed-in
 * learners requesting it at once (p50/p95/p99 and pages per second).
 *
 * <p>Run it against a portal on the same machine with nothing else using the database, since the
 * statement counter is the server's.
 */
public final class PageBenchmark {

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
    /** The page's CSP nonce, which PrimeFaces' script adds to every form it sends and checks on the way back. */
    private static final Pattern NONCE = Pattern.compile("csp\\.init\\('([^']+)'\\)");
    private static final String PASSWORD = "demo-password";

    private final String base;
    private final Connection db;

    private PageBenchmark(String base, Connection db) {
        this.base = base;
        this.db = db;
    }

    public static void main(String[] args) throws Exception {
        String base = StandardDataSet.setting("BENCH_URL", "http://127.0.0.1:8080");
        int users = Integer.parseInt(StandardDataSet.setting("BENCH_USERS", "100"));
        int requests = Integer.parseInt(StandardDataSet.setting("BENCH_REQUESTS", "20"));
        try (Connection db = DriverManager.getConnection(StandardDataSet.setting("BENCH_DB_URL", "jdbc:mariadb://127.0.0.1:3306/leadingtogether_bench"),
                StandardDataSet.setting("BENCH_DB_USER", "leadingtogether"), StandardDataSet.setting("BENCH_DB_PASSWORD", "leadingtogether"))) {
            PageBenchmark benchmark = new PageBenchmark(base, db);
            System.out.printf("Data: %d people, %d cohort members, %d lesson completions, %d self-assessments%n",
                    benchmark.count("SELECT COUNT(*) FROM person"), benchmark.count("SELECT COUNT(*) FROM cohort_membership"),
                    benchmark.count("SELECT COUNT(*) FROM lesson_completion"), benchmark.count("SELECT COUNT(*) FROM self_assessment"));
            String parts = StandardDataSet.setting("BENCH_PARTS", "dashboards,coaching,feedback,home");
            if (parts.contains("dashboards")) {
                benchmark.dashboards();
            }
            if (parts.contains("coaching")) {
                benchmark.coaching();
            }
            if (parts.contains("feedback")) {
                benchmark.feedback();
            }
            if (parts.contains("home")) {
                benchmark.learnerPage(StandardDataSet.setting("BENCH_PAGE", "/learner/home.xhtml"), users, requests);
            }
        }
    }

    private void dashboards() throws Exception {
        for (String programme : List.of("Bench programme 00", "Bench programme 01")) {
            long id = count("SELECT id FROM programme WHERE name = '" + programme + "'");
            long cohort = count("SELECT id FROM cohort WHERE programme_id = " + id + " AND name = 'Cohort 1'");
            HttpClient manager = signIn(single("SELECT p.email FROM person p JOIN programme_manager m ON m.person_id = p.id WHERE m.programme_id = " + id));
            measure(manager, "/manager/cohort.xhtml?id=" + cohort, "Cohort dashboard, "
                    + count("SELECT COUNT(*) FROM cohort_membership WHERE cohort_id = " + cohort) + " members");
        }
        for (String programme : List.of("Bench programme 00", "Bench programme 01")) {
            long id = count("SELECT id FROM programme WHERE name = '" + programme + "'");
            HttpClient runner = signIn(single("SELECT p.email FROM person p JOIN programme_manager m ON m.person_id = p.id WHERE m.programme_id = " + id));
            measure(runner, "/manager/report.xhtml?id=" + id, "Programme report, " + count("""
                    SELECT COUNT(*) FROM cohort_membership m JOIN cohort c ON c.id = m.cohort_id WHERE c.programme_id = """ + id)
                    + " members in " + count("SELECT COUNT(*) FROM cohort WHERE programme_id = " + id) + " cohorts");
        }
    }

    /**
     * Coaching suggestions: for one learner among every coach (the learner's coaching page ranks them), and
     * for all the unpaired members of the 200-member cohort at once (the manager's "suggest coaches for
     * everyone" button, a Faces postback, timed on its own).
     */
    private void coaching() throws Exception {
        long coaches = count("SELECT COUNT(*) FROM coach_profile");
        measure(signIn("bench-learner-00000@bench.test"), "/learner/coaching.xhtml",
                "Coaching suggestions for one learner among " + coaches + " coaches");
        long programme = count("SELECT id FROM programme WHERE name = 'Bench programme 00'");
        long cohort = count("SELECT id FROM cohort WHERE programme_id = " + programme + " AND name = 'Cohort 1'");
        HttpClient manager = signIn(single("SELECT p.email FROM person p JOIN programme_manager m ON m.person_id = p.id WHERE m.programme_id = " + programme));
        String path = "/manager/coaching.xhtml?cohort=" + cohort;
        List<Long> times = new ArrayList<>();
        long statements = 0;
        for (int i = 0; i < 15; i++) {
            String page = get(manager, path);
            Matcher viewState = VIEW_STATE.matcher(page);
            Matcher nonce = NONCE.matcher(page);
            if (!viewState.find() || !nonce.find()) {
                throw new IllegalStateException("No form on " + path);
            }
            String form = "overview=overview&overview%3AsuggestAll=x&primefaces.nonce=" + URLEncoder.encode(nonce.group(1), StandardCharsets.UTF_8)
                    + "&jakarta.faces.ViewState=" + URLEncoder.encode(viewState.group(1), StandardCharsets.UTF_8);
            long before = questions();
            long start = System.nanoTime();
            HttpResponse<String> response = manager.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            long took = System.nanoTime() - start;
            statements = questions() - before - 1;
            if (response.statusCode() != 200 || !response.body().contains("Suggested pairings")) {
                java.nio.file.Files.writeString(java.nio.file.Path.of("target/benchmark-failure.html"), response.body());
                throw new IllegalStateException("No suggestions from " + path + ": " + response.statusCode() + " (page in target/benchmark-failure.html)");
            }
            if (i >= 5) {
                times.add(took);
            }
        }
        System.out.printf("Coaching suggestions for a cohort of %d members at once: p50 %.1f ms, p95 %.1f ms, max %.1f ms; %d SQL statements%n",
                count("SELECT COUNT(*) FROM cohort_membership WHERE cohort_id = " + cohort), ms(times, 50), ms(times, 95), ms(times, 100), statements);
    }

    /**
     * 360 feedback: one learner's report with 20 raters (the previous round beside it), and the programme impact of the
     * 5,000-member programme, both rounds closed.
     */
    private void feedback() throws Exception {
        long programme = count("SELECT id FROM programme WHERE name = 'Bench programme 00'");
        long request = count("""
                SELECT q.id FROM feedback_request q JOIN feedback_round r ON r.id = q.round_id
                WHERE r.programme_id = %d AND r.name = 'Bench end' AND q.answers = 20 ORDER BY q.id LIMIT 1""".formatted(programme));
        String learner = single("SELECT p.email FROM person p JOIN feedback_request q ON q.learner_id = p.id WHERE q.id = " + request);
        measure(signIn(learner), "/learner/feedback-report.xhtml?id=" + request, "360 report, one learner with "
                + count("SELECT COUNT(*) FROM feedback_rater WHERE request_id = " + request) + " raters and the previous round beside it");
        HttpClient manager = signIn(single("SELECT p.email FROM person p JOIN programme_manager m ON m.person_id = p.id WHERE m.programme_id = " + programme));
        measure(manager, "/manager/feedback-impact.xhtml?programme=" + programme, "Programme impact, " + count("""
                SELECT COUNT(DISTINCT q.learner_id) FROM feedback_request q JOIN feedback_round r ON r.id = q.round_id WHERE r.programme_id = """ + programme)
                + " learners with both rounds in " + count("SELECT COUNT(*) FROM cohort WHERE programme_id = " + programme) + " cohorts");
    }

    /** Warms a page up, counts the SQL statements of one request, then times 50 requests one after another. */
    private void measure(HttpClient client, String path, String label) throws Exception {
        for (int i = 0; i < 10; i++) {
            get(client, path);
        }
        long before = questions();
        get(client, path);
        long statements = questions() - before - 1;
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            long start = System.nanoTime();
            get(client, path);
            times.add(System.nanoTime() - start);
        }
        System.out.printf("%s: p50 %.1f ms, p95 %.1f ms, max %.1f ms; %d SQL statements per page%n",
                label, ms(times, 50), ms(times, 95), ms(times, 100), statements);
    }

    /** One learner page (the home unless BENCH_PAGE names another) asked for by many learners at once, with no pause. */
    private void learnerPage(String page, int users, int requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(users);
        try {
            List<Future<HttpClient>> signedIn = new ArrayList<>();
            for (int i = 0; i < users; i++) {
                String email = String.format("bench-learner-%05d@bench.test", i * 97 % StandardDataSet.LEARNERS);
                signedIn.add(pool.submit(() -> signIn(email)));
            }
            List<HttpClient> clients = new ArrayList<>();
            for (Future<HttpClient> client : signedIn) {
                clients.add(client.get());
            }
            long before = questions();
            get(clients.get(0), page);
            long statements = questions() - before - 1;
            for (HttpClient client : clients) {
                get(client, page);
            }
            List<Long> times = Collections.synchronizedList(new ArrayList<>());
            long started = System.nanoTime();
            List<Future<?>> runs = new ArrayList<>();
            for (HttpClient client : clients) {
                runs.add(pool.submit(() -> {
                    for (int r = 0; r < requests; r++) {
                        long start = System.nanoTime();
                        get(client, page);
                        times.add(System.nanoTime() - start);
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("%s, %d users at once, %d pages: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms; %.0f pages/s; %d SQL statements per page%n",
                    page.equals("/learner/home.xhtml") ? "Learner home" : page, users, times.size(), ms(times, 50), ms(times, 95), ms(times, 99), times.size() / seconds, statements);
        } finally {
            pool.shutdownNow();
        }
    }

    private HttpClient signIn(String email) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(10)).build();
        String page = get(client, "/sign-in.xhtml");
        Matcher viewState = VIEW_STATE.matcher(page);
        if (!viewState.find()) {
            throw new IllegalStateException("No sign-in form at " + base);
        }
        String form = "signIn=signIn&signIn%3Aemail=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                + "&signIn%3Apassword=" + PASSWORD + "&signIn%3Anext=&signIn%3Asubmit=Sign+in&jakarta.faces.ViewState="
                + URLEncoder.encode(viewState.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + "/sign-in.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.uri().getPath().startsWith("/sign-in")) {
            throw new IllegalStateException("Could not sign in as " + email);
        }
        return client;
    }

    private String get(HttpClient client, String path) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode());
        }
        return response.body();
    }

    private long questions() throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery("SHOW GLOBAL STATUS LIKE 'Questions'")) {
            rows.next();
            return rows.getLong(2);
        }
    }

    private String single(String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private long count(String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static double ms(List<Long> nanos, int percentile) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
