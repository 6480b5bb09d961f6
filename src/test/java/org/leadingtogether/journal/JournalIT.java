package org.leadingtogether.journal;

import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.leadingtogether.journal.JournalViews.EntryPage;
import org.leadingtogether.journal.JournalViews.EntrySummary;
import org.leadingtogether.journal.JournalViews.SaveOutcome;
import org.leadingtogether.journal.JournalViews.SharedSummary;
import org.leadingtogether.journal.JournalViews.WritePage;
import org.leadingtogether.platform.BusinessException;
import org.leadingtogether.platform.NotFoundException;
import org.leadingtogether.privacy.PrivacyService;
import org.leadingtogether.progress.ProgressService;
import org.leadingtogether.support.PortalDeployment;
import org.leadingtogether.support.RunAsAdmin;
import org.leadingtogether.support.RunAsCoach;
import org.leadingtogether.support.RunAsLearner;
import org.leadingtogether.support.RunAsManager;
import org.leadingtogether.support.RunAsOtherCoach;
import org.leadingtogether.support.TestLearner;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The journal service inside Payara Micro on MariaDB: text sealed in the tables, the access rules for every kind
 * of caller, sharing that ends with the pairing, links to coaching sessions, drafts and the identifying-information
 * warning, evidence in the progress view, and the subject access download.
 */
@ExtendWith(ArquillianExtension.class)
class JournalIT {

    private static final String LESSON = "why-systems-leadership";

    @Deployment
    static WebArchive deployment() {
        return PortalDeployment.inContainer(JournalIT.class, JournalFixture.class);
    }

    @Inject
    private JournalService journal;

    @Inject
    private ProgressService progress;

    @Inject
    private PrivacyService privacy;

    @Inject
    private RunAsLearner learner;

    @Inject
    private RunAsCoach coach;

    @Inject
    private RunAsOtherCoach otherCoach;

    @Inject
    private RunAsManager manager;

    @Inject
    private RunAsAdmin admin;

    @Inject
    private TestLearner testLearner;

    @Inject
    private JournalFixture fixture;

    @BeforeEach
    void fresh() {
        testLearner.reset();
        fixture.reset();
    }

    @AfterEach
    void tidy() {
        fixture.reset();
    }

    private static EntryForm gibbs(String title, String description) {
        EntryForm form = new EntryForm();
        form.setTitle(title);
        form.setEventDate(LocalDate.of(2026, 10, 2));
        form.setKind(EntryKind.PRACTICE_EVENT);
        form.getStages().set(0, description);
        form.getStages().set(4, "Ask before telling.");
        form.setLearned("Listening first brought the teams together.");
        form.setChange("I will open huddles with a round of what each team knows.");
        form.setElementCodes(List.of("MLC-P2.2"));
        return form;
    }

    /** Saves an entry as the test learner, with no identifying words in it; returns its id. */
    private long saved(EntryForm form) throws Exception {
        SaveOutcome outcome = learner.call(() -> journal.save(form, false));
        assertTrue(outcome.saved(), "saved: " + outcome.warnings());
        return outcome.id();
    }

    private <T> T as(Callable<T> caller) throws Exception {
        return caller.call();
    }

    // ------------------------------------------------------------------------------------------ encryption

    @Test
    void theTextInTheTablesIsSealedAndOnlyTheServiceOpensIt() throws Exception {
        long pairing = fixture.pairing(TestLearner.COACH_ID, TestLearner.ID, "ACTIVE");
        long id = saved(gibbs("Huddle on ward seven", "I chaired the huddle for the first time."));
        learner.call(() -> {
            journal.share(id, pairing);
            return null;
        });
        coach.call(() -> {
            journal.addComment(id, "What helped you most?");
            return null;
        });

        List<String> stored = fixture.storedText(id);
        assertEquals(4 + 1, stored.size(), "title, stages, learned, change, one comment");
        for (String value : stored) {
            assertNotNull(value);
            for (String plain : List.of("Huddle", "huddle", "chaired", "Listening", "Ask before", "round of", "helped you")) {
                assertFalse(value.contains(plain), "plain text in the table: " + value);
            }
        }
        EntryPage page = learner.call(() -> journal.getEntry(id));
        assertEquals("Huddle on ward seven", page.content().title());
        assertEquals("I chaired the huddle for the first time.", page.content().stage(0));
        assertEquals("What helped you most?", page.comments().get(0).text());
    }

