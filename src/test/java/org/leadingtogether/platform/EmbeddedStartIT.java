package org.leadingtogether.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leadingtogether.account.HashingPool;
import org.leadingtogether.support.FreePorts;
import org.leadingtogether.support.LogLines;
import org.leadingtogether.support.TestJvm;
import org.leadingtogether.support.ThreadDumps;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The zero-set-up path a newcomer takes: the runnable jar, started with no database settings at all,
 * creates its embedded H2 file database under ./data, seeds the demo people and serves the sign-in page;
 * started again in the same folder it keeps what it had (no migration re-run, no second seeding, the same journal key).
 * Started as the README's Run command says, its request threads run below the thread checking passwords (so that a
 * rush of sign-ins is let in first); started without those options, its log says what to add.
 */
class EmbeddedStartIT {

    /** HTTP/1.1, as browsers speak to a portal without TLS (they use HTTP/2 only over TLS, through the proxy in front). */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path workDir;

    @Test
    void theRunnableJarStartsOnTheEmbeddedDatabaseAndKeepsItsDataAcrossARestart() throws Exception {
        String jar = System.getProperty("portal.microbundle");
        if (jar == null || !new File(jar).isFile()) {
            fail("The runnable jar (" + jar + ") is missing: run 'mvn verify', which builds it in the package phase.");
        }
        int port = FreePorts.belowTheEphemeralRange();

        // The first start as the README's Run command gives it, with the options that pass thread priorities on; the
        // second as an operator who leaves them out, who is told in the log what they miss.
        String firstLog = runUntilServing(jar, port, "first", HashingPool.PRIORITY_FLAGS.split(" "));
        assertTrue(firstLog.contains("thread(s) that the system runs before pages when the cores are busy"),
                LogLines.matching(firstLog, "Passwords are checked"));
        assertTrue(firstLog.contains("Demo data seeded"), "demo people seeded on first start");
        // Its settings (compression, request threads) are applied before the boot. Applied after it, each restarted the
        // listener while it was still starting, and now and then the portal said it was ready with no listener at all.
        assertEquals(1, Pattern.compile("Network Listener http-listener started").matcher(firstLog).results().count(),
                "the HTTP listener starts once, already configured:\n" + LogLines.matching(firstLog, "Network Listener|Boot Command"));
        assertTrue(Files.exists(workDir.resolve("data/leading-together.mv.db")), "an H2 file under ./data");
        Path journalKey = workDir.resolve("data/journal.key");
        assertTrue(Files.exists(journalKey), "with no JOURNAL_KEY, the embedded database gets a journal key of its own beside it");
        String key = Files.readString(journalKey);

        String secondLog = runUntilServing(jar, port, "second");
        assertTrue(secondLog.contains("share the cores equally with pages; start Java with " + HashingPool.PRIORITY_FLAGS),
                LogLines.matching(secondLog, "Passwords are checked"));
        assertTrue(secondLog.contains("(0 migrations applied now)"), "the schema was kept");
        assertFalse(secondLog.contains("Demo data seeded"), "the people were kept, not seeded again");
        assertEquals(key, Files.readString(journalKey), "the same journal key after a restart, so entries stay readable");
    }

