package org.leadingtogether.cohort;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One of a person's own places on a programme, as they see it: where, when, where it stands and how it got there. */
public record MyEnrolment(String programme, String cohort, LocalDate start, LocalDate end, MembershipStatus status,
                          List<Change> changes) implements Serializable {

    /** A change of status, with the reason the programme manager gave (if any). */
    public record Change(MembershipStatus status, Instant at, String reason) implements Serializable {
    }
}
