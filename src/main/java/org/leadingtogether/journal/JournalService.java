package org.leadingtogether.journal;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import org.leadingtogether.account.Role;
import org.leadingtogether.framework.FrameworkService;
import org.leadingtogether.framework.FrameworkView;
import org.leadingtogether.journal.JournalViews.CommentView;
import org.leadingtogether.journal.JournalViews.DimensionChoice;
import org.leadingtogether.journal.JournalViews.ElementRef;
import org.leadingtogether.journal.JournalViews.EntryPage;
import org.leadingtogether.journal.JournalViews.EntryRecord;
import org.leadingtogether.journal.JournalViews.EntrySummary;
import org.leadingtogether.journal.JournalViews.Evidence;
import org.leadingtogether.journal.JournalViews.Export;
import org.leadingtogether.journal.JournalViews.ExportEntry;
import org.leadingtogether.journal.JournalViews.LessonLink;
import org.leadingtogether.journal.JournalViews.SaveOutcome;
import org.leadingtogether.journal.JournalViews.SharedEntryPage;
import org.leadingtogether.journal.JournalViews.SharedSummary;
import org.leadingtogether.journal.JournalViews.Sharing;
import org.leadingtogether.journal.JournalViews.Warning;
import org.leadingtogether.journal.JournalViews.WritePage;
import org.leadingtogether.platform.BusinessException;
import org.leadingtogether.platform.ClockProducer;
import org.leadingtogether.platform.NotFoundException;
import org.leadingtogether.platform.security.Callers;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The boundary of the reflective journal: the only thing pages, servlets and other features call.
 *
 * <p>Each public method is one transaction, checks the caller's role with {@code @RolesAllowed}, then asks
 * {@link JournalPolicy} whether the caller may touch the entry before doing anything else. The rules are
 * strict on purpose: an author reads and writes their own entries; a coach reads a saved entry only while its
 * author shares it with them through a current pairing, and may comment on it; nobody else reads an entry at
 * all. No method here lets a programme manager or an administrator reach a journal, and no method takes the
 * author's id from the caller: it is always the signed-in person.
 *
 * <p>Text is sealed and opened with the key from {@link JournalKeys}, only for the one person allowed to read
 * it, and only in memory; searching a journal opens its author's entries and matches the words there.
 */
@Stateless
public class JournalService {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    @PersistenceContext
    private EntityManager em;

    @Resource
    private SessionContext session;

    @Inject
    private FrameworkService frameworks;

    @Inject
    private JournalKeys keys;

    @Inject
    private Clock clock;

    /** Tells whoever listens (notifications) that an entry was shared or commented on; ids only. */
    @Inject
    private Event<JournalHappened> happened;

    // ------------------------------------------------------------------------------------------ writing

    /**
     * A new, empty entry to write, not saved yet: from a lesson's reflection prompt ({@code lessonKey}: the
     * lesson is linked, the prompt shown, the module's framework elements ticked), from a coaching session of
     * one's own ({@code sessionId}; anyone else's is "not found"), or blank.
     */
    @RolesAllowed(Role.LEARNER_NAME)
    public WritePage startEntry(String lessonKey, Long sessionId) {
        long me = Callers.personId(session);
        EntryForm form = new EntryForm();
        form.setEventDate(LocalDate.now(clock));
        LessonLink lesson = null;
        SessionRef coaching = null;
        Set<String> active = activeElementCodes();
        if (lessonKey != null && !lessonKey.isBlank()) {
            lesson = findLesson(lessonKey, true).orElseThrow(() -> new NotFoundException("There is no such lesson."));
            form.setLessonKey(lesson.key());
            form.setKind(EntryKind.LEARNING_ACTIVITY);
            form.setTitle("Reflecting on \u201c" + lesson.title() + "\u201d");
            form.setElementCodes(moduleElementCodes(lesson.key()).stream().filter(active::contains).sorted().toList());
        }
        if (sessionId != null) {
            coaching = JournalPolicy.checkOwnSession(records().findSession(sessionId).orElse(null), me);
            form.setSessionId(coaching.id());
            form.setKind(EntryKind.COACHING_SESSION);
            LocalDate day = LocalDate.ofInstant(coaching.startsAt(), ClockProducer.LONDON);
            form.setEventDate(day);
            if (form.getTitle() == null) {
                form.setTitle("Coaching session on " + DAY.format(day));
            }
        }
        return new WritePage(form, true, lesson, coaching, isNmcRegistrant(me), dimensions());
    }

