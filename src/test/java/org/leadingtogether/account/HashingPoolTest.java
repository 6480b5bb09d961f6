package org.leadingtogether.account;

import org.junit.jupiter.api.Test;
import org.leadingtogether.support.Pauses;

import java.time.Duration;
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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HashingPoolTest {

    @Test
    void itLeavesOneCoreFreeAndNeverHasFewerThanOnePermit() {
        assertEquals(1, HashingPool.defaultSize(1));
        assertEquals(1, HashingPool.defaultSize(2));
        assertEquals(7, HashingPool.defaultSize(8));
    }

    @Test
    void noMoreHashesRunAtOnceThanItHasPermits() throws Exception {
        HashingPool pool = new HashingPool(2, Duration.ofSeconds(30), 100);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        ExecutorService requests = Executors.newFixedThreadPool(12);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                int n = i;
                done.add(requests.submit(() -> pool.run(() -> {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    Pauses.sleep(20);
                    running.decrementAndGet();
                    return n;
                })));
            }
            for (int i = 0; i < done.size(); i++) {
                assertEquals(i, done.get(i).get(30, TimeUnit.SECONDS));
            }
        } finally {
            requests.shutdownNow();
        }
        assertEquals(2, most.get(), "twelve request threads, two permits: two hashes at a time, and both used");
    }

    @Test
    void aSignInThatCannotGetATurnInTimeIsToldTheportalIsBusy() throws Exception {
        HashingPool pool = new HashingPool(1, Duration.ofMillis(200), 100);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread hog = new Thread(() -> pool.run(() -> {
            holding.countDown();
            Pauses.await(release);
            return null;
        }));
        hog.start();
        assertTrue(holding.await(5, TimeUnit.SECONDS));
        try {
            assertThrows(HashingPool.BusyException.class, () -> pool.run(() -> "never"));
            assertFalse(pool.runIfIdle(() -> { }), "work that can wait is not done while the pool is busy");
        } finally {
            release.countDown();
            hog.join();
        }
        assertTrue(pool.runIfIdle(() -> { }), "and is done once it is idle");
        assertEquals("now", pool.run(() -> "now"));
    }

    /**
     * Sign-ins wait on request threads: past the allowed number of waiting ones, the next is told the portal is busy at
     * once, so that the threads left serve the pages of people already signed in.
     */
    @Test
    void pastTheWaitingPlacesASignInIsToldAtOnceThatThePortalIsBusy() throws Exception {
        HashingPool pool = new HashingPool(1, Duration.ofSeconds(60), 2);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService requests = Executors.newFixedThreadPool(4);
        try {
            Future<Object> hog = requests.submit(() -> pool.run(() -> {
                holding.countDown();
                Pauses.await(release);
                return "first";
            }));
            assertTrue(holding.await(5, TimeUnit.SECONDS));
            Future<String> second = requests.submit(() -> pool.run(() -> "second"));
            Future<String> third = requests.submit(() -> pool.run(() -> "third"));
            for (int i = 0; i < 100 && pool.getWaiting() < 2; i++) {
                Pauses.sleep(50);
            }
            assertEquals(2, pool.getWaiting(), "two sign-ins wait for the one permit");

            Future<String> fourth = requests.submit(() -> pool.run(() -> "fourth"));
            java.util.concurrent.ExecutionException refused = assertThrows(java.util.concurrent.ExecutionException.class,
                    () -> fourth.get(10, TimeUnit.SECONDS), "answered well before the minute a waiting one may wait");
            assertTrue(refused.getCause() instanceof HashingPool.BusyException, "told the portal is busy: " + refused.getCause());
            assertEquals(2, pool.getWaiting(), "the two waiting keep their places");

            release.countDown();
            assertEquals("first", hog.get(10, TimeUnit.SECONDS));
            assertEquals("second", second.get(10, TimeUnit.SECONDS));
            assertEquals("third", third.get(10, TimeUnit.SECONDS));
            assertEquals(0, pool.getWaiting());
            assertEquals("after the rush", pool.run(() -> "after the rush"), "places to wait come back");
        } finally {
            release.countDown();
            requests.shutdownNow();
        }
    }

    @Test
    void theRunnableJarHasTheRequestThreadsTheWaitingPlacesLeaveRoomIn() throws Exception {
        String commands = java.nio.file.Files.readString(java.nio.file.Path.of("src/main/resources/pre-boot-commands.txt"));
        assertTrue(commands.contains("thread-pool.http-thread-pool.max-thread-pool-size=" + HashingPool.REQUEST_THREADS + "\n"),
                "pre-boot-commands.txt gives the runnable jar the " + HashingPool.REQUEST_THREADS + " request threads HashingPool counts on");
        assertEquals(100, HashingPool.REQUEST_THREADS - HashingPool.DEFAULT_MAX_WAITING, "a hundred request threads stay for pages");
    }

    @Test
    void aFailingHashGivesItsPermitBack() {
        HashingPool pool = new HashingPool(1, Duration.ofMillis(200), 100);
        assertThrows(IllegalStateException.class, () -> pool.run(() -> {
            throw new IllegalStateException("broken");
        }));
        assertEquals("still works", pool.run(() -> "still works"));
    }

    /**
     * A sign-in's request thread runs at Java's lowest priority (platform.web.RequestPriority); its password must be
     * checked on one of the pool's own threads, at the normal priority, or the system would give the check no more
     * of the cores than any page (the rush in the README: most sign-ins refused).
     */
    @Test
    void aPasswordIsCheckedOnThePoolsOwnThreadAtTheNormalPriorityWhateverTheCallersPriority() throws Exception {
        HashingPool pool = new HashingPool(1, Duration.ofSeconds(5), 100);
        String[] seen = new String[2];
        Thread caller = new Thread(() -> {
            Thread.currentThread().setPriority(Thread.MIN_PRIORITY);
            seen[0] = pool.run(() -> Thread.currentThread().getName() + " at " + Thread.currentThread().getPriority());
            pool.runIfIdle(() -> seen[1] = Thread.currentThread().getName() + " at " + Thread.currentThread().getPriority());
        }, "a page's request thread");
        caller.start();
        caller.join(10_000);
        assertEquals("password-check-1 at " + Thread.NORM_PRIORITY, seen[0], "a check");
        assertEquals("password-check-1 at " + Thread.NORM_PRIORITY, seen[1], "remaking an old hash when idle");
    }

    /** Interrupted while its password is being checked, a sign-in still gets the check's answer, and the interrupt stays. */
    @Test
    void anInterruptedSignInStillGetsItsAnswerAndKeepsTheInterrupt() throws Exception {
        HashingPool pool = new HashingPool(1, Duration.ofSeconds(5), 100);
        Object[] seen = new Object[2];
        CountDownLatch checking = new CountDownLatch(1);
        Thread caller = new Thread(() -> {
            seen[0] = pool.run(() -> {
                checking.countDown();
                Pauses.sleep(300);
                return "checked";
            });
            seen[1] = Thread.currentThread().isInterrupted();
        });
        caller.start();
        assertTrue(checking.await(5, TimeUnit.SECONDS));
        caller.interrupt();
        caller.join(10_000);
        assertEquals("checked", seen[0]);
        assertEquals(true, seen[1]);
    }
}
