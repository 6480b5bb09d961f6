package org.leadingtogether.platform;

import org.junit.jupiter.api.Test;
import org.leadingtogether.support.LogRecords;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MinuteJobTest {

    @Test
    void aRunDueWhileThePreviousIsStillGoingIsLeftOutAndTheNextMinuteRunsAgain() throws Exception {
        MinuteJob job = new MinuteJob(MinuteJobTest.class, "Sending waiting emails");
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        CompletableFuture<Boolean> slow = CompletableFuture.supplyAsync(() -> job.run(() -> {
            runs.incrementAndGet();
            started.countDown();
            await(release);
        }));
        assertTrue(started.await(10, TimeUnit.SECONDS), "the first run started");

        assertFalse(job.run(runs::incrementAndGet), "the next minute's run, while the first is still going, is left out");
        release.countDown();
        assertTrue(slow.get(10, TimeUnit.SECONDS), "the first run finished");
        assertTrue(job.run(runs::incrementAndGet), "the minute after, it runs again");
        assertEquals(2, runs.get(), "two runs in all, never two at once");
    }

    @Test
    void aRunThatFailsIsLoggedAndTheNextStillRuns() throws Exception {
        MinuteJob job = new MinuteJob(MinuteJobTest.class, "Sending waiting emails");
        List<LogRecord> logged = LogRecords.during(MinuteJobTest.class.getName(), true, () -> assertTrue(job.run(() -> {
            throw new IllegalStateException("the mail server closed the connection");
        }), "a failing run still counts as run"));
        assertEquals(1, logged.size(), "logged once: " + logged);
        assertEquals(Level.WARNING, logged.get(0).getLevel());
        assertEquals("Sending waiting emails failed this minute; the next run tries again", logged.get(0).getMessage());
        assertEquals("the mail server closed the connection", logged.get(0).getThrown().getMessage());

        AtomicInteger runs = new AtomicInteger();
        assertTrue(job.run(runs::incrementAndGet), "the next minute runs after a failure");
        assertEquals(1, runs.get());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }
}
