package org.leadingtogether.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * With {@code PAGE_SLOTS} set, at most that many pages are worked on at once; the others wait for a slot in the order
 * they came. Off by default.
 *
 * <p>Why: the cores are shared among the threads that want them, not among the work. When more pages arrive than the
 * cores can serve, hundreds of request threads each take a sliver of a core, and the few threads checking passwords
 * (the hashing pool in {@code account}) are left a sliver each too: in a sign-in rush on two cores, a check of 33 ms of
 * CPU took 120 to 470 ms from start to end, so sign-ins were checked two to eight times a second while seventeen
 * arrived, and most were told to try again. With the pages bounded to a few at once, the page threads that would
 * only have shared the cores wait in line instead, and a password check competes with a handful of threads rather than
 * dozens. A thread waiting for its turn to check a password gives its slot up meanwhile ({@link #outside}), so that
 * waiting sign-ins never hold up pages, and a check runs outside the slots.
 *
 * <p>Why off by default: it moves the cores from pages to sign-ins, it does not add to them. On a machine too small
 * for its rush, more people get in and everybody's pages are slower (src/load/MEASUREMENTS.md has the figures,
 * under the fifth machine); on a machine big enough, nobody waits for a slot. An operator who would rather let a
 * launch's learners in than keep pages quick sets it, with more hashing threads: {@code PAGE_SLOTS=4 SIGNIN_HASHING_THREADS=4} let a
 * whole rush of 1,000 in on a slow two-core machine, where eight or sixteen slots let fewer in. Where the JVM passes
 * thread priorities on ({@link RequestPriority}), that does better without slots: the checks come first and pages
 * take the rest of the cores: a rush of 1,000 on two cores was let in within a second at p99, with pages' p99 at
 * 0.6 to 1.4 s (four slots, on a machine as slow, left them at 5 s).
 *
 * <p>Only Faces pages take a slot; style sheets, scripts and images ({@link CompressedResources}) are served from
 * memory in a moment and pass by. A page that waits {@link #LONGEST_WAIT} without a slot goes ahead without one, so a
 * database that hangs can slow pages but never stop them. {@code PAGE_SLOTS=0} turns the slots off.
 */
@WebFilter(filterName = "PageSlots", urlPatterns = "*.xhtml")
public class PageSlots extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(PageSlots.class.getName());

    /** The longest a page waits for a slot before it goes ahead without one. */
    static final long LONGEST_WAIT = TimeUnit.SECONDS.toMillis(10);

    /** The slot the current request holds, if any. */
    private static final ThreadLocal<Semaphore> HELD = new ThreadLocal<>();

    private Semaphore slots;

    public PageSlots() {
        // for the container; the slots are counted in init()
    }

    /** A filter with {@code count} slots (none when 0): for tests. */
    PageSlots(int count) {
        slots = count > 0 ? new Semaphore(count, true) : null;
    }

    @Override
    public void init(FilterConfig config) throws ServletException {
        super.init(config);
        int count = ConfigProvider.getConfig().getOptionalValue("PAGE_SLOTS", Integer.class).orElse(0);
        slots = count > 0 ? new Semaphore(count, true) : null;
        if (count > 0) {
            LOG.info("Pages are worked on " + count + " at a time (PAGE_SLOTS)");
        }
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (slots == null || HELD.get() != null
                || request.getRequestURI().startsWith(request.getContextPath() + "/jakarta.faces.resource/")) {
            chain.doFilter(request, response);
            return;
        }
        boolean taken = take(slots);
        if (taken) {
            HELD.set(slots);
        }
        try {
            chain.doFilter(request, response);
        } finally {
            Semaphore held = HELD.get();
            HELD.remove();
            if (held != null) {
                held.release();
            }
        }
    }

    private static boolean take(Semaphore slots) {
        try {
            return slots.tryAcquire(LONGEST_WAIT, TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Runs {@code waiting} with the current request's slot given up, and takes a slot again afterwards: for work that
     * mostly waits (a sign-in queuing for its password check), so that it holds up no page meanwhile. Outside a page,
     * or without slots, it simply runs.
     */
    public static <T> T outside(Supplier<T> waiting) {
        Semaphore held = HELD.get();
        if (held == null) {
            return waiting.get();
        }
        HELD.remove();
        held.release();
        try {
            return waiting.get();
        } finally {
            if (take(held)) {
                HELD.set(held);
            }
        }
    }
}