    /** One's own entry, opened for editing. */
    @RolesAllowed(Role.LEARNER_NAME)
    public WritePage getEntryToEdit(long id) {
        long me = Callers.personId(session);
        JournalEntry entry = JournalPolicy.checkAuthor(em.find(JournalEntry.class, id), me);
        EntryContent content = entry.read(cipher());
        SessionRef coaching = ownSession(content.sessionId(), me);
        return new WritePage(EntryForm.of(entry.getId(), entry.getVersion(), content), entry.isDraft(),
                findLesson(content.lessonKey(), false).orElse(null), coaching, isNmcRegistrant(me), dimensions());
    }

    /**
     * Keeps what has been written so far as a draft, without the checks a saved entry needs: called as the
     * author types, so nothing is lost. Creates the draft the first time. A saved entry is not changed by a
     * draft save: its edits are kept when the author saves (and, until then, in their browser).
     *
     * <p>A draft that seems to identify someone is not stored: the warnings come back with the words marked, and the
     * portal keeps what it had before (the text stays in the author's browser tab) until the author edits the words out
     * or chooses to keep the draft anyway, which they do by passing the {@link Warning#finding() findings} they have
     * seen as {@code acknowledged}. Words found that are not among them stop the draft again.
     */
    @RolesAllowed(Role.LEARNER_NAME)
    public SaveOutcome saveDraft(EntryForm form, Set<String> acknowledged) {
        long me = Callers.personId(session);
        EntryContent content = form.toContent();
        EntryChecks.checkLengths(content);
        JournalEntry entry = entryFor(form, me);
        if (!entry.isDraft()) {
            throw new BusinessException("This entry is already saved: press \u201cSave entry\u201d to keep your changes.");
        }
        content = checkLinksAndChoices(entry, content, me);
        List<Warning> warnings = EntryChecks.warnings(content, LocalDate.now(clock));
        Set<String> seen = acknowledged == null ? Set.of() : acknowledged;
        if (warnings.stream().anyMatch(w -> !seen.contains(w.finding()))) {
            return notStored(entry, warnings);
        }
        return store(entry, content, false, List.of());
    }

    /**
     * Saves the entry after checking it is complete, and after looking for identifying information. If any is
     * found and {@code despiteWarnings} is false, nothing is stored at all (the text stays in the author's browser tab),
     * and the warnings come back with the words marked, for the author to edit or to save anyway.
     */
    @RolesAllowed(Role.LEARNER_NAME)
    public SaveOutcome save(EntryForm form, boolean despiteWarnings) {
        long me = Callers.personId(session);
        EntryContent content = form.toContent();
        EntryChecks.checkComplete(content, LocalDate.now(clock));
        EntryChecks.checkLengths(content);
        JournalEntry entry = entryFor(form, me);
        content = checkLinksAndChoices(entry, content, me);
        List<Warning> warnings = despiteWarnings ? List.of() : EntryChecks.warnings(content, LocalDate.now(clock));
        if (!warnings.isEmpty()) {
            // Nothing is stored, not even as a draft, until the author edits the words out or saves anyway.
            return notStored(entry, warnings);
        }
        return store(entry, content, true, List.of());
    }

    /** An outcome that stores nothing: the entry as it was (no id for a new one) and why. */
    private static SaveOutcome notStored(JournalEntry entry, List<Warning> warnings) {
        return new SaveOutcome(entry.getId(), entry.getVersion(), false, warnings);
    }

    /**
     * {@link #save(EntryForm, boolean)} from the writing page: a new entry sent twice by the same form ({@code intent})
     * is written once, the repeat answered "already saved". The form's key is claimed only once something is stored
     * (a save held back by the identifying-information warning stores nothing, and the author may send it again); a
     * repeat that finds it claimed rolls back what it had written.
     */
    @RolesAllowed(Role.LEARNER_NAME)
    public SaveOutcome save(EntryForm form, boolean despiteWarnings, String intent) {
        boolean creating = form.getId() == null;
        SaveOutcome outcome = save(form, despiteWarnings);
        if (creating && outcome.id() != null) {
            org.leadingtogether.platform.persistence.FormIntents.claim(em, Callers.personId(session), intent,
                    "journal-entry/" + despiteWarnings, "This entry is already saved: the same form was sent again. It is in your journal.",
                    clock.instant());
        }
        return outcome;
    }

