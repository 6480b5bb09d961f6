package org.leadingtogether.journal;

import org.leadingtogether.journal.MarkedText.Segment;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The shapes in which {@link JournalService} hands journal data to pages, servlets and other features: plain,
 * serialisable records with the text already opened for the one person allowed to read it.
 */
public final class JournalViews {

    private JournalViews() {
    }

    /** A line of the author's own journal list. {@code sharedWith} is the coach's name while sharing is in force. */
    public record EntrySummary(long id, String title, LocalDate eventDate, EntryKind kind, ReflectionModel model,
                               boolean draft, String sharedWith, List<String> elements, BigDecimal cpdHours,
                               int comments) implements Serializable {
    }

    /** The lesson an entry came from, with the prompt it answers. */
    public record LessonLink(String key, String title, String prompt, String moduleTitle) implements Serializable {
    }

    /** A framework element an entry evidences: its code and its name in the framework it belongs to. */
    public record ElementRef(String code, String name) implements Serializable {
    }

    /** One comment: who wrote it and when. */
    public record CommentView(String author, boolean byAuthor, Instant written, String text) implements Serializable {
    }

    /**
     * The sharing of an entry as its author sees it: with whom, since when, and whether it is still in force
     * (it is not once the coaching pairing has ended).
     */
    public record Sharing(long pairingId, String coachName, Instant since, boolean inForce) implements Serializable {
    }

    /** An entry as its author reads it, with what they can do next (share with one of their current coaches). */
    public record EntryPage(long id, boolean draft, EntryContent content, LessonLink lesson, SessionRef session,
                            List<ElementRef> elements, Sharing sharing, List<PairingRef> coaches,
                            List<CommentView> comments, Instant modified, boolean nmc) implements Serializable {
    }

    /**
     * What the writing page needs around the form: whether the entry is still a draft (drafts are saved as the
     * author types), the links, the framework to choose from, whether to offer the NMC Code themes.
     */
    public record WritePage(EntryForm form, boolean draft, LessonLink lesson, SessionRef session, boolean nmc,
                            List<DimensionChoice> dimensions) implements Serializable {
    }

    /** A dimension of the active framework with its elements, to choose from. */
    public record DimensionChoice(String name, List<ElementRef> elements) implements Serializable {
    }

    /** A warning about one field that seems to identify someone, with the found words marked in an excerpt. */
    public record Warning(String field, String fieldLabel, List<Segment> excerpt, List<String> kinds) implements Serializable {

        /**
         * What this warning is about, as the author acknowledges it when keeping a draft anyway: the field and the words
         * marked. The same words found again in the same field need no second acknowledgement; new words do.
         */
        public String finding() {
            StringBuilder key = new StringBuilder(field);
            excerpt.stream().filter(Segment::isMarked).forEach(segment -> key.append('\u001f').append(segment.text()));
            return key.toString();
        }

        /** What the found words look like, in words: "a person's name or a date of birth". */
        public String kindsText() {
            return kinds.size() <= 1 ? String.join("", kinds)
                    : String.join(", ", kinds.subList(0, kinds.size() - 1)) + " or " + kinds.get(kinds.size() - 1);
        }
    }

    /**
     * What became of a save: the entry's id and version now (no id for a new entry that was not stored), whether it is
     * saved (rather than still a draft), and the identifying-information warnings that stopped it, if any.
     */
    public record SaveOutcome(Long id, int version, boolean saved, List<Warning> warnings) implements Serializable {

        public boolean hasWarnings() {
            return !warnings.isEmpty();
        }
    }

    /** A line of a coach's list of what one coachee shares with them. */
    public record SharedSummary(long id, String title, LocalDate eventDate, EntryKind kind, Instant sharedAt,
                                int comments) implements Serializable {
    }

    /** A shared entry as the coach reads it. */
    public record SharedEntryPage(long id, long authorId, String authorName, EntryContent content, LessonLink lesson,
                                  List<ElementRef> elements, Instant sharedAt, List<CommentView> comments)
            implements Serializable {
    }

    /** Chosen entries for the reflective accounts PDF and the CPD log, in date order. */
    public record Export(String authorName, LocalDate today, List<ExportEntry> entries) implements Serializable {
    }

    /** One entry as the exports need it. */
    public record ExportEntry(long id, EntryContent content, List<String> elementNames, String lessonTitle)
            implements Serializable {
    }

    /** Everything about one of the caller's entries, for their subject access download. */
    public record EntryRecord(long id, EntryStatus status, Instant created, Instant modified, Instant savedAt,
                              EntryContent content, Sharing sharing, List<CommentView> comments) implements Serializable {
    }

    /** How many saved entries evidence the framework, in all and per element code. */
    public record Evidence(int entries, Map<String, Integer> byElement) implements Serializable {

        public static Evidence none() {
            return new Evidence(0, Map.of());
        }
    }
}
