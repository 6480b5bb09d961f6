package org.leadingtogether.cohort;

import java.io.Serializable;

/** A person found when enrolling one by one, and whether they are already in the cohort. */
public record PersonMatch(long id, String name, String email, String profession, String organisation, boolean enrolled)
        implements Serializable {
}