    /** Deletes one's own entry, and the comments on it. */
    @RolesAllowed(Role.LEARNER_NAME)
    public void deleteEntry(long id) {
        long me = Callers.personId(session);
        JournalEntry entry = JournalPolicy.checkAuthor(em.find(JournalEntry.class, id), me);
        em.createQuery("DELETE FROM JournalComment c WHERE c.entry = :e").setParameter("e", entry).executeUpdate();
        em.remove(entry);
    }

    // ------------------------------------------------------------------------------------------ reading one's own

    /** One's own entries, newest event first, narrowed by the search (words matched in the opened text). */
    @RolesAllowed(Role.LEARNER_NAME)
    public List<EntrySummary> findMine(JournalSearch search) {
        long me = Callers.personId(session);
        JournalSearch s = search == null ? JournalSearch.everything() : search;
        StringBuilder jpql = new StringBuilder("SELECT DISTINCT e FROM JournalEntry e");
        if (s.elementCode() != null && !s.elementCode().isBlank()) {
            jpql.append(" JOIN e.elementCodes code");
        }
        jpql.append(" WHERE e.authorId = :me");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("me", me);
        if (s.elementCode() != null && !s.elementCode().isBlank()) {
            jpql.append(" AND code = :code");
            parameters.put("code", s.elementCode());
        }
        if (s.kind() != null) {
            jpql.append(" AND e.kind = :kind");
            parameters.put("kind", s.kind());
        }
        if (s.from() != null) {
            jpql.append(" AND e.eventDate >= :from");
            parameters.put("from", s.from());
        }
        if (s.to() != null) {
            jpql.append(" AND e.eventDate <= :to");
            parameters.put("to", s.to());
        }
        TypedQuery<JournalEntry> query = batched(em.createQuery(jpql.toString(), JournalEntry.class));
        parameters.forEach(query::setParameter);
        List<JournalEntry> entries = new ArrayList<>(query.getResultList());
        entries.sort(NEWEST_FIRST);

        Map<Long, List<JournalComment>> comments = commentsOf(entries);
        Map<Long, PairingRef> pairings = records().findPairings(entries.stream().map(JournalEntry::getSharedPairingId).toList());
        Map<String, String> names = elementNames(entries.stream().flatMap(e -> e.getElementCodes().stream()).collect(Collectors.toSet()));
        List<EntrySummary> summaries = new ArrayList<>();
        for (JournalEntry entry : entries) {
            EntryContent content = entry.read(cipher());
            List<JournalComment> onEntry = comments.getOrDefault(entry.getId(), List.of());
            if (!s.needles().isEmpty()) {
                String text = content.allText() + "\n" + onEntry.stream().map(c -> c.read(cipher())).collect(Collectors.joining("\n"));
                if (!s.matchesWords(text)) {
                    continue;
                }
            }
            PairingRef pairing = pairings.get(entry.getSharedPairingId());
            String sharedWith = pairing != null && pairing.isCurrent() && pairing.coacheeId() == me ? pairing.coachName() : null;
            summaries.add(new EntrySummary(entry.getId(), display(content.title()), entry.getEventDate(), entry.getKind(),
                    entry.getModel(), entry.isDraft(), sharedWith,
                    content.elementCodes().stream().sorted().map(c -> names.getOrDefault(c, c)).toList(),
                    entry.getCpdHours(), onEntry.size()));
        }
        return summaries;
    }

    /** One's own entry to read, with its links, sharing, comments and the coaches it could be shared with. */
    @RolesAllowed(Role.LEARNER_NAME)
    public EntryPage getEntry(long id) {
        long me = Callers.personId(session);
        JournalEntry entry = JournalPolicy.checkAuthor(em.find(JournalEntry.class, id), me);
        EntryContent content = entry.read(cipher());
        return new EntryPage(entry.getId(), entry.isDraft(), content, findLesson(content.lessonKey(), false).orElse(null),
                ownSession(content.sessionId(), me), elementRefs(content.elementCodes()), sharing(entry),
                records().findCurrentPairingsOf(me), commentViews(entry, me, null), entry.getModifiedAt(), isNmcRegistrant(me));
    }

