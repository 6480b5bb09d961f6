package org.leadingtogether.journal;

import java.io.Serializable;
import java.util.Set;

/**
 * A coaching pairing as the journal needs it: who coaches whom, and in what state. Read from the coaching
 * tables at the moment a rule is checked, never kept, so a pairing that ends stops sharing at once.
 */
public record PairingRef(long id, long coachId, long coacheeId, String state, String coachName) implements Serializable {

    /** The states in which a pairing is current: the chemistry session and active coaching. */
    public static final Set<String> CURRENT_STATES = Set.of("CHEMISTRY", "ACTIVE");

    public boolean isCurrent() {
        return CURRENT_STATES.contains(state);
    }
}
