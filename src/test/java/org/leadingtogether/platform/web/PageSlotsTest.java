package org.leadingtogether.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.leadingtogether.support.Pauses;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PageSlotsTest {

    private static final HttpServletResponse RESPONSE = (HttpServletResponse) Proxy.newProxyInstance(
            PageSlotsTest.class.getClassLoader(), new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> null);

    private static HttpServletRequest request(String uri) {
        return (HttpServletRequest) Proxy.newProxyInstance(PageSlotsTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getRequestURI" -> uri;
                    case "getContextPath" -> "";
                    default -> null;
                });
    }

    /** Twelve pages at once through two slots: two are worked on at a time, and every one is answered. */
    @Test
    void noMorePagesAreWorkedOnAtOnceThanThereAreSlots() throws Exception {
        PageSlots filter = new PageSlots(2);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        AtomicInteger answered = new AtomicInteger();
        FilterChain page = (request, response) -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            Pauses.sleep(30);
            running.decrementAndGet();
            answered.incrementAndGet();
        };
        ExecutorService threads = Executors.newFixedThreadPool(12);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                done.add(threads.submit(() -> {
                    filter.doFilter(request("/learner/home.xhtml"), RESPONSE, page);
                    return null;
                }));
            }
            for (Future<?> each : done) {
                each.get(30, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        assertEquals(12, answered.get());
        assertEquals(2, most.get(), "two slots: two pages at a time, and both used");
    }

    /** Style sheets and scripts come from memory in a moment: they never wait behind pages. */
    @Test
    void resourcesAndEverythingWhenTurnedOffPassBy() throws Exception {
        PageSlots filter = new PageSlots(1);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread slow = new Thread(() -> call(filter, "/learner/home.xhtml", (request, response) -> {
            holding.countDown();
            Pauses.await(release);
        }));
        slow.start();
        try {
            assertTrue(holding.await(5, TimeUnit.SECONDS));
            AtomicInteger served = new AtomicInteger();
            long start = System.nanoTime();
            filter.doFilter(request("/jakarta.faces.resource/portal.css.xhtml"), RESPONSE, (request, response) -> served.incrementAndGet());
            new PageSlots(0).doFilter(request("/learner/home.xhtml"), RESPONSE, (request, response) -> served.incrementAndGet());
            assertEquals(2, served.get());
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5), "neither waited for the page's slot");
        } finally {
            release.countDown();
            slow.join();
        }
    }

    /**
     * A sign-in waiting for its password check gives its slot up: with one slot, a page arriving meanwhile is served
     * while the sign-in waits, and the sign-in then takes a slot again to finish its own page.
     */
    @Test
    void aSignInWaitingForItsPasswordCheckHoldsUpNoPage() throws Exception {
        PageSlots filter = new PageSlots(1);
        CountDownLatch waitingForCheck = new CountDownLatch(1);
        CountDownLatch checked = new CountDownLatch(1);
        AtomicInteger afterCheck = new AtomicInteger();
        Thread signIn = new Thread(() -> call(filter, "/sign-in.xhtml", (request, response) -> {
            PageSlots.outside(() -> {
                waitingForCheck.countDown();
                Pauses.await(checked);
                return null;
            });
            afterCheck.incrementAndGet();
        }));
        signIn.start();
        try {
            assertTrue(waitingForCheck.await(5, TimeUnit.SECONDS));
            AtomicInteger served = new AtomicInteger();
            Thread page = new Thread(() -> call(filter, "/learner/home.xhtml", (request, response) -> served.incrementAndGet()));
            page.start();
            page.join(5_000);
            assertEquals(1, served.get(), "the page was served while the sign-in waited for its check");
            assertEquals(0, afterCheck.get());
        } finally {
            checked.countDown();
            signIn.join(10_000);
        }
        assertFalse(signIn.isAlive());
        assertEquals(1, afterCheck.get(), "the sign-in finished its page once checked");
        // Its slot came back: one more page gets it at once.
        AtomicInteger last = new AtomicInteger();
        filter.doFilter(request("/learner/home.xhtml"), RESPONSE, (request, response) -> last.incrementAndGet());
        assertEquals(1, last.get());
    }

    private static void call(PageSlots filter, String uri, FilterChain chain) {
        try {
            filter.doFilter(request(uri), RESPONSE, chain);
        } catch (Exception failed) {
            throw new IllegalStateException(failed);
        }
    }
}