    @Test
    void aChangedValueInTheDatabaseIsRefusedNotShown() throws Exception {
        long id = saved(gibbs("Tamper test", "Original words."));
        fixture.tamperWithStages(id);
        EJBException refused = assertThrows(EJBException.class, () -> learner.call(() -> journal.getEntry(id)));
        Throwable cause = refused;
        while (cause != null && !(cause instanceof JournalCipher.UnreadableTextException)) {
            cause = cause.getCause();
        }
        assertNotNull(cause, "refused because the value fails its integrity check: " + refused);
    }

    @Test
    void titlesSwappedBetweenTwoEntriesOfTheSameAuthorAreRefusedNotShown() throws Exception {
        long first = saved(gibbs("First of two", "One."));
        long second = saved(gibbs("Second of two", "Two."));
        fixture.swapTitles(first, second);
        for (long id : List.of(first, second)) {
            EJBException refused = assertThrows(EJBException.class, () -> learner.call(() -> journal.getEntry(id)),
                    "a title moved from another entry of the same author does not open");
            Throwable cause = refused;
            while (cause != null && !(cause instanceof JournalCipher.UnreadableTextException)) {
                cause = cause.getCause();
            }
            assertNotNull(cause, "refused because the value is bound to its own entry: " + refused);
        }
        fixture.swapTitles(first, second);
        assertEquals("First of two", learner.call(() -> journal.getEntry(first)).content().title(), "put back, it opens again");
    }

    // ------------------------------------------------------------------------------------------ the author

    @Test
    void theAuthorSearchesAndFiltersTheirOwnEntries() throws Exception {
        long huddle = saved(gibbs("Huddle on ward seven", "Three teams, four discharges."));
        EntryForm lesson = new EntryForm();
        lesson.changeModel(ReflectionModel.ROLFE);
        lesson.setTitle("Networks outside meetings");
        lesson.setEventDate(LocalDate.of(2026, 11, 3));
        lesson.setKind(EntryKind.LEARNING_ACTIVITY);
        lesson.getStages().set(0, "Read about informal relationships.");
        lesson.setElementCodes(List.of("MLC-P2.1"));
        long networks = saved(lesson);

        List<EntrySummary> all = learner.call(() -> journal.findMine(JournalSearch.everything()));
        assertEquals(List.of(networks, huddle), all.stream().map(EntrySummary::id).toList(), "newest event first");
        assertEquals(List.of(huddle), ids(new JournalSearch("DISCHARGES three", null, null, null, null)), "words, any case, all of them");
        assertEquals(List.of(), ids(new JournalSearch("discharges networks", null, null, null, null)));
        assertEquals(List.of(networks), ids(new JournalSearch(null, EntryKind.LEARNING_ACTIVITY, null, null, null)));
        assertEquals(List.of(huddle), ids(new JournalSearch(null, null, "MLC-P2.2", null, null)));
        assertEquals(List.of(networks), ids(new JournalSearch(null, null, null, LocalDate.of(2026, 11, 1), null)));
        assertEquals(List.of(huddle), ids(new JournalSearch(null, null, null, null, LocalDate.of(2026, 10, 31))));
        assertEquals(List.of("Sharing purpose, power and credit with partners"), all.get(1).elements());
    }

    private List<Long> ids(JournalSearch search) throws Exception {
        return learner.call(() -> journal.findMine(search)).stream().map(EntrySummary::id).toList();
    }

