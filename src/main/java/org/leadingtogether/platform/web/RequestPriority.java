package org.leadingtogether.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Serves every request on a thread of Java's lowest priority, so that the threads checking passwords (the hashing
 * pool in {@code account}, at the normal priority) come first when both wait for a core.
 *
 * <p>Why: in a sign-in rush the cores are shared among the threads that want them, and a page is served by one of
 * hundreds of request threads while passwords are checked by one or a few. Equal shares left the password checks a
 * sliver each, and most of a launch's learners were told to try again. With the JVM started with
 * {@code -XX:ThreadPriorityPolicy=1 -XX:JavaPriority1_To_OSPriority=19 -XX:CompilerThreadPriority=5} (the README's
 * commands and {@code deploy/} do), request threads run at nice 19, the JIT compiler at nice 5 and the checks at nice
 * 0: the system gives a check its core first, and pages take what is left, which on a machine that is not full is all
 * they need. Nice 19 rather than a milder value because the
 * request threads are many: at nice 10, fifty of them busy still outweighed one check five to one. Without those
 * options Java's priorities are not passed on and nothing changes.
 *
 * <p>A thread is lowered once and never raised again: raising a thread's priority back needs a privilege an ordinary
 * user does not have. Request threads serve only requests, so they stay lowered; a thread they start takes their
 * priority, which suits work done on behalf of a request.
 */
@WebFilter(filterName = "RequestPriority", urlPatterns = "/*")
public class RequestPriority extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        lower();
        chain.doFilter(request, response);
    }

    /** Lowers the current thread to Java's lowest priority, if it is not there yet. */
    static void lower() {
        Thread thread = Thread.currentThread();
        if (thread.getPriority() != Thread.MIN_PRIORITY) {
            thread.setPriority(Thread.MIN_PRIORITY);
        }
    }
}
