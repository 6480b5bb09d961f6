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

    @Test
    void attemptsChargedAtOnceForOneAddressCheckAtMostFivePasswords() {
        SignInThrottle throttle = new SignInThrottle("sam@example.org");
        int checked = 0;
        for (int i = 0; i < 20; i++) {
            if (throttle.charge(NOON)) {
                checked++;
            }
        }
        assertEquals(SignInThrottle.MAX_FAILURES, checked, "only the first five attempts may check a password");
        assertTrue(throttle.isLocked(NOON), "the sixth, arriving while five are still being checked, locks the address");
    }

    @Test
    void aRightPasswordAmongAttemptsInFlightStillSignsInAndClearsTheLock() {
        SignInThrottle throttle = new SignInThrottle("sam@example.org");
        for (int i = 0; i < 5; i++) {
            assertTrue(throttle.charge(NOON));
        }
        assertFalse(throttle.charge(NOON), "a sixth attempt is refused unchecked");
        throttle.settle(true, NOON.plusMillis(60));
        assertFalse(throttle.isLocked(NOON.plusMillis(60)));
        assertEquals(0, throttle.getFailedAttempts());
    }

    @Test
    void aWrongPasswordSettledKeepsTheAttemptCountedAndTheFifthLocks() {
        SignInThrottle throttle = new SignInThrottle("sam@example.org");
        for (int i = 0; i < 4; i++) {
            assertTrue(throttle.charge(NOON));
            throttle.settle(false, NOON);
            assertFalse(throttle.isLocked(NOON));
        }
        assertTrue(throttle.charge(NOON));
        assertFalse(throttle.isLocked(NOON), "not locked while the fifth is being checked: it may be right");
        throttle.settle(false, NOON);
        assertTrue(throttle.isLocked(NOON));
        assertFalse(throttle.charge(NOON.plus(Duration.ofMinutes(14))), "refused unchecked while locked");
        assertTrue(throttle.charge(NOON.plus(Duration.ofMinutes(15))), "checked again once the lock has run out");
    }

    @Test
    void anAttemptNeverCheckedBecauseThePortalWasBusyIsGivenBack() {
        SignInThrottle throttle = new SignInThrottle("sam@example.org");
        for (int i = 0; i < 4; i++) {
            throttle.recordFailure(NOON);
        }
        // A rush: the fifth attempt is charged, then cannot be checked in time, many times over.
        for (int i = 0; i < 10; i++) {
            assertTrue(throttle.charge(NOON));
            throttle.withdraw();
        }
        assertEquals(4, throttle.getFailedAttempts());
        assertFalse(throttle.isLocked(NOON), "a rush locks nobody out");
    }

    @Test
    void fromTheThirdFailureTheMessageWarnsOfTheLockAndHowManyAttemptsAreLeft() {
        SignInThrottle throttle = new SignInThrottle("someone@example.org");
        java.util.List<String> said = new java.util.ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            throttle.recordFailure(NOON.plusSeconds(i));
            said.add(org.leadingtogether.account.view.SignInMessages.wrong(throttle.getFailedAttempts()));
        }
        String wrong = org.leadingtogether.account.view.SignInMessages.WRONG;
        assertEquals(wrong, said.get(0));
        assertEquals(wrong, said.get(1));
        assertEquals(wrong + " After 5 failed attempts in a row, signing in with this email address is paused for 15 minutes:"
                + " 2 attempts are left. If you have forgotten your password, choose a new one instead.", said.get(2));
        assertTrue(said.get(3).contains(": 1 attempt is left."), said.get(3));
    }
}
