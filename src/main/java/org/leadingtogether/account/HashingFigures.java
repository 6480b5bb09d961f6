package org.leadingtogether.account;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Optional;

/**
 * What the {@link HashingPool} did over the last few seconds, for the log an operator reads during a cohort launch:
 * how many passwords were checked, what one cost in CPU against the time it held its permit, how long sign-ins
 * waited, how many waited at most and how many were told to try again.
 *
 * <p>Why the two costs: a hash is about 20 ms of one core, but when the cores are full of everybody's pages the thread
 * computing it gets only a share of one, and the hash takes many times longer from start to end. The gap between the
 * two says whether sign-ins are slow because hashing is dear (the setting) or because the machine is busy (its size).
 *
 * <p>A window is reported only when somebody waited a second or more, or was refused: a portal going about its day
 * logs nothing.
 */
final class HashingFigures {

    /** How long one window lasts. */
    static final long WINDOW_NANOS = 10_000_000_000L;

    /** A window in which nobody waited this long, and nobody was refused, is not worth a line in the log. */
    static final long WORTH_REPORTING_NANOS = 1_000_000_000L;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private long windowStart;
    private int checked;
    private long cpuNanos;
    private long heldNanos;
    private long waitedNanos;
    private long longestWaitNanos;
    private int mostWaiting;
    private int mostRunning;
    private int refused;

    HashingFigures(long now) {
        this.windowStart = now;
    }

    /** The CPU time of the calling thread so far, or -1 where the JVM cannot tell. */
    static long cpuNow() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : -1;
    }

    /** One password checked: waited {@code waited}, then held a permit for {@code held}, of which {@code cpu} on a core. */
    synchronized void checked(long waited, long held, long cpu, int running) {
        checked++;
        waitedNanos += waited;
        longestWaitNanos = Math.max(longestWaitNanos, waited);
        heldNanos += held;
        cpuNanos += Math.max(0, cpu);
        mostRunning = Math.max(mostRunning, running);
    }

    synchronized void waiting(int now) {
        mostWaiting = Math.max(mostWaiting, now);
    }

    synchronized void refused() {
        refused++;
    }

    /**
     * The window's line if it has ended at {@code now} and is worth reporting, with the pool's {@code permits}; either
     * way a window that has ended starts again. A window ends at the first check or refusal after its ten seconds, so
     * the first line after a quiet spell covers the spell too, and says how long it was.
     */
    synchronized Optional<String> endIfDue(long now, int permits) {
        if (now - windowStart < WINDOW_NANOS) {
            return Optional.empty();
        }
        Optional<String> line = Optional.empty();
        if (refused > 0 || longestWaitNanos >= WORTH_REPORTING_NANOS) {
            double seconds = (now - windowStart) / 1e9;
            line = Optional.of(String.format(java.util.Locale.UK,
                    "Sign-ins in the last %.0f s: %d passwords checked (%.1f a second), each %.0f ms of CPU in %.0f ms "
                            + "with its turn; waited %.1f s on average, %.1f s at most; %d waiting at most; %d of %d checking "
                            + "at once at most; %d told to try again",
                    seconds, checked, checked / seconds, perCheckMillis(cpuNanos), perCheckMillis(heldNanos),
                    perCheckMillis(waitedNanos) / 1000,
                    longestWaitNanos / 1e9, mostWaiting, mostRunning, permits, refused));
        }
        windowStart = now;
        checked = 0;
        cpuNanos = 0;
        heldNanos = 0;
        waitedNanos = 0;
        longestWaitNanos = 0;
        mostWaiting = 0;
        mostRunning = 0;
        refused = 0;
        return line;
    }

    /** {@code nanos} shared out over the window's checks, in milliseconds. */
    private double perCheckMillis(long nanos) {
        return checked == 0 ? 0 : nanos / 1e6 / checked;
    }
}
