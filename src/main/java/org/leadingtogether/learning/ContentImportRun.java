package org.leadingtogether.learning;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import org.leadingtogether.platform.content.ContentError;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One run of the content import, kept so the administrator can see when content was last read and what was wrong. */
@Entity
@Table(name = "content_import")
@NamedQuery(name = "ContentImportRun.latest", query = "SELECT r FROM ContentImportRun r ORDER BY r.startedAt DESC, r.id DESC")
public class ContentImportRun {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "trigger_name", nullable = false, length = 100)
    private String trigger;

    @Column(name = "content_dir", nullable = false, length = 500)
    private String contentDir;

    @Column(name = "modules_live", nullable = false)
    private int modulesLive;

    @Column(name = "modules_changed", nullable = false)
    private int modulesChanged;

    @Column(name = "error_count", nullable = false)
    private int errorCount;

    @Column(name = "warning_count", nullable = false)
    private int warningCount;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "content_import_error", joinColumns = @JoinColumn(name = "import_id"))
    @OrderColumn(name = "position")
    private List<Problem> problems = new ArrayList<>();

    protected ContentImportRun() {
    }

    public ContentImportRun(Instant startedAt, String trigger, String contentDir, int modulesLive, int modulesChanged,
                            List<ContentError> errors) {
        this(startedAt, trigger, contentDir, modulesLive, modulesChanged, errors, List.of());
    }

    /** A run with its errors (content kept back) first, then its warnings (content live, something to fix). */
    public ContentImportRun(Instant startedAt, String trigger, String contentDir, int modulesLive, int modulesChanged,
                            List<ContentError> errors, List<ContentError> warnings) {
        this.startedAt = startedAt;
        this.trigger = trigger;
        this.contentDir = contentDir.length() > 500 ? contentDir.substring(0, 500) : contentDir;
        this.modulesLive = modulesLive;
        this.modulesChanged = modulesChanged;
        this.errorCount = errors.size();
        this.warningCount = warnings.size();
        errors.stream().limit(500).forEach(e -> problems.add(new Problem(e.path(), e.line(), e.message(), ERROR)));
        warnings.stream().limit(500).forEach(e -> problems.add(new Problem(e.path(), e.line(), e.message(), WARNING)));
    }

    static final String ERROR = "ERROR";
    static final String WARNING = "WARNING";

    /** One problem found in a file. */
    @Embeddable
    public static class Problem implements Serializable {

        private static final long serialVersionUID = 1L;

        @Column(nullable = false, length = 300)
        private String path;

        @Column(nullable = false)
        private int line;

        @Column(nullable = false, length = 1000)
        private String message;

        /** ERROR (the file or module was kept back) or WARNING (it is live; something to fix). */
        @Column(nullable = false, length = 10)
        private String severity = ERROR;

        protected Problem() {
        }

        Problem(String path, int line, String message, String severity) {
            this.severity = severity;
            this.path = path.length() > 300 ? path.substring(path.length() - 300) : path;
            this.line = line;
            this.message = message.length() > 1000 ? message.substring(0, 1000) : message;
        }

        public String getPath() {
            return path;
        }

        public int getLine() {
            return line;
        }

        public String getMessage() {
            return message;
        }

        public boolean isWarning() {
            return WARNING.equals(severity);
        }
    }

    public Long getId() {
        return id;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public String getTrigger() {
        return trigger;
    }

    public String getContentDir() {
        return contentDir;
    }

    public int getModulesLive() {
        return modulesLive;
    }

    public int getModulesChanged() {
        return modulesChanged;
    }

    public int getErrorCount() {
        return errorCount;
    }

    public int getWarningCount() {
        return warningCount;
    }

    public List<Problem> getProblems() {
        return problems;
    }
}
