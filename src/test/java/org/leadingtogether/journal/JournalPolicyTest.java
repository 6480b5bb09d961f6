package org.leadingtogether.journal;

import org.junit.jupiter.api.Test;
import org.leadingtogether.platform.BusinessException;
import org.leadingtogether.platform.NotFoundException;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JournalPolicyTest {

    private static final long AUTHOR = 1;
    private static final long COACH = 2;
    private static final long OTHER_COACH = 3;
    private static final long MANAGER = 4;
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private static PairingRef pairing(long id, long coach, long coachee, String state) {
        return new PairingRef(id, coach, coachee, state, "A Coach");
    }

    private static JournalEntry saved() {
        JournalEntry entry = new JournalEntry(AUTHOR);
        entry.markSaved(NOW);
        return entry;
    }

    private static JournalEntry sharedThrough(long pairingId) {
        JournalEntry entry = saved();
        entry.shareThrough(pairingId, NOW);
        return entry;
    }

    @Test
    void theAuthorAloneOwnsAnEntry() {
        JournalEntry entry = new JournalEntry(AUTHOR);
        assertSame(entry, JournalPolicy.checkAuthor(entry, AUTHOR));
        for (long stranger : new long[] {COACH, OTHER_COACH, MANAGER}) {
            NotFoundException refused = assertThrows(NotFoundException.class, () -> JournalPolicy.checkAuthor(entry, stranger));
            assertEquals("There is no such journal entry.", refused.getMessage(), "the same answer as for a missing entry");
        }
        assertThrows(NotFoundException.class, () -> JournalPolicy.checkAuthor(null, AUTHOR));
    }

    @Test
    void theCurrentCoachReadsAnEntrySharedWithThem() {
        for (String state : new String[] {"CHEMISTRY", "ACTIVE"}) {
            PairingRef current = pairing(10, COACH, AUTHOR, state);
            assertDoesNotThrow(() -> JournalPolicy.checkCoachMayRead(sharedThrough(10), COACH, current), state);
        }
    }

    @Test
    void aCoachReadsNothingThatIsNotSharedWithThem() {
        PairingRef current = pairing(10, COACH, AUTHOR, "ACTIVE");
        assertThrows(NotFoundException.class, () -> JournalPolicy.checkCoachMayRead(saved(), COACH, null), "not shared");
        assertThrows(NotFoundException.class, () -> JournalPolicy.checkCoachMayRead(sharedThrough(11), COACH, current),
                "shared through another pairing");
        assertThrows(NotFoundException.class, () -> JournalPolicy.checkCoachMayRead(sharedThrough(10), OTHER_COACH, current),
                "another coach");
        assertThrows(NotFoundException.class, () -> JournalPolicy.checkCoachMayRead(sharedThrough(10), MANAGER, current));
        assertThrows(NotFoundException.class, () -> JournalPolicy.checkCoachMayRead(null, COACH, current));
    }

    @Test
    void sharingEndsWhenThePairingDoes() {
        for (String state : new String[] {"ENDED", "DECLINED", "EXPIRED", "PROPOSED"}) {
            PairingRef over = pairing(10, COACH, AUTHOR, state);
            assertThrows(NotFoundException.class, () -> JournalPolicy.checkCoachMayRead(sharedThrough(10), COACH, over), state);
            assertFalse(JournalPolicy.mayCoachRead(sharedThrough(10), COACH, over));
        }
    }

    @Test
    void aPairingForSomeoneElseDoesNotOpenTheEntry() {
        PairingRef elsewhere = pairing(10, COACH, 99, "ACTIVE");
        assertThrows(NotFoundException.class, () -> JournalPolicy.checkCoachMayRead(sharedThrough(10), COACH, elsewhere));
    }

    @Test
    void anUnsharedEntryIsClosedAgain() {
        JournalEntry entry = sharedThrough(10);
        PairingRef current = pairing(10, COACH, AUTHOR, "ACTIVE");
        assertTrue(JournalPolicy.mayCoachRead(entry, COACH, current));
        entry.unshare();
        assertFalse(JournalPolicy.mayCoachRead(entry, COACH, current));
    }

    @Test
    void theAuthorSharesASavedEntryWithACurrentCoachOnly() {
        PairingRef current = pairing(10, COACH, AUTHOR, "ACTIVE");
        assertSame(current, JournalPolicy.checkMayShare(saved(), AUTHOR, current));
        BusinessException draft = assertThrows(BusinessException.class, () -> JournalPolicy.checkMayShare(new JournalEntry(AUTHOR), AUTHOR, current));
        assertEquals("Save the entry before you share it.", draft.getMessage());
        assertThrows(BusinessException.class, () -> JournalPolicy.checkMayShare(saved(), AUTHOR, pairing(10, COACH, AUTHOR, "ENDED")));
        assertThrows(BusinessException.class, () -> JournalPolicy.checkMayShare(saved(), AUTHOR, pairing(10, COACH, 99, "ACTIVE")));
        assertThrows(BusinessException.class, () -> JournalPolicy.checkMayShare(saved(), AUTHOR, null));
        assertThrows(NotFoundException.class, () -> JournalPolicy.checkMayShare(saved(), COACH, current), "only the author shares");
    }

    @Test
    void aDraftIsNeverReadByACoachEvenIfSharedBefore() {
        JournalEntry draft = new JournalEntry(AUTHOR);
        assertThrows(IllegalStateException.class, () -> draft.shareThrough(10, NOW));
    }

    @Test
    void onlyTheCoacheesOwnSessionsCanBeLinked() {
        SessionRef mine = new SessionRef(5, NOW, 60, pairing(10, COACH, AUTHOR, "ENDED"));
        assertSame(mine, JournalPolicy.checkOwnSession(mine, AUTHOR), "a past pairing's session is still one's own");
        SessionRef theirs = new SessionRef(6, NOW, 60, pairing(11, COACH, 99, "ACTIVE"));
        NotFoundException refused = assertThrows(NotFoundException.class, () -> JournalPolicy.checkOwnSession(theirs, AUTHOR));
        assertEquals("There is no such coaching session.", refused.getMessage());
        assertThrows(NotFoundException.class, () -> JournalPolicy.checkOwnSession(mine, COACH), "the coach is not the coachee");
        assertThrows(NotFoundException.class, () -> JournalPolicy.checkOwnSession(null, AUTHOR));
    }
}
