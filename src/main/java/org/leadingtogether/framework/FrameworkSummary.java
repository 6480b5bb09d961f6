package org.leadingtogether.framework;

import java.io.Serializable;

/** One line of the administrator's list of framework versions. */
public record FrameworkSummary(long id, String title, String version, boolean active, int dimensions,
                               int elements, String sourcePath) implements Serializable {
}
