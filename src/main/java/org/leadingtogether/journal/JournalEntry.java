package org.leadingtogether.journal;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.leadingtogether.platform.BaseEntity;
import org.leadingtogether.platform.CachedJson;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One reflection in a person's journal.
 *
 * <p>Life cycle: it starts as a {@link EntryStatus#DRAFT}, saved as the author types; {@link #markSaved} makes
 * it a saved entry once it has passed the checks. A saved entry can be shared with a coach through one coaching
 * pairing ({@link #shareThrough}) and unshared ({@link #unshare}); the pairing's state is checked every time
 * the coach reads, so sharing ends when the pairing does without anything here changing.
 *
 * <p>Every text the author writes (title, the stages, what I learned, what I will do differently) is sealed
 * with {@link JournalCipher} before it reaches a column, bound to the author, the entry and the field: a value
 * copied into another entry, even one of the same author's, or into another field fails to open. So an entry is
 * given its id (persisted) before anything is written into it. The stages are sealed
 * together as one JSON array, so changing the model never leaves rows of old stages behind. What stays plain is
 * what the portal must query on without reading the text: dates, kind, model, framework element codes, NMC
 * themes, CPD hours, the lesson and session links and the sharing. Searching the words of entries is done by
 * the author's own request, by opening their entries in memory.
 */
@Entity
@Table(name = "journal_entry")
@NamedQuery(name = "JournalEntry.findByAuthor",
        query = "SELECT e FROM JournalEntry e WHERE e.authorId = :author ORDER BY e.eventDate DESC, e.id DESC")
@NamedQuery(name = "JournalEntry.findSharedThrough",
        query = "SELECT e FROM JournalEntry e WHERE e.authorId = :author AND e.sharedPairingId IN :pairings"
                + " AND e.status = org.leadingtogether.journal.EntryStatus.SAVED ORDER BY e.eventDate DESC, e.id DESC")
public class JournalEntry extends BaseEntity {

    private static final long serialVersionUID = 1L;

    public static final int TITLE_MAX = 200;
    public static final int TEXT_MAX = 10_000;
    public static final BigDecimal CPD_HOURS_MAX = new BigDecimal("100");

    @Column(name = "author_id", nullable = false, updatable = false)
    private long authorId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private EntryStatus status = EntryStatus.DRAFT;

    @Column(name = "event_date")
    private LocalDate eventDate;

    @Enumerated(EnumType.STRING)
    @Column(length = 30)
    private EntryKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ReflectionModel model = ReflectionModel.FREE;

    @Column(name = "title_sealed", length = 1200)
    private String titleSealed;

    /** The texts of the model's stages, in order, as one sealed JSON array: one value, however many stages. */
    @Column(name = "stages_sealed")
    private String stagesSealed;

    @Column(name = "learned_sealed")
    private String learnedSealed;

    @Column(name = "change_sealed")
    private String changeSealed;

    @ElementCollection
    @CollectionTable(name = "journal_entry_element", joinColumns = @JoinColumn(name = "entry_id"))
    @Column(name = "element_code", length = 40)
    private Set<String> elementCodes = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "journal_entry_theme", joinColumns = @JoinColumn(name = "entry_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "theme", length = 40)
    private Set<NmcTheme> themes = EnumSet.noneOf(NmcTheme.class);

    @Column(name = "cpd_hours", precision = 5, scale = 2)
    private BigDecimal cpdHours;

    @Column(nullable = false)
    private boolean participatory;

    @Column(name = "lesson_key", length = 100)
    private String lessonKey;

    @Column(name = "coaching_session_id")
    private Long coachingSessionId;

    @Column(name = "shared_pairing_id")
    private Long sharedPairingId;

    @Column(name = "shared_at")
    private Instant sharedAt;

    @Column(name = "saved_at")
    private Instant savedAt;

    protected JournalEntry() {
    }

    /** A new draft in the journal of {@code authorId}. */
    public JournalEntry(long authorId) {
        this.authorId = authorId;
    }

    /** Replaces what the entry says, sealing every text field; blank texts are kept as nothing. The entry must have its id. */
    public void write(EntryContent content, JournalCipher cipher) {
        if (getId() == null) {
            throw new IllegalStateException("An entry is persisted before its text is sealed: the text is bound to its id");
        }
        titleSealed = cipher.seal(blankToNull(content.title()), context("title"));
        eventDate = content.eventDate();
        kind = content.kind();
        model = content.model();
        JsonArrayBuilder stages = CachedJson.createArrayBuilder();
        content.stages().forEach(stages::add);
        stagesSealed = cipher.seal(stages.build().toString(), context("stages"));
        learnedSealed = cipher.seal(blankToNull(content.learned()), context("learned"));
        changeSealed = cipher.seal(blankToNull(content.change()), context("change"));
        elementCodes.clear();
        elementCodes.addAll(content.elementCodes());
        themes.clear();
        themes.addAll(content.themes());
        cpdHours = content.cpdHours();
        participatory = content.cpdHours() != null && content.participatory();
        lessonKey = content.lessonKey();
        coachingSessionId = content.sessionId();
    }

    /** What the entry says, opened; refuses (loudly) any text changed or moved in the database. */
    public EntryContent read(JournalCipher cipher) {
        List<String> stages = new ArrayList<>();
        String json = cipher.open(stagesSealed, context("stages"));
        if (json != null) {
            try (JsonReader reader = CachedJson.createReader(new StringReader(json))) {
                reader.readArray().getValuesAs(JsonString.class).forEach(text -> stages.add(text.getString()));
            }
        }
        return new EntryContent(cipher.open(titleSealed, context("title")), eventDate, kind, model, stages,
                cipher.open(learnedSealed, context("learned")), cipher.open(changeSealed, context("change")),
                Set.copyOf(elementCodes), themes.isEmpty() ? Set.of() : EnumSet.copyOf(themes), cpdHours, participatory,
                lessonKey, coachingSessionId);
    }

    /** The entry has passed the checks: it is saved (the first time is remembered). */
    public void markSaved(Instant now) {
        status = EntryStatus.SAVED;
        if (savedAt == null) {
            savedAt = now;
        }
    }

    /** Shares this entry with the coach of {@code pairingId} (the policy has checked the pairing). */
    public void shareThrough(long pairingId, Instant now) {
        if (status != EntryStatus.SAVED) {
            throw new IllegalStateException("Only a saved entry can be shared");
        }
        sharedPairingId = pairingId;
        sharedAt = now;
    }

    public void unshare() {
        sharedPairingId = null;
        sharedAt = null;
    }

    public boolean isDraft() {
        return status == EntryStatus.DRAFT;
    }

    /** The authenticated context of one sealed field: whose entry, which entry, which field. */
    private String context(String field) {
        return sealContext(authorId, getId(), field);
    }

    /** What a field of entry {@code entryId} of {@code authorId} is bound to: {@code journal-entry/<author>/<entry>/<field>}. */
    public static String sealContext(long authorId, long entryId, String field) {
        return "journal-entry/" + authorId + "/" + entryId + "/" + field;
    }

    /**
     * What fields were bound to before they were bound to their entry as well ({@code journal-entry/<author>/<field>});
     * read only by the migration that sealed them again ({@code db.migration.V9_3__Reseal_journal_entries_to_their_ids}).
     */
    public static String legacyContext(long authorId, String field) {
        return "journal-entry/" + authorId + "/" + field;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    public long getAuthorId() {
        return authorId;
    }

    public EntryStatus getStatus() {
        return status;
    }

    public LocalDate getEventDate() {
        return eventDate;
    }

    public EntryKind getKind() {
        return kind;
    }

    public ReflectionModel getModel() {
        return model;
    }

    public Set<String> getElementCodes() {
        return Set.copyOf(elementCodes);
    }

    public BigDecimal getCpdHours() {
        return cpdHours;
    }

    public String getLessonKey() {
        return lessonKey;
    }

    public Long getCoachingSessionId() {
        return coachingSessionId;
    }

    public Long getSharedPairingId() {
        return sharedPairingId;
    }

    public Instant getSharedAt() {
        return sharedAt;
    }

    public Instant getSavedAt() {
        return savedAt;
    }
}
