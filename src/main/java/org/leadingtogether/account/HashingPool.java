package org.leadingtogether.account;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ApplicationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.leadingtogether.platform.web.PageSlots;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
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

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(HashingPool.class.getName());

    @Inject
    @ConfigProperty(name = "SIGNIN_HASHING_THREADS")
    private Optional<Integer> configured;

    @Inject
    @ConfigProperty(name = "SIGNIN_WAITING_MAX")
    private Optional<Integer> configuredWaiting;

    private Semaphore permits;
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
    }

    @PostConstruct
    void init() {
        size = configured.filter(n -> n > 0).orElse(defaultSize(Runtime.getRuntime().availableProcessors()));
        maxWaiting = configuredWaiting.filter(n -> n >= 0).orElse(DEFAULT_MAX_WAITING);
        permits = new Semaphore(size, true);
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
        long cpuAtStart = HashingFigures.cpuNow();
        int together = running.incrementAndGet();
        try {
            return hashing.get();
        } finally {
            long end = System.nanoTime();
            long cpu = cpuAtStart < 0 ? -1 : HashingFigures.cpuNow() - cpuAtStart;
            running.decrementAndGet();
            permits.release();
            figures.checked(start - asked, end - start, cpu, together);
            report(end);
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
            hashing.run();
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
