package org.leadingtogether.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The zero-set-up path a newcomer takes: the runnable jar, started with no database settings at all,
 * creates its embedded H2 file database under ./data, seeds the demo people and serves the sign-in page;
 * started again in the same folder it keeps what it had (no migration re-run, no second seeding, the same journal key).
 */
class EmbeddedStartIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path workDir;

    @Test
    void theRunnableJarStartsOnTheEmbeddedDatabaseAndKeepsItsDataAcrossARestart() throws Exception {
        String jar = System.getProperty("portal.microbundle");
        if (jar == null || !new File(jar).isFile()) {
            fail("The runnable jar (" + jar + ") is missing: run 'mvn verify', which builds it in the package phase.");
        }
        int port = freePort();

        String firstLog = runUntilServing(jar, port, "first");
        assertTrue(firstLog.contains("Demo data seeded"), "demo people seeded on first start");
        assertTrue(Files.exists(workDir.resolve("data/leading-together.mv.db")), "an H2 file under ./data");
        Path journalKey = workDir.resolve("data/journal.key");
        assertTrue(Files.exists(journalKey), "with no JOURNAL_KEY, the embedded database gets a journal key of its own beside it");
        String key = Files.readString(journalKey);

        String secondLog = runUntilServing(jar, port, "second");
        assertTrue(secondLog.contains("(0 migrations applied now)"), "the schema was kept");
        assertFalse(secondLog.contains("Demo data seeded"), "the people were kept, not seeded again");
        assertEquals(key, Files.readString(journalKey), "the same journal key after a restart, so entries stay readable");
    }

    /** Starts the jar, checks the sign-in page and health, stops it, and returns what it logged. */
    private String runUntilServing(String jar, int port, String name) throws Exception {
        Path log = workDir.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-jar", jar,
                "--port", String.valueOf(port), "--nohazelcast"))
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
            return Files.readString(log);
        } finally {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private static void waitForHealth(String url, Process process, Path log) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(240));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                fail("The portal stopped while starting:\n" + tail(log));
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
        fail("The portal did not become healthy within 4 minutes:\n" + tail(log));
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