    @Test
    void aDraftIsKeptAsYouGoAndIdentifyingWordsAreWarnedAboutBeforeSaving() throws Exception {
        WritePage start = learner.call(() -> journal.startEntry(LESSON, null));
        assertEquals(LESSON, start.lesson().key());
        assertFalse(start.lesson().prompt().isBlank(), "the lesson's prompt is shown");
        assertEquals(EntryKind.LEARNING_ACTIVITY, start.form().getKind());
        assertFalse(start.form().getElementCodes().isEmpty(), "the module's elements are ticked");

        EntryForm form = start.form();
        form.getStages().set(0, "Half a thought");
        SaveOutcome draft = learner.call(() -> journal.saveDraft(form, Set.of()));
        assertFalse(draft.saved());
        form.setId(draft.id());
        form.setVersion(draft.version());
        assertTrue(learner.call(() -> journal.getEntry(draft.id())).draft());

        form.getStages().set(0, "I met Mrs Jones (NHS 943 476 5919) at the clinic.");
        SaveOutcome held = learner.call(() -> journal.saveDraft(form, Set.of()));
        assertFalse(held.saved());
        assertEquals(List.of("a person's name", "an NHS number"), held.warnings().get(0).kinds(), "a draft is warned about as a save is");
        assertTrue(held.warnings().get(0).excerpt().stream().anyMatch(segment -> segment.isMarked() && segment.text().contains("943 476 5919")),
                "with the words marked");
        assertEquals("Half a thought", learner.call(() -> journal.getEntry(draft.id())).content().stage(0),
                "the draft with the NHS number is not stored on the server");
        assertEquals("Half a thought", fixture.storedFirstStage(draft.id()), "not in the table either");

        SaveOutcome warned = learner.call(() -> journal.save(form, false));
        assertFalse(warned.saved(), "not saved while it may identify someone");
        assertEquals(List.of("a person's name", "an NHS number"), warned.warnings().get(0).kinds());
        assertTrue(learner.call(() -> journal.getEntry(draft.id())).draft(), "still a draft");
        assertEquals("Half a thought", learner.call(() -> journal.getEntry(draft.id())).content().stage(0), "and still without the words");

        Set<String> seen = Set.copyOf(held.warnings().stream().map(w -> w.finding()).toList());
        SaveOutcome kept = learner.call(() -> journal.saveDraft(form, seen));
        assertTrue(kept.warnings().isEmpty(), "the author chose to keep the draft as it is");
        assertTrue(learner.call(() -> journal.getEntry(draft.id())).content().stage(0).contains("Mrs Jones"));
        form.setVersion(kept.version());
        form.getStages().set(0, "I met Mrs Jones (NHS 943 476 5919) at the clinic with Mr Patel.");
        assertFalse(learner.call(() -> journal.saveDraft(form, seen)).warnings().isEmpty(), "a name not seen before stops the draft again");
        form.getStages().set(0, "I met Mrs Jones (NHS 943 476 5919) at the clinic.");

        form.setVersion(kept.version());
        SaveOutcome anyway = learner.call(() -> journal.save(form, true));
        assertTrue(anyway.saved(), "the author may save anyway");
        assertEquals(LESSON, learner.call(() -> journal.getEntry(draft.id())).lesson().key());

        form.setVersion(anyway.version() - 1);
        BusinessException stale = assertThrows(BusinessException.class, () -> learner.call(() -> journal.save(form, true)));
        assertTrue(stale.getMessage().contains("another window"), stale.getMessage());
    }

    @Test
    void anIncompleteEntryIsRefusedAtItsField() throws Exception {
        EntryForm form = gibbs(" ", "Something");
        assertEquals("title", assertThrows(BusinessException.class, () -> learner.call(() -> journal.save(form, false))).getField().orElseThrow());
        form.setTitle("A title");
        form.setEventDate(LocalDate.now().plusDays(2));
        assertEquals("eventDate", assertThrows(BusinessException.class, () -> learner.call(() -> journal.save(form, false))).getField().orElseThrow());
        form.setEventDate(LocalDate.of(2026, 1, 5));
        form.setCpdHours(new BigDecimal("-1"));
        assertEquals("cpdHours", assertThrows(BusinessException.class, () -> learner.call(() -> journal.save(form, false))).getField().orElseThrow());
        form.setCpdHours(null);
        form.setElementCodes(List.of("NOT-AN-ELEMENT"));
        assertEquals("elements", assertThrows(BusinessException.class, () -> learner.call(() -> journal.save(form, false))).getField().orElseThrow());
        assertTrue(learner.call(() -> journal.findMine(JournalSearch.everything())).isEmpty(), "nothing half saved");
    }

    @Test
    void codeThemesAreKeptForNursesAndMidwivesOnly() throws Exception {
        EntryForm form = gibbs("Themes", "Text");
        form.setThemes(List.of(NmcTheme.PRESERVE_SAFETY));
        long notANurse = saved(form);
        assertTrue(learner.call(() -> journal.getEntry(notANurse)).content().themes().isEmpty());
        assertFalse(learner.call(() -> journal.startEntry(null, null)).nmc());

        fixture.setProfession("Midwifery");
        EntryForm again = gibbs("Themes", "Text");
        again.setThemes(List.of(NmcTheme.PRESERVE_SAFETY));
        long midwife = saved(again);
        assertEquals(List.of(NmcTheme.PRESERVE_SAFETY), learner.call(() -> journal.getEntry(midwife)).content().themeList());
        assertTrue(learner.call(() -> journal.startEntry(null, null)).nmc());
    }

