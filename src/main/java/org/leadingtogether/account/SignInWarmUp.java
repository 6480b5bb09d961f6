package org.leadingtogether.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * After a start, opens the pages everybody's first visit opens (the sign-in page, the front door, "Forgot your
 * password?") a few hundred times over the loopback, checks a made-up password a few dozen times, and makes twenty
 * visits behind sign-in as a throwaway learner (about 4,000 pages), before the instance says it is ready
 * ({@code /health/ready}, check "warm-up").
 *
 * <p>Why: for its first minutes the JVM runs the portal's code slowly while it compiles it, on the same two cores that
 * serve people. A cohort launch straight after a restart was measured at a p99 of 22 s over all requests with 637
 * failures, where the same rush once the JVM had compiled the code had a p99 of 0.6 s (README, "The Monday-morning
 * rush"). The pages opened first share most of their code with every other page (the layout, the Faces life cycle, the
 * filters, compression), and the password check is the costliest thing a sign-in does. Then a throwaway learner
 * ({@link WarmUpAccount}) signs in through the form {@link #SIGNED_IN_VISITS} times and opens what a learner opens
 * (home, catalogue, modules: {@link SignedInVisits}), so the pages behind sign-in, their queries and the sign-in itself
 * are compiled too. On the twenty-second machine (README), rushes straight after a start had an overall p99 of 1.4 to
 * 9.5 s with only the pages of a first visit (four starts), and of 0.31 to 0.64 s with these visits as well (three
 * starts); the compiler's work during the rush halved (59 to 61 s of CPU before, 25 to 28 s after).
 *
 * <p>What it asks for changes nothing people see: the first pages keep no session ({@code StatelessPages}), the
 * password checks run on this thread against the decoy, outside the {@link HashingPool} and the sign-in throttles, and
 * the throwaway learner is in no cohort, has an address nobody can have, and is deleted with its lessons, its
 * self-assessment and all its visits wrote as soon as its visits are over. It runs on a thread of its own at Java's
 * lowest priority, takes at most {@link #LIMIT}, and is logged with what it did. A load balancer that asks {@code /health/ready} (as a restart one
 * instance at a time does, {@code deploy/}) sends nobody until it is over. {@code WARM_UP=false} turns it off (the integration tests do: their portals run
 * without the optimising compiler, so there is nothing to warm).
 *
 * <p>The last password checks, by then compiled, also tell what a check costs on this machine in CPU time
 * ({@link #millisOnCore}), and so how many sign-ins a minute the {@link HashingPool}'s threads can take before a rush
 * waits in line: logged at each start ({@link #capacity}), because it differs from one machine to the next (17 to
 * 30 ms on two-core machines of the same size, README) and is what an operator needs to know before a cohort launch.
 */
@Readiness
@ApplicationScoped
public class SignInWarmUp implements HealthCheck {

    /** What a first visit opens; each answers without a session. */
    static final List<String> PAGES = List.of("/sign-in.xhtml", "/", "/forgot-password.xhtml");

    /** Rounds of {@link #PAGES}: enough for the JIT's optimising compiler to take the shared code (measured, README). */
    static final int ROUNDS = 200;

    /** Password checks: a round in four checks one. */
    static final int CHECKS = ROUNDS / 4;

    /** The last checks, compiled by then, whose median is a check's cost on this machine. */
    static final int TIMED_CHECKS = 10;

    /**
     * Visits made behind sign-in by a throwaway learner ({@link WarmUpAccount}), each of {@link SignedInVisits}'s 205
     * pages. Fewer pages did not do it: forty visits of 15 pages (600 in all) left the first rush's p99 at 0.5 to 9.2 s
     * in four starts, as the JIT compiler optimises a method only once it has run some thousands of times, and a method
     * run once a page needs as many pages.
     */
    static final int SIGNED_IN_VISITS = 20;

    /** Longest the warm-up may take, however slow the machine: after it the instance is ready regardless. */
    static final Duration LIMIT = Duration.ofSeconds(90);

    private static final Logger LOG = Logger.getLogger(SignInWarmUp.class.getName());

    @Inject
    @ConfigProperty(name = "warm.up", defaultValue = "true")
    private boolean enabled;

    /**
     * Visits behind sign-in ({@code WARM_UP_VISITS}), {@link #SIGNED_IN_VISITS} unless set: fewer make an instance ready
     * sooner after a start, and leave more of the compiling to the first people in (README, "The Monday-morning rush").
     */
    @Inject
    @ConfigProperty(name = "warm.up.visits", defaultValue = "" + SIGNED_IN_VISITS)
    private int visits;

    @Inject
    @ConfigProperty(name = "payara.instance.http.port")
    private Optional<Integer> port;

    @Inject
    private PasswordHasher hasher;

    @Inject
    private HashingPool pool;

    @Inject
    private WarmUpAccount warmUpAccount;

    private volatile boolean over;

    void atStart(@Observes @Initialized(ApplicationScoped.class) ServletContext context) {
        if (!enabled || port.isEmpty()) {
            over = true;
            LOG.info(enabled ? "No warm-up: the HTTP port is not known" : "No warm-up (WARM_UP=false)");
            return;
        }
        String base = "http://127.0.0.1:" + port.get() + context.getContextPath();
        Thread thread = new Thread(() -> run(base), "warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("warm-up").status(over).build();
    }

    private void run(String base) {
        long started = System.nanoTime();
        long deadline = started + LIMIT.toNanos();
        int pages = 0;
        int checks = 0;
        double[] timed = new double[TIMED_CHECKS];
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            // This runs while the portal is still being deployed: its pages answer once it is.
            while (answer(client, base + PAGES.get(0)) != 200) {
                if (System.nanoTime() > deadline) {
                    LOG.warning("Warm-up given up: " + base + PAGES.get(0) + " did not answer within " + LIMIT.toSeconds() + " s");
                    return;
                }
                Thread.sleep(500);
            }
            for (int round = 0; round < ROUNDS && System.nanoTime() < deadline; round++) {
                for (String page : PAGES) {
                    answer(client, base + page);
                    pages++;
                }
                if (round % (ROUNDS / CHECKS) == 0) {
                    timed[checks % TIMED_CHECKS] = millisOnCore(hasher::warmUp);
                    checks++;
                }
            }
            int signedIn = signedInVisits(base, () -> System.nanoTime() < deadline);
            LOG.info(String.format(Locale.ROOT, "Warmed up in %.1f s: %d pages, %d password checks and %d pages behind sign-in, before anybody's"
                    + " first visit (WARM_UP=false turns this off)", (System.nanoTime() - started) / 1e9, pages, checks, signedIn));
            if (checks >= TIMED_CHECKS) {
                LOG.info(capacity(timed, pool.getSize()));
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException failed) {
            LOG.log(Level.WARNING, "Warm-up given up after " + pages + " pages; the portal works as usual, only slower for its first minutes", failed);
        } finally {
            over = true;
        }
    }

    /**
     * Signs a throwaway learner in {@code WARM_UP_VISITS} times ({@link #SIGNED_IN_VISITS} unless set; none at 0) and
     * opens the pages a learner opens, then deletes the learner, whatever happened; returns the pages opened. A
     * failure is logged and ends only this part: the portal then compiles those pages as people use them, as it did
     * before.
     */
    private int signedInVisits(String base, BooleanSupplier inTime) throws InterruptedException {
        if (visits <= 0) {
            return 0;
        }
        WarmUpAccount.Credentials account;
        try {
            account = warmUpAccount.create();
        } catch (RuntimeException failed) {
            LOG.log(Level.WARNING, "No warm-up behind sign-in: its account could not be made", failed);
            return 0;
        }
        try {
            return new SignedInVisits(base, account).make(visits, inTime);
        } catch (IOException | RuntimeException failed) {
            LOG.log(Level.WARNING, "Warm-up behind sign-in given up; the portal works as usual, only slower for its first minutes", failed);
            return 0;
        } finally {
            try {
                warmUpAccount.remove(account.email());
            } catch (RuntimeException failed) {
                LOG.log(Level.WARNING, "The warm-up account " + account.email() + " could not be deleted; an hourly job deletes it once the database answers, as does the next start", failed);
            }
        }
    }

    /**
     * The CPU time {@code check} took on this thread, in ms; its time from start to end only where the JVM cannot tell
     * a thread's CPU time. The warm-up runs at the lowest priority while the compiler still works on the rest of the
     * portal, so its checks also wait for a core, for longer at some starts than at others: timed from start to end,
     * five starts of one jar on one machine gave 21.1 to 41.9 ms a check, and in CPU time 22.1 to 24.3 ms. The CPU a
     * check takes is what it costs a checking thread that has a core, which is what {@link #capacity} assumes.
     */
    static double millisOnCore(Runnable check) {
        long cpuStarted = HashingFigures.cpuNow();
        long started = System.nanoTime();
        check.run();
        long cpuEnded = HashingFigures.cpuNow();
        long nanos = cpuStarted >= 0 && cpuEnded >= 0 ? cpuEnded - cpuStarted : System.nanoTime() - started;
        return nanos / 1e6;
    }

    /**
     * What a password check costs here (the median of {@code millis}, the last checks' CPU times) and how many sign-ins a
     * minute {@code threads} checking threads take at that cost: the rate beyond which a rush waits in line. It is an
     * upper bound, each thread with a core to itself (pages yield to it, {@link org.leadingtogether.platform.web.RequestPriority}):
     * the database, the compiler's own threads and the rest of each sign-in take their share too, and in the first rush
     * after a start on a slow machine a checking thread had about a third of a core (src/load/MEASUREMENTS.md, the
     * eleventh machine).
     */
    static String capacity(double[] millis, int threads) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        double median = sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        long perMinute = Math.round(threads * 60_000 / median);
        return String.format(Locale.ROOT, "Password checks take %.1f ms of CPU each here (the median of the last %d at start, computed by %s), so the %d"
                + " thread(s) checking them take at most about %,d sign-ins a minute; a faster rush waits in line for them, up to"
                + " %d s each (SIGNIN_HASHING_THREADS, README \"The Monday-morning rush\")",
                median, sorted.length, Argon2idHash.engine(), threads, perMinute, HashingPool.MAX_WAIT.toSeconds());
    }

    /** The status of one GET as a browser's first visit sends it, or 0 if the portal did not answer. */
    private static int answer(HttpClient client, String url) throws InterruptedException {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("Accept", "text/html,application/xhtml+xml").header("Accept-Encoding", "gzip").GET().build();
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException notYet) {
            return 0;
        }
    }
}
