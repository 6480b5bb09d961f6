package org.leadingtogether.support;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Waiting in unit tests of concurrent code without checked exceptions: inside lambdas that stand for requests. */
public final class Pauses {

    private Pauses() {
    }

    /** Sleeps {@code millis}; an interrupt ends the sleep and is kept. */
    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for {@code latch}, ten seconds at most; an interrupt ends the wait and is kept. */
    public static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