    // ------------------------------------------------------------------------------------------ who reads what

    @Test
    void nobodyButTheAuthorReadsAnUnsharedEntry() throws Exception {
        fixture.pairing(TestLearner.COACH_ID, TestLearner.ID, "ACTIVE");
        long id = saved(gibbs("Private", "Mine alone."));

        assertThrows(NotFoundException.class, () -> coach.call(() -> journal.getSharedEntry(id)), "even the current coach, until shared");
        assertTrue(coach.call(() -> journal.findSharedWithMe(TestLearner.ID)).isEmpty());
        assertThrows(NotFoundException.class, () -> otherCoach.call(() -> journal.getSharedEntry(id)));
        assertThrows(NotFoundException.class, () -> coach.call(() -> {
            journal.addComment(id, "Sneaking a comment in");
            return null;
        }));

        // Programme managers and administrators have no way in at all: the role check refuses them first.
        for (Callable<?> attempt : List.<Callable<?>>of(
                () -> manager.call(() -> journal.getEntry(id)),
                () -> manager.call(() -> journal.getSharedEntry(id)),
                () -> manager.call(() -> journal.findSharedWithMe(TestLearner.ID)),
                () -> manager.call(() -> journal.getExport(List.of(id))),
                () -> admin.call(() -> journal.getEntry(id)),
                () -> admin.call(() -> journal.getSharedEntry(id)),
                () -> admin.call(() -> journal.findMine(JournalSearch.everything())),
                () -> admin.call(() -> journal.getExport(List.of(id))))) {
            Exception refused = assertThrows(Exception.class, () -> as(attempt));
            assertTrue(refused instanceof EJBAccessException || refused instanceof NotFoundException, "refused: " + refused);
        }
    }

    @Test
    void anotherPersonsEntryIsNotFoundForTheLearnerByAnyRoute() throws Exception {
        long theirs = fixture.entryOf(TestLearner.MANAGER_ID, "Someone else's");
        assertThrows(NotFoundException.class, () -> learner.call(() -> journal.getEntry(theirs)));
        assertThrows(NotFoundException.class, () -> learner.call(() -> journal.getEntryToEdit(theirs)));
        assertThrows(NotFoundException.class, () -> learner.call(() -> journal.getExport(List.of(theirs))));
        assertThrows(NotFoundException.class, () -> learner.call(() -> {
            journal.unshare(theirs);
            return null;
        }));
        assertThrows(NotFoundException.class, () -> learner.call(() -> {
            journal.deleteEntry(theirs);
            return null;
        }));
        EntryForm overwrite = gibbs("Overwritten", "Overwritten");
        overwrite.setId(theirs);
        assertThrows(NotFoundException.class, () -> learner.call(() -> journal.save(overwrite, true)));
        assertThrows(NotFoundException.class, () -> learner.call(() -> journal.getEntry(Long.MAX_VALUE)), "the same answer as for none");
    }

    @Test
    void theCurrentCoachReadsASharedEntryAndCommentsAndTheAuthorSeesTheComment() throws Exception {
        long pairing = fixture.pairing(TestLearner.COACH_ID, TestLearner.ID, "CHEMISTRY");
        long shared = saved(gibbs("Shared one", "For my coach."));
        long kept = saved(gibbs("Kept back", "Not for anyone."));
        learner.call(() -> {
            journal.share(shared, pairing);
            return null;
        });

        List<SharedSummary> list = coach.call(() -> journal.findSharedWithMe(TestLearner.ID));
        assertEquals(List.of(shared), list.stream().map(SharedSummary::id).toList(), "one entry at a time, the one shared");
        assertEquals("For my coach.", coach.call(() -> journal.getSharedEntry(shared)).content().stage(0));
        assertThrows(NotFoundException.class, () -> coach.call(() -> journal.getSharedEntry(kept)));
        assertTrue(otherCoach.call(() -> journal.findSharedWithMe(TestLearner.ID)).isEmpty(), "not their coachee");
        assertThrows(NotFoundException.class, () -> otherCoach.call(() -> journal.getSharedEntry(shared)));

        coach.call(() -> {
            journal.addComment(shared, "What would you try next time?");
            return null;
        });
        learner.call(() -> {
            journal.addComment(shared, "Asking first.");
            return null;
        });
        EntryPage page = learner.call(() -> journal.getEntry(shared));
        assertEquals(List.of("What would you try next time?", "Asking first."), page.comments().stream().map(JournalViews.CommentView::text).toList());
        assertEquals("Test Coach", page.comments().get(0).author());
        assertTrue(page.sharing().inForce());
        assertEquals(1, learner.call(() -> journal.findMine(JournalSearch.everything())).stream()
                .filter(e -> e.sharedWith() != null).count());

        learner.call(() -> {
            journal.unshare(shared);
            return null;
        });
        assertThrows(NotFoundException.class, () -> coach.call(() -> journal.getSharedEntry(shared)), "unshared: closed again");
        assertTrue(coach.call(() -> journal.findSharedWithMe(TestLearner.ID)).isEmpty());
        assertEquals(2, learner.call(() -> journal.getEntry(shared)).comments().size(), "the author keeps the comments");
    }

