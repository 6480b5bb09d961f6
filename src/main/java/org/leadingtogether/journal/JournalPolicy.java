package org.leadingtogether.journal;

import org.leadingtogether.platform.BusinessException;
import org.leadingtogether.platform.NotFoundException;

/**
 * Who may do what with a journal entry. Called at the top of every {@link JournalService} method, after the
 * role check, with what the service has just read from the database.
 *
 * <p>The rules: an entry is its author's alone. A coach reads a saved entry only while its author shares it
 * through a pairing in which the caller is the coach, the author is the coachee, and the pairing is still
 * current; the moment the pairing ends, the answer changes, because it is read afresh each time. Nobody else
 * reads an entry at all: not a programme manager, not an administrator, not a former coach. Every refusal of
 * somebody else's entry is the same {@link NotFoundException} as for an entry that does not exist, so an id
 * typed by hand tells a stranger nothing.
 */
public final class JournalPolicy {

    static final String NO_SUCH_ENTRY = "There is no such journal entry.";
    static final String NO_SUCH_SESSION = "There is no such coaching session.";

    private JournalPolicy() {
    }

    /** The entry, if the caller wrote it. */
    public static JournalEntry checkAuthor(JournalEntry entry, long caller) {
        if (entry == null || entry.getAuthorId() != caller) {
            throw new NotFoundException(NO_SUCH_ENTRY);
        }
        return entry;
    }

    /**
     * The entry, if the caller may read it as a coach: saved, shared through {@code sharedPairing} (the pairing
     * the entry names, as read now, or null), in which the caller coaches the author and which is current.
     */
    public static JournalEntry checkCoachMayRead(JournalEntry entry, long caller, PairingRef sharedPairing) {
        if (entry == null || !mayCoachRead(entry, caller, sharedPairing)) {
            throw new NotFoundException(NO_SUCH_ENTRY);
        }
        return entry;
    }

    /** The same rule as {@link #checkCoachMayRead}, as a question. */
    public static boolean mayCoachRead(JournalEntry entry, long caller, PairingRef sharedPairing) {
        return entry.getStatus() == EntryStatus.SAVED
                && sharedPairing != null
                && entry.getSharedPairingId() != null
                && entry.getSharedPairingId() == sharedPairing.id()
                && sharedPairing.coachId() == caller
                && sharedPairing.coacheeId() == entry.getAuthorId()
                && caller != entry.getAuthorId()
                && sharedPairing.isCurrent();
    }

    /**
     * Whether the author may share the entry through {@code pairing}: their own saved entry, and a current
     * pairing in which they are the coachee. A draft cannot be shared: the coach reads only what its author
     * has decided is ready.
     */
    public static PairingRef checkMayShare(JournalEntry entry, long caller, PairingRef pairing) {
        checkAuthor(entry, caller);
        if (entry.getStatus() != EntryStatus.SAVED) {
            throw new BusinessException("Save the entry before you share it.");
        }
        if (pairing == null || pairing.coacheeId() != caller || !pairing.isCurrent()) {
            throw new BusinessException("coach", "You can only share with a coach you are working with now.");
        }
        return pairing;
    }

    /** The session, if it belongs to one of the caller's own pairings (as coachee, whatever its state). */
    public static SessionRef checkOwnSession(SessionRef session, long caller) {
        if (session == null || session.pairing().coacheeId() != caller) {
            throw new NotFoundException(NO_SUCH_SESSION);
        }
        return session;
    }
}
