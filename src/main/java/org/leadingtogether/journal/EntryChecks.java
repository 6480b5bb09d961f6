package org.leadingtogether.journal;

import org.leadingtogether.journal.IdentifyingInfoDetector.Finding;
import org.leadingtogether.journal.JournalViews.Warning;
import org.leadingtogether.platform.BusinessException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules an entry's own content keeps to, apart from who may write it or what it links to: the limits every
 * save keeps (drafts included), what a saved entry must have, and the identifying-information warnings per field.
 * Plain rules with no database, so {@link JournalService} stays the boundary that finds, checks and stores.
 */
final class EntryChecks {

    private EntryChecks() {
    }

    /** What a saved entry must have: a title, a date not in the future, a kind and some reflection. */
    static void checkComplete(EntryContent content, LocalDate today) {
        if (content.title() == null || content.title().isBlank()) {
            throw new BusinessException("title", "Give the entry a title.");
        }
        if (content.eventDate() == null) {
            throw new BusinessException("eventDate", "Enter the date of the event or activity.");
        }
        if (content.eventDate().isAfter(today)) {
            throw new BusinessException("eventDate", "The date cannot be in the future.");
        }
        if (content.kind() == null) {
            throw new BusinessException("kind", "Choose what the entry reflects on.");
        }
        if (content.stages().stream().allMatch(String::isBlank)) {
            throw new BusinessException("stage", "Write your reflection before saving.");
        }
    }

    /** The limits every save keeps to, drafts included. */
    static void checkLengths(EntryContent content) {
        if (content.title() != null && content.title().length() > JournalEntry.TITLE_MAX) {
            throw new BusinessException("title", "Keep the title to " + JournalEntry.TITLE_MAX + " characters or fewer.");
        }
        List<ReflectionModel.Stage> stages = content.model().getStages();
        for (int i = 0; i < content.stages().size(); i++) {
            String label = i < stages.size() ? stages.get(i).label() : "each part";
            tooLong(content.stage(i), "stage", label);
        }
        tooLong(content.learned(), "learned", "What I learned");
        tooLong(content.change(), "change", "What I will do differently");
        BigDecimal hours = content.cpdHours();
        if (hours != null && (hours.signum() <= 0 || hours.compareTo(JournalEntry.CPD_HOURS_MAX) > 0
                || hours.stripTrailingZeros().scale() > 2)) {
            throw new BusinessException("cpdHours", "Enter the CPD hours as a number more than 0 and at most 100, such as 1.5.");
        }
    }

    private static void tooLong(String text, String field, String label) {
        if (text != null && text.length() > JournalEntry.TEXT_MAX) {
            throw new BusinessException(field, "Keep \u201c" + label + "\u201d to 10,000 characters or fewer.");
        }
    }

    /** The identifying-information warnings for each field, in the order the page shows the fields. */
    static List<Warning> warnings(EntryContent content, LocalDate today) {
        List<Warning> warnings = new ArrayList<>();
        warn(warnings, "title", "Title", content.title(), today);
        List<ReflectionModel.Stage> stages = content.model().getStages();
        for (int i = 0; i < stages.size(); i++) {
            warn(warnings, "stage/" + i, stages.get(i).label(), content.stage(i), today);
        }
        warn(warnings, "learned", "What I learned", content.learned(), today);
        warn(warnings, "change", "What I will do differently", content.change(), today);
        return warnings;
    }

    private static void warn(List<Warning> warnings, String field, String label, String text, LocalDate today) {
        List<Finding> findings = IdentifyingInfoDetector.scan(text, today);
        if (!findings.isEmpty()) {
            warnings.add(new Warning(field, label, MarkedText.excerpt(text, findings),
                    findings.stream().map(f -> f.kind().getDescription()).distinct().toList()));
        }
    }
}