    /**
     * How many of one's saved entries evidence the framework, in all and per element of the active framework, for
     * the progress view. An entry tagged with elements of the edition the active one replaces counts for the
     * elements its crosswalk leads to, once per element however many of its tags lead there.
     */
    @RolesAllowed(Role.LEARNER_NAME)
    public Evidence findMyEvidence() {
        long me = Callers.personId(session);
        Map<Long, List<String>> codesByEntry = new LinkedHashMap<>();
        em.createQuery("""
                        SELECT e.id, code FROM JournalEntry e JOIN e.elementCodes code
                        WHERE e.authorId = :me AND e.status = org.leadingtogether.journal.EntryStatus.SAVED""", Object[].class)
                .setParameter("me", me).getResultList()
                .forEach(row -> codesByEntry.computeIfAbsent((Long) row[0], id -> new ArrayList<>()).add((String) row[1]));
        java.util.Optional<FrameworkView> active = frameworks.findActive();
        Set<String> elementCodes = active.map(FrameworkView::elementCodes).orElse(Set.of());
        Map<String, Integer> byElement = new LinkedHashMap<>();
        codesByEntry.values().forEach(codes -> active.map(a -> (Collection<String>) a.ownCodes(codes, elementCodes)).orElse(codes)
                .stream().distinct().forEach(code -> byElement.merge(code, 1, Integer::sum)));
        return new Evidence(codesByEntry.size(), byElement);
    }

