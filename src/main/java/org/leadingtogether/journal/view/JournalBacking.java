package org.leadingtogether.journal.view;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.leadingtogether.framework.FrameworkService;
import org.leadingtogether.framework.FrameworkView;
import org.leadingtogether.journal.EntryKind;
import org.leadingtogether.journal.JournalSearch;
import org.leadingtogether.journal.JournalService;
import org.leadingtogether.journal.JournalViews.EntrySummary;
import org.leadingtogether.platform.web.Messages;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

/**
 * One's journal ({@code /learner/journal.xhtml}): the entries, searched and filtered by words, kind, framework
 * element and dates (all in the address, so a search can be bookmarked and the back button works), and the
 * choice of entries to export. The export itself is a plain GET to {@link JournalExportServlet}.
 */
@Named
@RequestScoped
public class JournalBacking {

    @Inject
    private JournalService journal;

    @Inject
    private FrameworkService frameworks;

    private String q;
    private String kind;
    private String element;
    private String from;
    private String to;
    private boolean exportNone;

    /** Empty until loaded: a post back to this page (signing out from it) does not load it. */
    private List<EntrySummary> entries = List.of();
    private List<FrameworkView.DimensionView> dimensions = List.of();

    public void load() {
        LocalDate fromDate = date(from, "from");
        LocalDate toDate = date(to, "to");
        EntryKind chosenKind = Arrays.stream(EntryKind.values()).filter(k -> k.name().equals(kind)).findFirst().orElse(null);
        entries = journal.findMine(new JournalSearch(q, chosenKind, blankToNull(element), fromDate, toDate));
        dimensions = frameworks.findActive().map(FrameworkView::dimensions).orElse(List.of());
        if (exportNone) {
            Messages.error(null, "Choose at least one entry to export: tick \u201cChoose for export\u201d on each one you want.");
        }
    }

    private static LocalDate date(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException notADate) {
            Messages.error(null, "The \u201c" + field + "\u201d date is not a date, so it was left out of the search.");
            return null;
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /** Whether any filter is in use, to offer "Show all entries". */
    public boolean isFiltered() {
        return java.util.stream.Stream.of(q, kind, element, from, to).anyMatch(v -> v != null && !v.isBlank());
    }

    public boolean isAnySaved() {
        return entries.stream().anyMatch(e -> !e.draft());
    }

    public List<EntryKind> getKinds() {
        return List.of(EntryKind.values());
    }

    public List<EntrySummary> getEntries() {
        return entries;
    }

    public List<FrameworkView.DimensionView> getDimensions() {
        return dimensions;
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getElement() {
        return element;
    }

    public void setElement(String element) {
        this.element = element;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public boolean isExportNone() {
        return exportNone;
    }

    public void setExportNone(boolean exportNone) {
        this.exportNone = exportNone;
    }
}