    @Test
    void sharingEndsWhenThePairingEndsAndAFormerCoachReadsNothing() throws Exception {
        long former = fixture.pairing(TestLearner.OTHER_COACH_ID, TestLearner.ID, "ACTIVE");
        long old = saved(gibbs("Shared with my first coach", "Then."));
        learner.call(() -> {
            journal.share(old, former);
            return null;
        });
        assertEquals("Then.", otherCoach.call(() -> journal.getSharedEntry(old)).content().stage(0));

        fixture.setState(former, "ENDED");
        assertThrows(NotFoundException.class, () -> otherCoach.call(() -> journal.getSharedEntry(old)), "a former coach reads nothing");
        assertTrue(otherCoach.call(() -> journal.findSharedWithMe(TestLearner.ID)).isEmpty());
        assertThrows(NotFoundException.class, () -> otherCoach.call(() -> {
            journal.addComment(old, "Still here?");
            return null;
        }));
        EntryPage page = learner.call(() -> journal.getEntry(old));
        assertFalse(page.sharing().inForce(), "the author is told the sharing has ended");
        assertNull(learner.call(() -> journal.findMine(JournalSearch.everything())).get(0).sharedWith());

        // The new coach does not inherit what was shared with the old one; sharing with an ended pairing is refused.
        long current = fixture.pairing(TestLearner.COACH_ID, TestLearner.ID, "ACTIVE");
        assertThrows(NotFoundException.class, () -> coach.call(() -> journal.getSharedEntry(old)));
        assertThrows(BusinessException.class, () -> learner.call(() -> {
            journal.share(old, former);
            return null;
        }));
        assertEquals(List.of(current), learner.call(() -> journal.getEntry(old)).coaches().stream().map(PairingRef::id).toList());
    }

    @Test
    void aDraftCannotBeShared() throws Exception {
        long pairing = fixture.pairing(TestLearner.COACH_ID, TestLearner.ID, "ACTIVE");
        EntryForm form = gibbs("Draft", "Not ready");
        long draft = learner.call(() -> journal.saveDraft(form, Set.of())).id();
        assertThrows(BusinessException.class, () -> learner.call(() -> {
            journal.share(draft, pairing);
            return null;
        }));
        assertThrows(NotFoundException.class, () -> coach.call(() -> journal.getSharedEntry(draft)));
    }

    @Test
    void onlyASessionOfOnesOwnPairingCanBeLinked() throws Exception {
        long mine = fixture.session(fixture.pairing(TestLearner.COACH_ID, TestLearner.ID, "ACTIVE"), null);
        long someoneElses = fixture.session(fixture.pairing(TestLearner.COACH_ID, TestLearner.MANAGER_ID, "ACTIVE"), null);

        WritePage page = learner.call(() -> journal.startEntry(null, mine));
        assertEquals(EntryKind.COACHING_SESSION, page.form().getKind());
        assertEquals(LocalDate.of(2026, 10, 14), page.form().getEventDate());
        assertEquals("Test Coach", page.session().pairing().coachName());

        assertThrows(NotFoundException.class, () -> learner.call(() -> journal.startEntry(null, someoneElses)));
        assertThrows(NotFoundException.class, () -> learner.call(() -> journal.startEntry(null, 987_654_321L)));
        EntryForm crafted = gibbs("Crafted", "Linking someone else's session");
        crafted.setSessionId(someoneElses);
        assertThrows(NotFoundException.class, () -> learner.call(() -> journal.saveDraft(crafted, Set.of())));
        assertThrows(NotFoundException.class, () -> learner.call(() -> journal.save(crafted, true)));

        EntryForm own = page.form();
        own.getStages().set(0, "We looked at my goals.");
        long id = saved(own);
        assertEquals(mine, learner.call(() -> journal.getEntry(id)).session().id());
    }

