package org.leadingtogether.journal;

import java.io.Serializable;
import java.time.Instant;

/** A coaching session an entry can be linked to, with the pairing it belongs to. */
public record SessionRef(long id, Instant startsAt, int minutes, PairingRef pairing) implements Serializable {
}
