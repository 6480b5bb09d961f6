package org.leadingtogether.account;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ApplicationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
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
 */
@ApplicationScoped
public class HashingPool {

    /** How long a sign-in waits for its turn to be checked before it is told to try again. */
    public static final Duration MAX_WAIT = Duration.ofSeconds(20);

    @Inject
    @ConfigProperty(name = "SIGNIN_HASHING_THREADS")
    private Optional<Integer> configured;

    private Semaphore permits;
    private int size;
    private Duration maxWait = MAX_WAIT;

    protected HashingPool() {
        // for CDI; sized in init()
    }

    /** A pool of {@code size} permits whose callers wait at most {@code maxWait}: for tests. */
    HashingPool(int size, Duration maxWait) {
        this.size = size;
        this.maxWait = maxWait;
        this.permits = new Semaphore(size, true);
    }

    @PostConstruct
    void init() {
        size = configured.filter(n -> n > 0).orElse(defaultSize(Runtime.getRuntime().availableProcessors()));
        permits = new Semaphore(size, true);
    }

    /** One fewer than the cores, and at least one: the rest stays free for pages. */
    static int defaultSize(int cores) {
        return Math.max(1, cores - 1);
    }

    /** Runs {@code hashing} once a permit is free; {@link BusyException} when none is within {@link #MAX_WAIT}. */
    public <T> T run(Supplier<T> hashing) {
        boolean acquired;
        try {
            acquired = permits.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new BusyException();
        }
        if (!acquired) {
            throw new BusyException();
        }
        try {
            return hashing.get();
        } finally {
            permits.release();
        }
    }

    /**
     * Runs {@code hashing} only if a permit is free this moment, and says whether it ran. For work that can wait for
     * a quieter time, such as making a legacy hash again at sign-in: in a rush it is left for the next sign-in.
     */
    public boolean runIfIdle(Runnable hashing) {
        if (!permits.tryAcquire()) {
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