    // ------------------------------------------------------------------------------------------ evidence, exports, subject access

    @Test
    void savedEntriesCountAsEvidenceInTheProgressView() throws Exception {
        saved(gibbs("One", "Evidence"));
        EntryForm two = gibbs("Two", "More evidence");
        two.setElementCodes(List.of("MLC-P2.2", "MLC-P2.1"));
        saved(two);
        learner.call(() -> journal.saveDraft(gibbs("Draft", "Not counted"), Set.of()));

        JournalViews.Evidence evidence = learner.call(() -> journal.findMyEvidence());
        assertEquals(2, evidence.entries());
        assertEquals(2, evidence.byElement().get("MLC-P2.2"));
        assertEquals(1, evidence.byElement().get("MLC-P2.1"));
        assertEquals(2, learner.call(() -> progress.getOverview()).reflections().entries());
    }

    @Test
    void theExportHasTheChosenEntriesInDateOrder() throws Exception {
        EntryForm later = gibbs("Later", "B");
        later.setEventDate(LocalDate.of(2026, 11, 1));
        later.setCpdHours(new BigDecimal("2"));
        long b = saved(later);
        long a = saved(gibbs("Earlier", "A"));
        JournalViews.Export export = learner.call(() -> journal.getExport(List.of(b, a)));
        assertEquals(List.of("Earlier", "Later"), export.entries().stream().map(e -> e.content().title()).toList());
        assertEquals("Test Learner", export.authorName());
        assertThrows(BusinessException.class, () -> learner.call(() -> journal.getExport(List.of())));
    }

    @Test
    void subjectAccessHoldsEverythingAboutThePersonButNotTheCoachsNotes() throws Exception {
        long pairing = fixture.pairing(TestLearner.COACH_ID, TestLearner.ID, "ACTIVE");
        fixture.session(pairing, "COACH-PRIVATE-NOTE about the coachee");
        long id = saved(gibbs("Subject access entry", "Words only I wrote."));
        learner.call(() -> {
            journal.share(id, pairing);
            return null;
        });
        coach.call(() -> {
            journal.addComment(id, "A coach's comment");
            return null;
        });

        JsonObject data = learner.call(() -> privacy.exportMyData());
        String text = data.toString();
        assertEquals("in-container-learner@example.org", data.getJsonObject("profile").getString("email"));
        assertEquals("LEARNER", data.getJsonArray("roles").getString(0));
        assertFalse(text.contains("password_hash") || text.contains("$pbkdf2") || text.contains("$argon2id"), "never the password hash");
        JsonObject coaching = data.getJsonObject("coaching").getJsonArray("pairings").getJsonObject(0);
        assertEquals("ACTIVE", coaching.getString("state"));
        assertEquals("Test Coach", coaching.getString("coach"));
        assertEquals(1, coaching.getJsonArray("sessions").size());
        assertFalse(text.contains("COACH-PRIVATE-NOTE"), "the coach's private notes belong to the coach");
        assertTrue(data.getJsonArray("bookings").isEmpty(), "no bookings yet, and the section is there");
        JsonObject entry = data.getJsonArray("journal").getJsonObject(0);
        assertEquals("Subject access entry", entry.getString("title"));
        assertEquals("Words only I wrote.", entry.getJsonObject("stages").getString("Description"));
        assertEquals("A coach's comment", entry.getJsonArray("comments").getJsonObject(0).getString("text"));

        JsonObject coachsOwn = coach.call(() -> privacy.exportMyData());
        assertTrue(coachsOwn.getJsonArray("journal").isEmpty(), "a coach's download holds no coachee's entries");
        assertTrue(coachsOwn.getJsonArray("bookingsWithYouAsCoach").isEmpty(), "sessions booked with the coach, none yet");
        assertEquals("coach", coachsOwn.getJsonObject("coaching").getJsonArray("pairings").getJsonObject(0).getString("yourRole"));
        if (coachsOwn.toString().contains("Words only I wrote.")) {
            fail("the coachee's entry text is not part of the coach's data");
        }
    }
}