    /** Chosen entries of one's own, opened for the reflective accounts PDF and the CPD log, in date order. */
    @RolesAllowed(Role.LEARNER_NAME)
    public Export getExport(Collection<Long> ids) {
        long me = Callers.personId(session);
        if (ids == null || ids.isEmpty()) {
            throw new BusinessException("Choose at least one entry to export.");
        }
        List<JournalEntry> entries = new ArrayList<>();
        for (Long id : new LinkedHashSet<>(ids)) {
            entries.add(JournalPolicy.checkAuthor(id == null ? null : em.find(JournalEntry.class, id), me));
        }
        entries.sort(Comparator.comparing(JournalEntry::getEventDate, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(JournalEntry::getId));
        Map<String, String> names = elementNames(entries.stream().flatMap(e -> e.getElementCodes().stream()).collect(Collectors.toSet()));
        List<ExportEntry> exported = new ArrayList<>();
        for (JournalEntry entry : entries) {
            EntryContent content = entry.read(cipher());
            exported.add(new ExportEntry(entry.getId(), content,
                    content.elementCodes().stream().sorted().map(c -> names.getOrDefault(c, c)).toList(),
                    findLesson(content.lessonKey(), false).map(LessonLink::title).orElse(null)));
        }
        return new Export(personName(me), LocalDate.now(clock), exported);
    }

    // ------------------------------------------------------------------------------------------ sharing

    /** Shares one's own saved entry with the coach of one of one's current pairings. */
    @RolesAllowed(Role.LEARNER_NAME)
    public void share(long entryId, long pairingId) {
        long me = Callers.personId(session);
        JournalEntry entry = em.find(JournalEntry.class, entryId);
        PairingRef pairing = JournalPolicy.checkMayShare(entry, me, records().findPairing(pairingId).orElse(null));
        entry.shareThrough(pairing.id(), clock.instant());
        happened.fire(new JournalHappened(entry.getId(), me, pairing.coachId(), false));
    }

    /** Stops sharing one's own entry; the coach's comments stay for the author to read. */
    @RolesAllowed(Role.LEARNER_NAME)
    public void unshare(long entryId) {
        long me = Callers.personId(session);
        JournalPolicy.checkAuthor(em.find(JournalEntry.class, entryId), me).unshare();
    }

    /**
     * Adds a comment: by a coach to an entry they may read now, or by the author to their own entry (a reply).
     * Anyone else is told the entry does not exist.
     */
    @RolesAllowed({Role.LEARNER_NAME, Role.COACH_NAME})
    public void addComment(long entryId, String text) {
        long me = Callers.personId(session);
        JournalEntry entry = em.find(JournalEntry.class, entryId);
        if (entry == null || entry.getAuthorId() != me) {
            JournalPolicy.checkCoachMayRead(entry, me, entry == null ? null : records().findPairing(entry.getSharedPairingId()).orElse(null));
        }
        if (text == null || text.isBlank()) {
            throw new BusinessException("comment", "Write a comment before adding it.");
        }
        if (text.length() > JournalComment.TEXT_MAX) {
            throw new BusinessException("comment", "Keep the comment to " + String.format(Locale.UK, "%,d", JournalComment.TEXT_MAX)
                    + " characters or fewer.");
        }
        // Belongs to the pairing the entry is shared through now (for a coach, the one that lets them read it).
        em.persist(new JournalComment(entry, me, entry.getSharedPairingId(), text.strip(), cipher()));
        if (entry.getAuthorId() != me) {
            happened.fire(new JournalHappened(entry.getId(), entry.getAuthorId(), me, true));
        }
    }

    // ------------------------------------------------------------------------------------------ coaches

    /**
     * What a coachee shares with the calling coach now: saved entries shared through a current pairing between
     * them. Empty when the caller is not (or no longer) the person's coach.
     */
    @RolesAllowed(Role.COACH_NAME)
    public List<SharedSummary> findSharedWithMe(long coacheeId) {
        long me = Callers.personId(session);
        List<Long> pairings = records().findCurrentPairings(me, coacheeId).stream().map(PairingRef::id).toList();
        if (pairings.isEmpty() || coacheeId == me) {
            return List.of();
        }
        List<JournalEntry> entries = batched(em.createNamedQuery("JournalEntry.findSharedThrough", JournalEntry.class))
                .setParameter("author", coacheeId).setParameter("pairings", pairings).getResultList();
        Map<Long, List<JournalComment>> comments = commentsOf(entries);
        return entries.stream().map(e -> new SharedSummary(e.getId(), display(e.read(cipher()).title()), e.getEventDate(),
                e.getKind(), e.getSharedAt(), (int) comments.getOrDefault(e.getId(), List.of()).stream()
                        .filter(c -> c.belongsTo(e.getSharedPairingId())).count())).toList();
    }

    /** A shared entry, for its author's current coach only; for anyone else it does not exist. */
    @RolesAllowed(Role.COACH_NAME)
    public SharedEntryPage getSharedEntry(long id) {
        long me = Callers.personId(session);
        JournalEntry entry = em.find(JournalEntry.class, id);
        JournalPolicy.checkCoachMayRead(entry, me, entry == null ? null : records().findPairing(entry.getSharedPairingId()).orElse(null));
        EntryContent content = entry.read(cipher());
        return new SharedEntryPage(entry.getId(), entry.getAuthorId(), personName(entry.getAuthorId()), content,
                findLesson(content.lessonKey(), false).orElse(null), elementRefs(content.elementCodes()), entry.getSharedAt(),
                commentViews(entry, entry.getAuthorId(), entry.getSharedPairingId()));
    }

    // ------------------------------------------------------------------------------------------ subject access

    /** Every entry of the caller's own, opened, with sharing and comments: for their subject access download. */
    @PermitAll
    public List<EntryRecord> findAllMine() {
        long me = Callers.personId(session);
        List<JournalEntry> entries = batched(em.createNamedQuery("JournalEntry.findByAuthor", JournalEntry.class))
                .setParameter("author", me).getResultList();
        List<EntryRecord> result = new ArrayList<>();
        for (JournalEntry entry : entries) {
            result.add(new EntryRecord(entry.getId(), entry.getStatus(), entry.getCreatedAt(), entry.getModifiedAt(),
                    entry.getSavedAt(), entry.read(cipher()), sharing(entry), commentViews(entry, me, null)));
        }
        return result;
    }

    // ------------------------------------------------------------------------------------------ checks

    private JournalEntry entryFor(EntryForm form, long me) {
        if (form.getId() == null) {
            return new JournalEntry(me);
        }
        JournalEntry entry = JournalPolicy.checkAuthor(em.find(JournalEntry.class, form.getId()), me);
        if (entry.getVersion() != form.getVersion()) {
            throw new BusinessException("This entry was changed in another window or tab since you opened it here. Open it again"
                    + " to see the latest version; copy anything you typed here that you want to keep.");
        }
        return entry;
    }

    /**
     * The links and choices checked: a lesson that exists, a coaching session of one's own (checked when it is
     * first linked; an old link stays even after the pairing ends), elements of a framework, and NMC themes only
     * for nurses and midwives (anyone else's are dropped: the page never offers them).
     */
    private EntryContent checkLinksAndChoices(JournalEntry entry, EntryContent content, long me) {
        if (content.lessonKey() != null && !Objects.equals(content.lessonKey(), entry.getLessonKey())
                && findLesson(content.lessonKey(), false).isEmpty()) {
            throw new NotFoundException("There is no such lesson.");
        }
        if (content.sessionId() != null && !Objects.equals(content.sessionId(), entry.getCoachingSessionId())) {
            JournalPolicy.checkOwnSession(records().findSession(content.sessionId()).orElse(null), me);
        }
        Set<String> known = new java.util.HashSet<>(activeElementCodes());
        known.addAll(entry.getElementCodes());
        if (!known.containsAll(content.elementCodes())) {
            throw new BusinessException("elements", "Choose framework elements from the list.");
        }
        if (!content.themes().isEmpty() && !isNmcRegistrant(me)) {
            return new EntryContent(content.title(), content.eventDate(), content.kind(), content.model(), content.stages(),
                    content.learned(), content.change(), content.elementCodes(), Set.of(), content.cpdHours(),
                    content.participatory(), content.lessonKey(), content.sessionId());
        }
        return content;
    }

    private SaveOutcome store(JournalEntry entry, EntryContent content, boolean saved, List<Warning> warnings) {
        if (entry.isNew()) {
            // Its id first: the text is sealed bound to it. Same transaction, so nothing is stored if anything fails.
            em.persist(entry);
            em.flush();
        }
        entry.write(content, cipher());
        if (saved) {
            entry.markSaved(clock.instant());
        }
        em.flush();
        return new SaveOutcome(entry.getId(), entry.getVersion(), saved, warnings);
    }

    // ------------------------------------------------------------------------------------------ reading helpers

    private static final Comparator<JournalEntry> NEWEST_FIRST = Comparator
            .comparing(JournalEntry::getEventDate, Comparator.nullsFirst(Comparator.<LocalDate>naturalOrder()).reversed())
            .thenComparing(JournalEntry::getId, Comparator.reverseOrder());

    /** Loads the entries' collections in a few queries for the whole list, not a few per entry. */
    private static <T> TypedQuery<T> batched(TypedQuery<T> query) {
        return query.setHint("eclipselink.batch.type", "IN")
                .setHint("eclipselink.batch", "e.elementCodes")
                .setHint("eclipselink.batch", "e.themes");
    }

    private Map<Long, List<JournalComment>> commentsOf(List<JournalEntry> entries) {
        if (entries.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<JournalComment>> byEntry = new HashMap<>();
        em.createQuery("SELECT c FROM JournalComment c WHERE c.entry IN :entries ORDER BY c.createdAt, c.id", JournalComment.class)
                .setParameter("entries", entries).getResultList()
                .forEach(c -> byEntry.computeIfAbsent(c.getEntry().getId(), id -> new ArrayList<>()).add(c));
        return byEntry;
    }

    /**
     * The comments on an entry: all of them for its author ({@code pairingId} null), only those of {@code pairingId} for
     * the coach reading through it.
     */
    private List<CommentView> commentViews(JournalEntry entry, long authorId, Long pairingId) {
        List<JournalComment> comments = em.createQuery(
                        "SELECT c FROM JournalComment c WHERE c.entry = :e ORDER BY c.createdAt, c.id", JournalComment.class)
                .setParameter("e", entry).getResultStream()
                .filter(c -> pairingId == null || c.belongsTo(pairingId)).toList();
        Map<Long, String> names = personNames(comments.stream().map(JournalComment::getAuthorId).collect(Collectors.toSet()));
        return comments.stream().map(c -> new CommentView(names.getOrDefault(c.getAuthorId(), "Someone"),
                c.getAuthorId() == authorId, c.getCreatedAt(), c.read(cipher()))).toList();
    }

    /** The entry's sharing as it stands now (null when it was never shared or has been unshared). */
    private Sharing sharing(JournalEntry entry) {
        if (entry.getSharedPairingId() == null) {
            return null;
        }
        return records().findPairing(entry.getSharedPairingId())
                .map(p -> new Sharing(p.id(), p.coachName(), entry.getSharedAt(), p.isCurrent() && p.coacheeId() == entry.getAuthorId()))
                .orElse(null);
    }

    private SessionRef ownSession(Long sessionId, long me) {
        return records().findSession(sessionId).filter(s -> s.pairing().coacheeId() == me).orElse(null);
    }

    /** A lesson by key with its prompt and module; only live ones when {@code live} (to start a new entry). */
    private java.util.Optional<LessonLink> findLesson(String key, boolean live) {
        if (key == null || key.isBlank()) {
            return java.util.Optional.empty();
        }
        return em.createQuery("""
                        SELECT l.lessonKey, l.title, l.reflectionPrompt, m.title, l.active, m.published
                        FROM Lesson l JOIN l.module m WHERE l.lessonKey = :key""", Object[].class)
                .setParameter("key", key).getResultStream()
                .filter(r -> !live || (Boolean) r[4] && (Boolean) r[5])
                .findFirst()
                .map(r -> new LessonLink((String) r[0], (String) r[1], (String) r[2], (String) r[3]));
    }

    /** The elements a lesson teaches (its module's, for a lesson imported before lessons named their own). */
    private List<String> moduleElementCodes(String lessonKey) {
        List<String> own = em.createQuery("SELECT code FROM Lesson l JOIN l.elementCodes code WHERE l.lessonKey = :key", String.class)
                .setParameter("key", lessonKey).getResultList();
        if (!own.isEmpty()) {
            return own;
        }
        return em.createQuery("SELECT code FROM Lesson l JOIN l.module m JOIN m.elementCodes code WHERE l.lessonKey = :key", String.class)
                .setParameter("key", lessonKey).getResultList();
    }

    private List<DimensionChoice> dimensions() {
        return frameworks.findActive().map(FrameworkView::dimensions).orElse(List.of()).stream()
                .map(d -> new DimensionChoice(d.name(), d.elements().stream().map(e -> new ElementRef(e.code(), e.name())).toList()))
                .toList();
    }

    private Set<String> activeElementCodes() {
        return frameworks.findActive().map(FrameworkView::elementCodes).orElse(Set.of());
    }

    private List<ElementRef> elementRefs(Set<String> codes) {
        Map<String, String> names = elementNames(codes);
        return codes.stream().sorted().map(c -> new ElementRef(c, names.getOrDefault(c, c))).toList();
    }

    /** Element names by code, from whichever framework version has them (the active one first). */
    private Map<String, String> elementNames(Set<String> codes) {
        Map<String, String> names = new HashMap<>();
        if (codes.isEmpty()) {
            return names;
        }
        em.createQuery("""
                        SELECT e.code, e.name FROM Element e JOIN e.dimension d JOIN d.framework f
                        WHERE e.code IN :codes ORDER BY f.active""", Object[].class)
                .setParameter("codes", codes).getResultList()
                .forEach(r -> names.put((String) r[0], (String) r[1]));
        return names;
    }

    private boolean isNmcRegistrant(long personId) {
        return em.createQuery("SELECT pr.name FROM Person p JOIN p.profession pr WHERE p.id = :id", String.class)
                .setParameter("id", personId).getResultStream().anyMatch(NmcTheme::appliesTo);
    }

    private String personName(long personId) {
        return personNames(Set.of(personId)).getOrDefault(personId, "");
    }

    private Map<Long, String> personNames(Set<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            em.createQuery("SELECT p.id, p.givenName, p.familyName FROM Person p WHERE p.id IN :ids", Object[].class)
                    .setParameter("ids", ids).getResultList()
                    .forEach(r -> names.put((Long) r[0], r[1] + " " + r[2]));
        }
        return names;
    }

    private static String display(String title) {
        return title == null || title.isBlank() ? "Untitled draft" : title;
    }

    private CoachingRecords records() {
        return new CoachingRecords(em);
    }

    private JournalCipher cipher() {
        return keys.cipher();
    }
}
