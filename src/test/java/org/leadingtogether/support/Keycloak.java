package org.leadingtogether.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A real Keycloak for the single sign-on tests: the distribution Maven unpacked into {@code target/keycloak}, run in
 * development mode with the Temurin JDK (Keycloak needs Java 21 or later; the build's own JDK is 17), with the realms
 * of {@code src/test/resources/keycloak} imported afresh. Started once for the whole test run, by the first test
 * that needs it, and stopped when the test JVM ends: every class asks {@link #start()} and gets the same server.
 *
 * <p>The portal under test is told where it is by the environment failsafe gives it ({@code OIDC_*} in pom.xml, on
 * the reserved port {@code keycloak.port}); the portal reads a provider's metadata only when someone first signs in
 * through it, so the order in which Payara and Keycloak start does not matter.
 *
 * <p>A machine without the Temurin JDK, or without the unpacked distribution, fails the test and says what is
 * missing: nothing is skipped.
 */
public final class Keycloak {

    /** Every test user's password in the two realms. */
    public static final String PASSWORD = "keycloak-password";

    private static final Duration READY_WITHIN = Duration.ofSeconds(240);
    private static Keycloak running;

    private final Process process;
    private final int port;
    private final Path log;
    private final long startedInMillis;

    private Keycloak(Process process, int port, Path log, long startedInMillis) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.startedInMillis = startedInMillis;
    }

    /** The running Keycloak, started now if no test has started it yet. */
    public static synchronized Keycloak start() {
        if (running == null) {
            running = launch();
            Runtime.getRuntime().addShutdownHook(new Thread(running::stop, "stop-keycloak"));
        }
        return running;
    }

    /** The address of a realm, as the portal's issuer setting names it. */
    public String realm(String name) {
        return "http://localhost:" + port + "/realms/" + name;
    }

    public int port() {
        return port;
    }

    /** How long this server took from launch to answering, for the test report. */
    public long startedInMillis() {
        return startedInMillis;
    }

    private static Keycloak launch() {
        Path home = Path.of(required("keycloak.home"));
        Path javaHome = Path.of(required("keycloak.java.home"));
        Path realms = Path.of(required("keycloak.realms"));
        int port = Integer.parseInt(required("keycloak.port"));
        Path java = javaHome.resolve("bin/java");
        if (!Files.isExecutable(java)) {
            fail("The single sign-on tests run Keycloak with a Java 21 or later JDK, expected at " + javaHome
                    + " (the Temurin JDK; the build's own JDK 17 is too old for Keycloak). Install it there, or point"
                    + " -Dkeycloak.java.home=… at another JDK 21+: see the README, Test.");
        }
        Path script = home.resolve("bin/kc.sh");
        if (!Files.isRegularFile(script)) {
            fail("Keycloak is not unpacked at " + home + ": run the tests with 'mvn verify', which unpacks"
                    + " org.keycloak:keycloak-quarkus-dist there before the integration tests.");
        }
        try {
            // A fresh database each run, so the realms are imported as the files say (an import skips realms that exist).
            deleteTree(home.resolve("data/h2"));
            Path imports = home.resolve("data/import");
            deleteTree(imports);
            Files.createDirectories(imports);
            try (Stream<Path> files = Files.list(realms)) {
                for (Path realm : files.filter(f -> f.toString().endsWith("-realm.json")).toList()) {
                    Files.copy(realm, imports.resolve(realm.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Path log = home.getParent().resolve("keycloak.log");
            ProcessBuilder builder = new ProcessBuilder(List.of("bash", script.toString(), "start-dev",
                    "--http-port=" + port, "--http-host=127.0.0.1", "--hostname-strict=false", "--import-realm",
                    "--cache=local", "--health-enabled=false", "--metrics-enabled=false"))
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("JAVA_HOME", javaHome.toString());
            builder.environment().put("PATH", javaHome.resolve("bin") + File.pathSeparator + System.getenv("PATH"));
            // A small heap: the machine is shared with Payara, MariaDB and Chromium (Keycloak's default is 70 % of memory).
            builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
            // The quick compiler only, for the same reason as the test portals (TestJvm): a start here took 9 s, not 13 s.
            builder.environment().put("JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1");
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin-test-only");
            long begun = System.nanoTime();
            Process process = builder.start();
            Keycloak keycloak = new Keycloak(process, port, log, 0);
            keycloak.awaitReady();
            long millis = (System.nanoTime() - begun) / 1_000_000;
            System.out.println("Keycloak " + home.getFileName() + " answered on port " + port + " after " + millis + " ms");
            return new Keycloak(process, port, log, millis);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady() throws IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        List<String> realms = List.of("nhsmail", "council");
        int ready = 0;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                fail("Keycloak stopped while starting (exit " + process.exitValue() + "); its log, " + log + ", ends:\n" + tail());
            }
            try {
                HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create(realm(realms.get(ready))
                        + "/.well-known/openid-configuration")).timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200 && ++ready == realms.size()) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(500);
        }
        stop();
        fail("Keycloak did not answer within " + READY_WITHIN.toSeconds() + " s; its log, " + log + ", ends:\n" + tail());
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Stops Keycloak and everything it started. */
    void stop() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            fail("System property " + property + " is not set: run the integration tests with 'mvn verify', which sets it.");
        }
        return value;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
