package org.leadingtogether.account;

import com.sun.management.HotSpotDiagnosticMXBean;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ApplicationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.leadingtogether.platform.web.PageSlots;
import org.leadingtogether.platform.web.RequestPriority;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The few threads' worth of CPU that password hashing may take at once. Every password check and every new hash
 * goes through {@link #run}, which waits for one of a fixed number of permits.
 *
 * <p>Why: a password hash is made to be slow (tens of milliseconds of one core), and a sign-in pays it whether the
 * password is right or not. When a cohort launches or a Monday morning begins, sign-ins arrive faster than two cores
 * can hash them. Left alone, every request thread would be hashing at once, the cores would be shared between all of
 * them, and the pages of people already signed in (a few milliseconds of work each) would queue behind the hashing.
 * With the permits bounded to one fewer than the cores (at least one), the hashes queue among themselves and at
 * least one core stays free for everybody else's pages; sign-ins then take longer in a rush, nothing else does.
 *
 * <p>A sign-in that cannot get a permit within {@link #MAX_WAIT} is answered "busy, try again in a minute" ({@link
 * BusyException}), never "wrong password", and its attempt is not counted against the address. Set
 * {@code SIGNIN_HASHING_THREADS} to choose the number of permits on a bigger machine.
 *
 * <p>A sign-in waits for its permit on its request thread, and request threads are few (the runnable jar has
 * {@value #REQUEST_THREADS}, see {@code pre-boot-commands.txt}). When sign-ins arrive faster than the cores hash them,
 * the waiting ones add up (arrivals a second times the wait: 17 a second waiting 15 s is 250), and once they hold every
 * request thread, the pages of people already signed in queue behind them however cheap those pages are. So at most
 * {@code SIGNIN_WAITING_MAX} sign-ins ({@value #DEFAULT_MAX_WAITING} by default, leaving a hundred threads for pages)
 * wait at once; one more is told at once that the portal is busy, as one that waited too long is.
 *
 * <p>Where pages are served a few at a time ({@code PAGE_SLOTS}), a sign-in gives its page slot up while it waits and
 * while its password is checked ({@link PageSlots#outside}): waiting sign-ins hold up no page, and the check competes
 * for the cores with those few pages rather than with every request thread.
 *
 * <p>The hashes run on the pool's own threads, one a permit, made when the portal starts; the sign-in's request
 * thread waits for the result. Why: the cores are shared among the threads that want them, so in a rush the one
 * thread checking passwords got a sliver of a core among dozens of threads serving pages (a check of 33 ms of CPU took
 * 120 to 470 ms), sign-ins were checked a few times a second while seventeen arrived, and most were told to try again.
 * Request threads run at Java's lowest priority ({@link RequestPriority}) and these threads at the normal one, so
 * where the JVM passes priorities on to the system ({@value #PRIORITY_FLAGS}, as the README's commands and
 * {@code deploy/} start it) the system runs a password check before pages whenever both wait for a core: a rush of
 * 1,000 sign-ins in a minute on two cores then let everyone in within 0.6 s at p99, with pages' p99 within 1.4 s.
 * The JIT compiler's threads go to nice 5, behind the checks: Java would put them at -4, ahead of them, and in the first
 * rush after a start, while the compiler is still busy, sign-ins then waited 13 to 18 s at the median where they waited
 * 2 to 4 s with it behind (README, Signing in).
 * Without those flags Java's priorities change nothing, and the portal says so in its log at start. (At nice 10
 * rather than 19 the request threads still outweighed a check, dozens to one, and sign-ins' p99 stayed at 15 to
 * 18 s.)
 *
 * <p>When anybody waited a second or more, or was refused, the pool logs what it did every ten seconds ({@link
 * HashingFigures}): an operator watching a launch sees the checks a second, what a check cost and the queue.
 */
@ApplicationScoped
public class HashingPool {

    /** How long a sign-in waits for its turn to be checked before it is told to try again. */
    public static final Duration MAX_WAIT = Duration.ofSeconds(20);

    /** The request threads of the runnable jar ({@code pre-boot-commands.txt} sets them). */
    public static final int REQUEST_THREADS = 400;

    /** How many sign-ins may wait for a permit at once unless {@code SIGNIN_WAITING_MAX} says otherwise. */
    public static final int DEFAULT_MAX_WAITING = REQUEST_THREADS - 100;

    /**
     * The JVM options that let thread priorities reach the system: the normal priority stays nice 0, the lowest is nice
     * 19, and the JIT compiler's threads run at nice 5, behind password checks and ahead of pages.
     */
    public static final String PRIORITY_FLAGS = "-XX:ThreadPriorityPolicy=1 -XX:JavaPriority1_To_OSPriority=19 -XX:CompilerThreadPriority=5";

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(HashingPool.class.getName());

    @Inject
    @ConfigProperty(name = "SIGNIN_HASHING_THREADS")
    private Optional<Integer> configured;

    @Inject
    @ConfigProperty(name = "SIGNIN_WAITING_MAX")
    private Optional<Integer> configuredWaiting;

    private Semaphore permits;
    private ExecutorService checking;
    private int size;
    private Duration maxWait = MAX_WAIT;
    private int maxWaiting = DEFAULT_MAX_WAITING;
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();
    private final HashingFigures figures = new HashingFigures(System.nanoTime());

    protected HashingPool() {
        // for CDI; sized in init()
    }

    /** A pool of {@code size} permits whose callers wait at most {@code maxWait}, {@code maxWaiting} at once: for tests. */
    HashingPool(int size, Duration maxWait, int maxWaiting) {
        this.size = size;
        this.maxWait = maxWait;
        this.maxWaiting = maxWaiting;
        this.permits = new Semaphore(size, true);
        this.checking = threads(size);
    }

    @PostConstruct
    void init() {
        size = configured.filter(n -> n > 0).orElse(defaultSize(Runtime.getRuntime().availableProcessors()));
        maxWaiting = configuredWaiting.filter(n -> n >= 0).orElse(DEFAULT_MAX_WAITING);
        permits = new Semaphore(size, true);
        checking = threads(size);
        if (prioritiesReachTheSystem()) {
            LOG.info("Passwords are checked on " + size + " thread(s) that the system runs before pages when the cores are busy");
        } else {
            LOG.info("Passwords are checked on " + size + " thread(s) that share the cores equally with pages; start Java with "
                    + PRIORITY_FLAGS + " so that in a rush of sign-ins passwords are checked first (README, \"The Monday-morning rush\")");
        }
    }

    /**
     * Made when the portal starts, not at the first sign-in: a thread takes the system priority of the thread that
     * makes it, and a request thread's has been lowered by then, which only a privileged process may raise again.
     */
    void atStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // Observing the start is what creates the pool, and with it the threads, on the thread that deploys the portal.
    }

    @PreDestroy
    void stop() {
        checking.shutdownNow();
    }

    /** {@code size} threads at Java's normal priority, started now and kept. */
    private static ExecutorService threads(int size) {
        AtomicInteger made = new AtomicInteger();
        ThreadPoolExecutor threads = new ThreadPoolExecutor(size, size, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread thread = new Thread(task, "password-check-" + made.incrementAndGet());
            thread.setDaemon(true);
            thread.setPriority(Thread.NORM_PRIORITY);
            return thread;
        });
        threads.prestartAllCoreThreads();
        return threads;
    }

    private static boolean prioritiesReachTheSystem() {
        try {
            HotSpotDiagnosticMXBean jvm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            return jvm != null && "1".equals(jvm.getVMOption("ThreadPriorityPolicy").getValue());
        } catch (RuntimeException notHotSpot) {
            return false;
        }
    }

    /** One fewer than the cores, and at least one: the rest stays free for pages. */
    static int defaultSize(int cores) {
        return Math.max(1, cores - 1);
    }

    /**
     * Runs {@code hashing} once a permit is free; {@link BusyException} when none is within {@link #MAX_WAIT}, or at
     * once when as many callers as may wait are waiting already.
     */
    public <T> T run(Supplier<T> hashing) {
        // Neither the wait nor the hash is a page's work: the page slot, if any, is given up meanwhile.
        return PageSlots.outside(() -> inTurn(hashing));
    }

    private <T> T inTurn(Supplier<T> hashing) {
        long asked = System.nanoTime();
        if (!acquire()) {
            figures.refused();
            report(System.nanoTime());
            throw new BusyException();
        }
        long start = System.nanoTime();
        int together = running.incrementAndGet();
        long[] cpu = {-1};
        try {
            return onCheckingThread(() -> {
                long cpuAtStart = HashingFigures.cpuNow();
                try {
                    return hashing.get();
                } finally {
                    cpu[0] = cpuAtStart < 0 ? -1 : HashingFigures.cpuNow() - cpuAtStart;
                }
            });
        } finally {
            long end = System.nanoTime();
            running.decrementAndGet();
            permits.release();
            figures.checked(start - asked, end - start, cpu[0], together);
            report(end);
        }
    }

    /**
     * Runs {@code hashing} on one of the pool's threads and waits for it: a permit holder always finds a thread free,
     * since there are as many threads as permits. What it throws is thrown here as itself. An interrupt does not stop a
     * check of a few milliseconds half-way: it is waited for, and the interrupt kept.
     */
    private <T> T onCheckingThread(Supplier<T> hashing) {
        Future<T> check = checking.submit(hashing::get);
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return check.get();
                } catch (InterruptedException interrupt) {
                    interrupted = true;
                } catch (ExecutionException failed) {
                    if (failed.getCause() instanceof RuntimeException thrown) {
                        throw thrown;
                    }
                    if (failed.getCause() instanceof Error thrown) {
                        throw thrown;
                    }
                    throw new IllegalStateException(failed.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void report(long now) {
        figures.endIfDue(now, size).ifPresent(LOG::info);
    }

    /**
     * Takes a permit: at once if one is free and nobody is waiting (a fair semaphore's zero wait keeps the queue's
     * order), else by waiting, if a place to wait is left.
     */
    private boolean acquire() {
        try {
            if (permits.tryAcquire(0, TimeUnit.MILLISECONDS)) {
                return true;
            }
            int queued = waiting.incrementAndGet();
            if (queued > maxWaiting) {
                waiting.decrementAndGet();
                return false;
            }
            figures.waiting(queued);
            try {
                return permits.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS);
            } finally {
                waiting.decrementAndGet();
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** How many callers are waiting for a permit this moment. */
    int getWaiting() {
        return waiting.get();
    }

    /**
     * Runs {@code hashing} only if a permit is free this moment, and says whether it ran. For work that can wait for
     * a quieter time, such as making a legacy hash again at sign-in: in a rush it is left for the next sign-in.
     */
    public boolean runIfIdle(Runnable hashing) {
        try {
            // The timed form, with no wait, keeps the queue's order: a permit just given back to a waiting sign-in
            // stays theirs (the untimed form would take it past them).
            if (!permits.tryAcquire(0, TimeUnit.MILLISECONDS)) {
                return false;
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
        try {
            onCheckingThread(() -> {
                hashing.run();
                return null;
            });
            return true;
        } finally {
            permits.release();
        }
    }

    /** How many hashes may be computed at once. */
    public int getSize() {
        return size;
    }

    /**
     * No permit came free in time: so many people are signing in that this one must try again shortly. An
     * application exception, so that it reaches the sign-in page as itself rather than wrapped by the container.
     */
    @ApplicationException(rollback = false)
    public static class BusyException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public BusyException() {
            super("Too many sign-ins are waiting for their password to be checked");
        }
    }
}
