package org.leadingtogether.coaching;

import java.io.Serializable;
import java.time.Instant;

/** A pairing of the coach's that has ended, for the list on their home page that leads back to its records. */
public record EndedPairing(long pairingId, String coacheeName, Instant endedAt) implements Serializable {

    public EndedPairing(long pairingId, String givenName, String familyName, Instant endedAt) {
        this(pairingId, givenName + " " + familyName, endedAt);
    }
}
