package org.leadingtogether.cohort;

import java.io.Serializable;

/** How many members of a cohort share one profession, sector or organisation. */
public record MixCount(String label, int count) implements Serializable {
}
