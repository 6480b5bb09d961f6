package org.leadingtogether.coaching;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a pairing of coach and coachee stands. Proposed (by a programme manager, or asked for by the coachee)
 * until the coach answers; accepted pairings start with a "chemistry" conversation and become active once both
 * have agreed the coaching agreement; either side may end it at any time. Declined, expired and ended pairings
 * are kept, so the matcher never proposes that coach to that coachee again after an ending.
 */
public enum PairingState {
    PROPOSED("Waiting for the coach"),
    DECLINED("Declined by the coach"),
    EXPIRED("Not answered in time"),
    CHEMISTRY("First conversation"),
    ACTIVE("Active"),
    ENDED("Ended");

    /** States in which the coach holds a place for the coachee. */
    public static final Set<PairingState> HOLDING_A_PLACE = EnumSet.of(PROPOSED, CHEMISTRY, ACTIVE);

    /** States in which coach and coachee work together (and the coach may read what is shared). */
    public static final Set<PairingState> CURRENT = EnumSet.of(CHEMISTRY, ACTIVE);

    private final String label;

    PairingState(String label) {
        this.label = label;
    }

    public String getLabel() {
        return label;
    }

    public boolean isCurrent() {
        return CURRENT.contains(this);
    }

    /** Whether a pairing in this state may move to {@code next}. */
    public boolean canMoveTo(PairingState next) {
        return switch (this) {
            case PROPOSED -> next == DECLINED || next == EXPIRED || next == CHEMISTRY || next == ENDED;
            case CHEMISTRY -> next == ACTIVE || next == ENDED;
            case ACTIVE -> next == ENDED;
            case DECLINED, EXPIRED, ENDED -> false;
        };
    }
}
