package org.leadingtogether.account;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignInGuardTest {

    private static final Instant NINE = Instant.parse("2026-12-07T09:00:00Z");

    @Test
    void aClientAddressIsRefusedAfterItsLimitOfFailuresUntilTheOldestAgesOut() {
        SignInGuard guard = new SignInGuard(3, 1_000);
        for (int i = 0; i < 3; i++) {
            assertTrue(guard.check("203.0.113.7", NINE.plusSeconds(i)).isEmpty(), "attempt " + (i + 1) + " is checked");
            guard.recordFailure("203.0.113.7", NINE.plusSeconds(i));
        }
        var refusal = guard.check("203.0.113.7", NINE.plusSeconds(10));
        assertTrue(refusal.isPresent(), "the fourth attempt from the same address is refused unchecked");
        assertTrue(refusal.get().message().contains("try again in 15 minutes"), refusal.get().message());
        assertTrue(guard.check("198.51.100.1", NINE.plusSeconds(10)).isEmpty(), "another address is not affected");
        assertTrue(guard.check("203.0.113.7", NINE.plus(Duration.ofMinutes(15)).plusSeconds(1)).isEmpty(),
                "once the oldest failure is older than the window, the address may try again");
    }

    @Test
    void manyFailuresAcrossThePortalSlowEveryAddressThatHasFailedButNotNewcomers() {
        SignInGuard guard = new SignInGuard(30, 10);
        for (int i = 0; i < 11; i++) {
            guard.recordFailure("192.0.2." + i, NINE.plusSeconds(i));
        }
        assertEquals(11, guard.failuresInLastMinute(NINE.plusSeconds(11)));
        var refusal = guard.check("192.0.2.3", NINE.plusSeconds(12));
        assertTrue(refusal.isPresent(), "one password sprayed from many addresses: each address that failed is slowed");
        assertTrue(refusal.get().message().contains("slowed"), refusal.get().message());
        assertTrue(guard.check("198.51.100.9", NINE.plusSeconds(12)).isEmpty(), "someone signing in for the first time is still checked");
        assertTrue(guard.check("192.0.2.3", NINE.plusSeconds(75)).isEmpty(), "a minute later the portal-wide brake is off");
        assertEquals(0, guard.failuresInLastMinute(NINE.plusSeconds(75)));
    }

    @Test
    void theNumberOfClientAddressesRememberedIsBounded() {
        SignInGuard guard = new SignInGuard(30, Integer.MAX_VALUE);
        for (int i = 0; i < SignInGuard.MAX_CLIENTS + 10; i++) {
            guard.recordFailure("client-" + i, NINE.minus(Duration.ofMinutes(20)));
        }
        guard.recordFailure("latest", NINE);
        assertFalse(guard.check("latest", NINE).isPresent());
        assertTrue(guard.check("client-1", NINE).isEmpty(), "failures older than the window were forgotten to make room");
    }

    @Test
    void theClientIsThePeerUnlessThePeerIsATrustedProxy() {
        Set<String> proxies = SignInProtection.parse(" 10.0.0.5 , 10.0.0.6");
        assertEquals(Set.of("10.0.0.5", "10.0.0.6"), proxies);
        assertEquals("203.0.113.7", SignInProtection.clientAddress("203.0.113.7", List.of("1.2.3.4"), proxies),
                "a header from a client that is not a proxy is not believed");
        assertEquals("203.0.113.7", SignInProtection.clientAddress("10.0.0.5", List.of("1.2.3.4, 203.0.113.7"), proxies),
                "the right-most address the proxy saw, not what the client wrote before it");
        assertEquals("203.0.113.7", SignInProtection.clientAddress("10.0.0.5", List.of("203.0.113.7, 10.0.0.6"), proxies),
                "proxies in a chain are skipped");
        assertEquals("10.0.0.5", SignInProtection.clientAddress("10.0.0.5", List.of(), proxies));
        assertTrue(SignInProtection.parse(" ").isEmpty());
    }
}
