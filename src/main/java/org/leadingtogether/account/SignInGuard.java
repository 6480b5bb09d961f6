package org.leadingtogether.account;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows guessing that the per-address lock ({@link SignInThrottle}) cannot see: many addresses tried from one place,
 * and one password tried against many accounts from many places.
 *
 * <ul>
 *   <li><b>Per client address.</b> After {@code clientLimit} failed sign-ins from one client address within
 *   {@link #CLIENT_WINDOW}, further attempts from it are refused without a password being checked, until the oldest
 *   of those failures is older than the window. The limit is generous on purpose: a whole trust can sit behind one
 *   address.</li>
 *   <li><b>Across all addresses.</b> While more than {@code globalPerMinute} sign-ins have failed across the portal
 *   in the last minute, a client address that has itself failed in the last {@link #CLIENT_WINDOW} is refused
 *   without a check. Someone signing in for the first time that morning is still checked, so a rush of colleagues is
 *   not locked out by an attack; a spray of one password over many accounts gets one guess per client address.</li>
 * </ul>
 *
 * <p>Kept in memory, per instance: it is a brake, not a record (the per-address lock is in the database and shared by
 * a cluster). The number of client addresses remembered is bounded, so a flood of addresses cannot fill the heap.
 * Thread-safe.
 */
public final class SignInGuard {

    public static final Duration CLIENT_WINDOW = Duration.ofMinutes(15);
    static final int MAX_CLIENTS = 50_000;

    /** Why an attempt was refused before its password was checked, in words for the sign-in page. */
    public record Refusal(String message, long minutes) {
    }

    private final int clientLimit;
    private final int globalPerMinute;
    private final Map<String, Deque<Instant>> failuresByClient = new ConcurrentHashMap<>();
    /** Failures across the portal, one bucket a second for the last minute. */
    private final long[] bucketSecond = new long[60];
    private final int[] bucketCount = new int[60];

    public SignInGuard(int clientLimit, int globalPerMinute) {
        if (clientLimit < 1 || globalPerMinute < 1) {
            throw new IllegalArgumentException("Sign-in limits must be at least 1");
        }
        this.clientLimit = clientLimit;
        this.globalPerMinute = globalPerMinute;
    }

    /** Whether an attempt from {@code client} at {@code now} may have its password checked. */
    public Optional<Refusal> check(String client, Instant now) {
        Deque<Instant> failures = failuresByClient.get(client);
        if (failures == null) {
            return Optional.empty();
        }
        Instant oldestInWindow;
        int count;
        synchronized (failures) {
            prune(failures, now);
            count = failures.size();
            oldestInWindow = failures.peekFirst();
        }
        if (count >= clientLimit) {
            long minutes = SignInThrottle.minutesRoundedUp(Duration.between(now, oldestInWindow.plus(CLIENT_WINDOW)));
            return Optional.of(new Refusal("Too many failed attempts to sign in from your network. For your security, try again in "
                    + minutes + (minutes == 1 ? " minute." : " minutes."), minutes));
        }
        if (count > 0 && failuresInLastMinute(now) > globalPerMinute) {
            return Optional.of(new Refusal("Signing in is slowed just now because of many failed attempts across the portal."
                    + " Wait a minute, then try again.", 1));
        }
        return Optional.empty();
    }

    /** A sign-in from {@code client} failed at {@code now}. */
    public void recordFailure(String client, Instant now) {
        if (failuresByClient.size() >= MAX_CLIENTS && !failuresByClient.containsKey(client)) {
            forgetQuietClients(now);
        }
        Deque<Instant> failures = failuresByClient.computeIfAbsent(client, c -> new ArrayDeque<>());
        synchronized (failures) {
            prune(failures, now);
            failures.addLast(now);
            while (failures.size() > clientLimit) {
                failures.removeFirst();
            }
        }
        synchronized (bucketSecond) {
            int slot = (int) Math.floorMod(now.getEpochSecond(), 60L);
            if (bucketSecond[slot] != now.getEpochSecond()) {
                bucketSecond[slot] = now.getEpochSecond();
                bucketCount[slot] = 0;
            }
            bucketCount[slot]++;
        }
    }

    /** Failed sign-ins across the portal in the minute before {@code now}. */
    int failuresInLastMinute(Instant now) {
        long second = now.getEpochSecond();
        int total = 0;
        synchronized (bucketSecond) {
            for (int i = 0; i < 60; i++) {
                if (bucketSecond[i] > second - 60 && bucketSecond[i] <= second) {
                    total += bucketCount[i];
                }
            }
        }
        return total;
    }

    private static void prune(Deque<Instant> failures, Instant now) {
        Instant since = now.minus(CLIENT_WINDOW);
        while (!failures.isEmpty() && !failures.peekFirst().isAfter(since)) {
            failures.removeFirst();
        }
    }

    /** Drops client addresses with no failure in the window; if that is not enough, starts afresh. */
    private void forgetQuietClients(Instant now) {
        failuresByClient.entrySet().removeIf(entry -> {
            synchronized (entry.getValue()) {
                prune(entry.getValue(), now);
                return entry.getValue().isEmpty();
            }
        });
        if (failuresByClient.size() >= MAX_CLIENTS) {
            failuresByClient.clear();
        }
    }
}
