package org.leadingtogether.platform;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The rules every one of the portal's minute timers keeps (booking reminders, 360 reminders, the outbox), in one
 * place: a run still going when the next is due (a slow mail server, a database held up) is left to finish rather than
 * joined by a second, and a run that fails is logged and left to the next minute, so one bad minute never stops the
 * timer.
 *
 * <p>Each feature's timer is an EJB singleton of its own ({@code @Schedule}, not persistent, so each instance of a
 * cluster runs its own; the jobs claim their rows so that each thing is done once) and holds one of these.
 */
public final class MinuteJob {

    private final AtomicBoolean running = new AtomicBoolean();
    private final Logger log;
    private final String what;

    /** A job logged under {@code owner}'s name as {@code what} ("Writing booking reminders") when a run fails. */
    public MinuteJob(Class<?> owner, String what) {
        this.log = Logger.getLogger(owner.getName());
        this.what = what;
    }

    /** Runs {@code job} unless the previous run is still going; says whether it ran. */
    public boolean run(Runnable job) {
        if (!running.compareAndSet(false, true)) {
            return false;
        }
        try {
            job.run();
        } catch (RuntimeException failed) {
            log.log(Level.WARNING, what + " failed this minute; the next run tries again", failed);
        } finally {
            running.set(false);
        }
        return true;
    }
}