    /**
     * Starts the jar with {@code jvmOptions}, checks the sign-in page and health, stops it, and returns what it logged.
     * With the priority options, it also checks that the system was told: the threads that served requests at nice 19,
     * the one checking passwords below them.
     */
    private String runUntilServing(String jar, int port, String name, String... jvmOptions) throws Exception {
        Path log = workDir.resolve(name + ".log");
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(TestJvm.OPTIONS);
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-jar", jar, "--port", String.valueOf(port), "--nohazelcast"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        for (String variable : List.of("DB_CLASS", "DB_URL", "DB_USER", "DB_PASSWORD", "DEMO_DATA", "JOURNAL_KEY")) {
            builder.environment().remove(variable);
        }
        Process process = builder.start();
        try {
            String base = "http://127.0.0.1:" + port;
            waitForHealth(base + "/health", process, log);
            HttpResponse<String> signIn = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/sign-in.xhtml")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, signIn.statusCode());
            assertTrue(signIn.body().contains("<h1>Sign in</h1>"), signIn.body());
            assertTrue(signIn.headers().firstValue("Content-Security-Policy").isPresent());
            aFirstVisitIsSmallAndItsResourcesAreKept(base, signIn.body());
            if (jvmOptions.length > 0) {
                Map<String, List<Integer>> nice = niceByThreadName(process.pid());
                // Below 19, not necessarily 0: a machine may start the test's processes at a nice value of its own.
                List<Integer> checking = nice.getOrDefault("password-check-", List.of());
                assertTrue(checking.size() == 1 && checking.get(0) < 19,
                        "the thread checking passwords runs before pages (nice 0 on a machine that starts processes there): " + nice);
                assertTrue(nice.getOrDefault("http-thread-poo", List.of()).contains(19),
                        "the request threads that served the visit above run at nice 19: " + nice);
            }
            return Files.readString(log);
        } finally {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * What a first visit costs, as the runnable jar serves it (its pre-boot commands switch compression on): the
     * sign-in page loads no script, its style sheet has an address that names its content, compressed and kept for a
     * year; PrimeFaces' jQuery, which every signed-in page loads, likewise; and the page's form still signs in
     * without a script to add the CSP nonce.
     */
    private static void aFirstVisitIsSmallAndItsResourcesAreKept(String base, String page) throws Exception {
        assertFalse(page.contains("<script"), "the sign-in page loads no script:\n" + page);
        Matcher css = Pattern.compile("href=\"([^\"]*portal\\.css[^\"]*)\"").matcher(page);
        assertTrue(css.find(), "the portal's style sheet is linked:\n" + page);
        String cssAddress = css.group(1).replace("&amp;", "&");
        assertTrue(cssAddress.matches(".*[?&]rev=[0-9a-f]{12}.*"), "its address names its content: " + cssAddress);
        assertCompressedAndKept(base + cssAddress);

        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5)).build();
        String form = browser.send(HttpRequest.newBuilder(URI.create(base + "/sign-in.xhtml")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        StringBuilder fields = new StringBuilder("signIn%3Aemail=learner%40demo.test&signIn%3Apassword="
                + URLEncoder.encode(org.leadingtogether.account.DemoData.DEMO_PASSWORD, StandardCharsets.UTF_8)
                + "&signIn%3Asubmit=Sign+in");
        Matcher hidden = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\"[^>]*value=\"([^\"]*)\"").matcher(form);
        while (hidden.find()) {
            fields.append('&').append(URLEncoder.encode(hidden.group(1), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(hidden.group(2).replace("&amp;", "&"), StandardCharsets.UTF_8));
        }
        assertTrue(fields.toString().contains("primefaces.nonce="), "the form carries the CSP nonce itself:\n" + form);
        HttpResponse<String> sent = browser.send(HttpRequest.newBuilder(URI.create(base + "/sign-in.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(fields.toString())).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(303, sent.statusCode(), "the form signs in without any script:\n" + sent.body());
        String home = sent.headers().firstValue("Location").orElse("");
        assertTrue(home.contains("/learner/"), sent.headers().map().toString());

        String homePage = browser.send(HttpRequest.newBuilder(URI.create(home.startsWith("http") ? home : base + home)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher jquery = Pattern.compile("src=\"([^\"]*jquery\\.js[^\"]*)\"").matcher(homePage);
        assertTrue(jquery.find(), "the learner home loads PrimeFaces' jQuery:\n" + homePage);
        assertCompressedAndKept(base + jquery.group(1).replace("&amp;", "&"));
    }

    private static void assertCompressedAndKept(String address) throws Exception {
        HttpResponse<byte[]> plain = HTTP.send(HttpRequest.newBuilder(URI.create(address)).build(), HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> gzipped = HTTP.send(HttpRequest.newBuilder(URI.create(address)).header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, gzipped.statusCode(), address);
        assertEquals("gzip", gzipped.headers().firstValue("Content-Encoding").orElse("none"), "compressed on the wire: " + address);
        assertTrue(gzipped.body().length * 2 < plain.body().length,
                address + ": " + plain.body().length + " bytes, compressed " + gzipped.body().length);
        assertTrue(gzipped.headers().firstValue("Cache-Control").orElse("").contains("max-age=31536000"),
                "kept by browsers for a year: " + address + " " + gzipped.headers().map());
        // Compressed once, then served from memory (CompressedResources): the second answer is the same resource, once
        // compressed (not twice), with the same headers, the security headers among them.
        HttpResponse<byte[]> again = HTTP.send(HttpRequest.newBuilder(URI.create(address)).header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, again.statusCode(), address);
        assertArrayEquals(plain.body(), gunzip(gzipped.body()), "the first compressed answer is the resource: " + address);
        assertArrayEquals(plain.body(), gunzip(again.body()), "the kept answer is the resource: " + address);
        for (String header : List.of("Content-Type", "Cache-Control", "Last-Modified", "X-Content-Type-Options", "Content-Security-Policy")) {
            assertEquals(gzipped.headers().firstValue(header), again.headers().firstValue(header), header + " of " + address);
        }
        assertEquals("nosniff", again.headers().firstValue("X-Content-Type-Options").orElse("none"), address);
        // A browser asking whether its copy is still current is answered by Faces, as before.
        HttpResponse<byte[]> current = HTTP.send(HttpRequest.newBuilder(URI.create(address)).header("Accept-Encoding", "gzip")
                .header("If-Modified-Since", gzipped.headers().firstValue("Last-Modified").orElseThrow()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(304, current.statusCode(), "still current: " + address);
    }

    /**
     * The nice value of each of a process's threads, by the name the system keeps (its first 15 characters), from
     * /proc: field 19 of each thread's stat line, counted after the name in brackets, which may hold spaces.
     */
    private static Map<String, List<Integer>> niceByThreadName(long pid) throws IOException {
        Map<String, List<Integer>> nice = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            for (Path task : tasks.toList()) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException ended) {
                    continue; // the thread ended meanwhile
                }
                String threadName = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                nice.computeIfAbsent(threadName, k -> new ArrayList<>()).add(Integer.parseInt(after[19 - 3]));
            }
        }
        nice.values().forEach(values -> values.sort(null));
        nice.replaceAll((threadName, values) -> values.stream().distinct().toList());
        return nice;
    }

    private static byte[] gunzip(byte[] body) throws IOException {
        try (java.util.zip.GZIPInputStream in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
            return in.readAllBytes();
        }
    }

    private static void waitForHealth(String url, Process process, Path log) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(240));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                fail("The portal stopped while starting:\n" + LogLines.tail(log, 60));
            }
            try {
                HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("UP")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        fail("The portal did not become healthy within 4 minutes (" + url + ").\nIts listeners and errors:\n"
                + LogLines.matching(log, "Network Listener|Grizzly|Boot Command|SEVERE|Exception") + "\nThe end of its log:\n" + LogLines.tail(log, 60)
                + "\n\nWhat its threads were doing:\n" + ThreadDumps.of(process));
    }

}
