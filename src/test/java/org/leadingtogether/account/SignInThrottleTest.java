package org.leadingtogether.account;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignInThrottleTest {

    private static final Instant NOON = Instant.parse("2026-03-29T12:00:00Z");

    @Test
    void locksOnTheFifthFailureInARowForFifteenMinutes() {
        SignInThrottle throttle = new SignInThrottle("Sam@Example.org");
        for (int i = 1; i <= 4; i++) {
            throttle.recordFailure(NOON.plusSeconds(i));
            assertFalse(throttle.isLocked(NOON.plusSeconds(i)), "not locked after " + i + " failures");
        }
        throttle.recordFailure(NOON.plusSeconds(5));
        assertTrue(throttle.isLocked(NOON.plusSeconds(5)));
        assertTrue(throttle.isLocked(NOON.plusSeconds(5).plus(Duration.ofMinutes(14))));
        assertFalse(throttle.isLocked(NOON.plusSeconds(5).plus(Duration.ofMinutes(15))));
        assertEquals(Duration.ofMinutes(15), throttle.remainingLock(NOON.plusSeconds(5)).orElseThrow());
    }

    @Test
    void aSuccessClearsTheCount() {
        SignInThrottle throttle = new SignInThrottle("sam@example.org");
        for (int i = 0; i < 4; i++) {
            throttle.recordFailure(NOON);
        }
        throttle.recordSuccess();
        throttle.recordFailure(NOON);
        assertFalse(throttle.isLocked(NOON));
        assertEquals(1, throttle.getFailedAttempts());
    }

    @Test
    void afterALockExpiresTheCountStartsAgain() {
        SignInThrottle throttle = new SignInThrottle("sam@example.org");
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure(NOON);
        }
        Instant later = NOON.plus(Duration.ofMinutes(16));
        throttle.recordFailure(later);
        assertFalse(throttle.isLocked(later), "one failure after the lock has run out does not lock again");
        assertEquals(1, throttle.getFailedAttempts());
    }

    @Test
    void keysAreNormalisedEmailAddresses() {
        assertEquals("sam@example.org", new SignInThrottle("  Sam@EXAMPLE.org ").getEmailKey());
    }

    @Test
    void minutesAreRoundedUpAndNeverZero() {
        assertEquals(15, SignInThrottle.minutesRoundedUp(Duration.ofMinutes(15)));
        assertEquals(15, SignInThrottle.minutesRoundedUp(Duration.ofMinutes(14).plusSeconds(1)));
        assertEquals(1, SignInThrottle.minutesRoundedUp(Duration.ofSeconds(40)));
        assertEquals(1, SignInThrottle.minutesRoundedUp(Duration.ofMillis(1)));
    }
}
