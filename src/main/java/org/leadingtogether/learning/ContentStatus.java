package org.leadingtogether.learning;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** What the administrator sees of content: the last import and every module with its version. */
public record ContentStatus(Instant lastImport, String trigger, String contentDir, int errorCount,
                            List<Problem> problems, List<ModuleRow> modules) implements Serializable {

    /** A problem in a file. */
    public record Problem(String path, int line, String message) implements Serializable {
    }

    /** A module as imported. */
    public record ModuleRow(String key, String title, int version, int lessons, boolean published, String path)
            implements Serializable {
    }
}
