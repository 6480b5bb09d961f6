package org.leadingtogether.coaching;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.leadingtogether.cohort.CohortService;
import org.leadingtogether.cohort.Programme;
import org.leadingtogether.framework.FrameworkService;
import org.leadingtogether.framework.FrameworkView;
import org.leadingtogether.platform.BusinessException;
import org.leadingtogether.platform.NotFoundException;
import org.leadingtogether.progress.ProgressService;
import org.leadingtogether.support.OneCohort;
import org.leadingtogether.support.PortalDeployment;
import org.leadingtogether.support.RunAsCoach;
import org.leadingtogether.support.RunAsLearner;
import org.leadingtogether.support.RunAsManager;
import org.leadingtogether.support.RunAsOtherCoach;
import org.leadingtogether.support.TestLearner;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Coaching on MariaDB inside the running portal: the whole pairing workflow with what each side may see, a
 * refused invalid move, the coach's capacity when two managers confirm at the same moment, the missed-sessions
 * flag, and self and coach ratings side by side.
 */
@ExtendWith(ArquillianExtension.class)
class CoachingIT {

    @Deployment
    static WebArchive deployment() {
        return PortalDeployment.inContainer(CoachingIT.class);
    }

    @Inject
    private CoachingService coaching;

    @Inject
    private CohortService cohorts;

    @Inject
    private ProgressService progress;

    @Inject
    private FrameworkService frameworks;

    @Inject
    private RunAsManager manager;

    @Inject
    private RunAsLearner learner;

    @Inject
    private RunAsCoach coach;

    @Inject
    private RunAsOtherCoach otherCoach;

    @Inject
    private TestLearner testPeople;

    @PersistenceContext
    private EntityManager em;

    @BeforeEach
    void people() throws Exception {
        testPeople.reset();
        profile(coach, 2);
        profile(otherCoach, 2);
    }

    private void profile(RunAsCoach as, int capacity) throws Exception {
        as.call(() -> { coaching.saveMyProfile(form(capacity)); return null; });
    }

    private void profile(RunAsOtherCoach as, int capacity) throws Exception {
        as.call(() -> { coaching.saveMyProfile(form(capacity)); return null; });
    }

    private static CoachProfile form(int capacity) {
        CoachProfile form = CoachProfile.blank();
        form.setCapacity(capacity);
        form.setAvailable(true);
        form.setAccreditations(Set.of("EMCC Practitioner"));
        form.setSpecialisms(Set.of("Change leadership"));
        return form;
    }

    /** A cohort run by the test manager, with the test learner (and any others) enrolled. */
    private long cohortWith(long... people) throws Exception {
        Programme programme = Programme.blank();
        programme.setName("Coaching IT " + UUID.randomUUID());
        programme.setStartDate(LocalDate.now().minusMonths(1));
        programme.setEndDate(LocalDate.now().plusMonths(5));
        programme.setCoachingSessions(4);
        return OneCohort.of(manager, cohorts, programme, people).cohort();
    }

    /** A demo learner with no coach of their own in the demo data (the demo learner, Amara, has one). */
    private long demoLearner() {
        return em.createQuery("SELECT p.id FROM Person p WHERE p.email = 'david.mensah@demo.test'", Long.class).getSingleResult();
    }

    private long pairingOf(long coacheeId) {
        return em.createQuery("SELECT p.id FROM Pairing p WHERE p.coacheeId = :c ORDER BY p.id DESC", Long.class)
                .setParameter("c", coacheeId).setMaxResults(1).getSingleResult();
    }

    @Test
    void aPairingGoesFromProposalToActiveAndEachSideSeesOnlyWhatIsTheirs() throws Exception {
        long cohortId = cohortWith(TestLearner.ID);
        List<Suggestion> suggestions = manager.call(() -> coaching.suggestFor(cohortId, TestLearner.ID));
        assertTrue(suggestions.stream().anyMatch(s -> s.coach().coachId() == TestLearner.COACH_ID), "the test coach is suggested");
        Suggestion forCoach = suggestions.stream().filter(s -> s.coach().coachId() == TestLearner.COACH_ID).findFirst().orElseThrow();
        assertTrue(forCoach.reasons().contains("has capacity: 2 of 2 places free"), forCoach.reasons().toString());

        manager.call(() -> coaching.proposePairings(cohortId, Map.of(TestLearner.ID, TestLearner.COACH_ID)));
        long pairingId = pairingOf(TestLearner.ID);
        CoachHome home = coach.call(() -> coaching.getCoachHome());
        assertEquals(1, home.requests().size());
        assertEquals(1, home.placesHeld());

        coach.call(() -> { coaching.accept(pairingId); return null; });
        assertEquals(PairingState.CHEMISTRY, learner.call(() -> coaching.getPairing(pairingId)).state());

        coach.call(() -> { coaching.saveAgreement(pairingId, new AgreementTerms("Lead the discharge redesign across two organisations",
                6, 90, "Monthly", "Online", Agreement.STANDARD_CONFIDENTIALITY)); return null; });
        int version = learner.call(() -> coaching.getPairing(pairingId)).agreement().fingerprint();
        learner.call(() -> { coaching.agree(pairingId, version); return null; });
        assertEquals(PairingState.CHEMISTRY, coach.call(() -> coaching.getPairing(pairingId)).state(), "one side has agreed");
        coach.call(() -> { coaching.agree(pairingId, version); return null; });
        assertEquals(PairingState.ACTIVE, coach.call(() -> coaching.getPairing(pairingId)).state(), "both have agreed");

        long sessionId = coach.call(() -> coaching.recordSession(pairingId, LocalDateTime.now().minusDays(1), 60, SessionStatus.ATTENDED));
        coach.call(() -> { coaching.updateSession(sessionId, SessionStatus.ATTENDED, "Private: worried about the ward move"); return null; });
        coach.call(() -> { coaching.addAction(pairingId, "Map who decides on discharge in each organisation"); return null; });
        learner.call(() -> { coaching.giveFeedback(sessionId, 5, "Helped me see the system"); return null; });

        PairingView asCoach = coach.call(() -> coaching.getPairing(pairingId));
        assertEquals("Private: worried about the ward move", asCoach.sessions().get(0).notes());
        assertTrue(asCoach.sessions().get(0).chemistry(), "the first session is the chemistry conversation");
        PairingView asCoachee = learner.call(() -> coaching.getPairing(pairingId));
        assertNull(asCoachee.sessions().get(0).notes(), "the coachee never sees the coach's notes");
        assertEquals("Helped me see the system", asCoachee.sessions().get(0).feedbackComment());
        assertEquals(List.of("Map who decides on discharge in each organisation"), asCoachee.actions().stream().map(PairingView.Action::text).toList());
        assertTrue(asCoachee.agreement().agreedByBoth());

        CohortCoaching overview = manager.call(() -> coaching.getCohortCoaching(cohortId));
        CohortCoaching.Member member = overview.members().get(0);
        assertEquals(PairingState.ACTIVE, member.state());
        assertEquals(1, member.sessionsHeld());
        assertEquals(1, manager.call(() -> cohorts.getDashboard(cohortId)).members().get(0).coachingHeld(), "the dashboard counts it");
        assertThrows(jakarta.ejb.EJBAccessException.class, () -> manager.call(() -> coaching.getPairing(pairingId)),
                "a manager never opens the pairing itself");

        learner.call(() -> { coaching.endPairing(pairingId, "Not the right fit for me now"); return null; });
        BusinessException refused = assertThrows(BusinessException.class, () -> coach.call(() -> { coaching.accept(pairingId); return null; }));
        assertTrue(refused.getMessage().contains("cannot accept"), refused.getMessage());
        assertEquals("Not the right fit for me now", learner.call(() -> coaching.getPairing(pairingId)).myEndReason());
        assertNull(coach.call(() -> coaching.getPairing(pairingId)).myEndReason(), "the reason is private to who ended it");
        assertThrows(NotFoundException.class, () -> coach.call(() -> coaching.getCoachee(pairingId)), "a former coach sees nothing more");
        CohortCoaching after = manager.call(() -> coaching.getCohortCoaching(cohortId));
        assertTrue(after.members().get(0).needsCoach());
        assertEquals("Needs a new coach", after.members().get(0).situation());
        assertTrue(manager.call(() -> coaching.suggestFor(cohortId, TestLearner.ID)).stream()
                .noneMatch(s -> s.coach().coachId() == TestLearner.COACH_ID), "never the coach of an ended pairing again");
    }

    @Test
    void nobodyElseOpensAPairing() throws Exception {
        long cohortId = cohortWith(TestLearner.ID);
        manager.call(() -> coaching.proposePairings(cohortId, Map.of(TestLearner.ID, TestLearner.COACH_ID)));
        long pairingId = pairingOf(TestLearner.ID);
        assertThrows(NotFoundException.class, () -> otherCoach.call(() -> coaching.getPairing(pairingId)));
        assertThrows(NotFoundException.class, () -> otherCoach.call(() -> { coaching.accept(pairingId); return null; }));
        assertThrows(jakarta.ejb.EJBAccessException.class, () -> learner.call(() -> coaching.getCohortCoaching(cohortId)));
        assertThrows(jakarta.ejb.EJBAccessException.class, () -> learner.call(() -> { coaching.accept(pairingId); return null; }));
        Long demoCohort = em.createQuery("SELECT c.id FROM Cohort c WHERE c.programme.name = 'Leading Across Westmoor'", Long.class)
                .getResultStream().findFirst().orElseThrow();
        assertThrows(NotFoundException.class, () -> manager.call(() -> coaching.getCohortCoaching(demoCohort)),
                "a cohort someone else runs");
        assertThrows(NotFoundException.class, () -> coach.call(() -> coaching.getCoachee(pairingId)),
                "not before the coach has accepted");
    }

    @Test
    void twoManagersConfirmingAtOnceNeverOverfillACoach() throws Exception {
        profile(coach, 1);
        long other = demoLearner();
        long first = cohortWith(TestLearner.ID);
        long second = cohortWith(other);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            runs.add(pool.submit(() -> manager.call(() -> coaching.proposePairings(first, Map.of(TestLearner.ID, TestLearner.COACH_ID)))));
            runs.add(pool.submit(() -> manager.call(() -> coaching.proposePairings(second, Map.of(other, TestLearner.COACH_ID)))));
            int won = 0;
            int full = 0;
            for (Future<Integer> run : runs) {
                try {
                    won += run.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    assertTrue(e.getCause() instanceof CoachAtCapacityException, String.valueOf(e.getCause()));
                    full++;
                }
            }
            assertEquals(1, won, "exactly one place");
            assertEquals(1, full, "the other is told the coach is full");
        } finally {
            pool.shutdownNow();
        }
        long pairings = em.createQuery("SELECT COUNT(p) FROM Pairing p WHERE p.coachId = :c", Long.class)
                .setParameter("c", TestLearner.COACH_ID).getSingleResult();
        assertEquals(1L, pairings);
        BusinessException refused = assertThrows(BusinessException.class, () -> coach.call(() -> { coaching.saveMyProfile(form(0)); return null; }));
        assertEquals("capacity", refused.getField().orElseThrow(), "capacity cannot drop below the places held");
    }

    @Test
    void twoManagersProposingDifferentCoachesForOnePersonAtOnceGiveThemOne() throws Exception {
        long cohortId = cohortWith(TestLearner.ID);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (long coachId : List.of(TestLearner.COACH_ID, TestLearner.OTHER_COACH_ID)) {
                runs.add(pool.submit(() -> {
                    go.await();
                    return manager.call(() -> coaching.proposePairings(cohortId, Map.of(TestLearner.ID, coachId)));
                }));
            }
            go.countDown();
            int proposed = 0;
            List<String> refusals = new ArrayList<>();
            for (Future<Integer> run : runs) {
                try {
                    proposed += run.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    assertTrue(e.getCause() instanceof BusinessException, String.valueOf(e.getCause()));
                    refusals.add(e.getCause().getMessage());
                }
            }
            assertEquals(1, proposed, "one coach: " + refusals);
            assertEquals(1, refusals.size());
            assertTrue(refusals.get(0).contains("already has a coach or a request waiting"), refusals.get(0));
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1L, em.createQuery("SELECT COUNT(p) FROM Pairing p WHERE p.coacheeId = :c AND p.state IN :open", Long.class)
                .setParameter("c", TestLearner.ID).setParameter("open", PairingState.HOLDING_A_PLACE).getSingleResult());
    }

    @Test
    void theDatabaseItselfRefusesASecondOpenPairingForOneCoachee() throws Exception {
        long cohortId = cohortWith(TestLearner.ID);
        manager.call(() -> coaching.proposePairings(cohortId, Map.of(TestLearner.ID, TestLearner.COACH_ID)));
        Exception refused = assertThrows(Exception.class, () -> testPeople.insertPairing(TestLearner.OTHER_COACH_ID, TestLearner.ID, "ACTIVE"),
                "a second open pairing written straight to the table");
        assertTrue(org.leadingtogether.platform.persistence.DatabaseErrors.isDuplicate(refused), String.valueOf(refused));
        testPeople.insertPairing(TestLearner.OTHER_COACH_ID, TestLearner.ID, "ENDED"); // closed pairings are history, any number
    }

    @Test
    void aCohortIsPairedAllOrNothingAndTwoMissedSessionsFlagThePairing() throws Exception {
        long other = demoLearner();
        long cohortId = cohortWith(TestLearner.ID, other);
        CohortSuggestions suggested = manager.call(() -> coaching.suggestForCohort(cohortId));
        assertEquals(2, suggested.pairs().size(), suggested.toString());

        profile(otherCoach, 0);
        Map<Long, Long> tooMany = Map.of(TestLearner.ID, TestLearner.OTHER_COACH_ID, other, TestLearner.COACH_ID);
        assertThrows(CoachAtCapacityException.class, () -> manager.call(() -> coaching.proposePairings(cohortId, tooMany)));
        assertEquals(0L, em.createQuery("SELECT COUNT(p) FROM Pairing p WHERE p.cohortId = :c", Long.class)
                .setParameter("c", cohortId).getSingleResult(), "nothing half saved");

        Map<Long, Long> picks = new HashMap<>();
        picks.put(TestLearner.ID, TestLearner.COACH_ID);
        picks.put(other, TestLearner.COACH_ID);
        assertEquals(2, manager.call(() -> coaching.proposePairings(cohortId, picks)));
        long pairingId = pairingOf(TestLearner.ID);
        coach.call(() -> { coaching.accept(pairingId); return null; });
        coach.call(() -> coaching.recordSession(pairingId, LocalDateTime.now().minusDays(14), 60, SessionStatus.MISSED));
        coach.call(() -> coaching.recordSession(pairingId, LocalDateTime.now().minusDays(7), 60, SessionStatus.MISSED));
        CohortCoaching.Member member = manager.call(() -> coaching.getCohortCoaching(cohortId)).members().stream()
                .filter(m -> m.personId() == TestLearner.ID).findFirst().orElseThrow();
        assertEquals(2, member.sessionsMissed());
        assertTrue(member.flagged());
        assertThrows(BusinessException.class,
                () -> coach.call(() -> coaching.recordSession(pairingId, LocalDateTime.now().plusDays(7), 60, SessionStatus.ATTENDED)),
                "a future session cannot have been held");
    }

    @Test
    void selfAndCoachRatingsAreKeptSideBySideAndBigDifferencesStandOut() throws Exception {
        long cohortId = cohortWith(TestLearner.ID);
        FrameworkView framework = frameworks.findActive().orElseThrow();
        manager.call(() -> coaching.proposePairings(cohortId, Map.of(TestLearner.ID, TestLearner.COACH_ID)));
        long pairingId = pairingOf(TestLearner.ID);
        coach.call(() -> { coaching.accept(pairingId); return null; });
        Map<Long, Integer> self = new HashMap<>();
        framework.allElements().forEach(e -> self.put(e.id(), framework.minScale()));
        learner.call(() -> progress.saveSelfAssessment(self, null, null));
        long element = framework.allElements().get(0).id();
        long another = framework.allElements().get(1).id();
        coach.call(() -> { coaching.rateCoachee(pairingId, Map.of(element, framework.minScale() + 2, another, framework.minScale() + 1)); return null; });

        CoacheeView view = coach.call(() -> coaching.getCoachee(pairingId));
        CoacheeView.RatingRow first = view.ratings().stream().filter(r -> r.elementId() == element).findFirst().orElseThrow();
        assertEquals(framework.minScale(), first.self());
        assertEquals(framework.minScale() + 2, first.coach());
        assertTrue(first.worthAConversation());
        CoacheeView.RatingRow second = view.ratings().stream().filter(r -> r.elementId() == another).findFirst().orElseThrow();
        assertFalse(second.worthAConversation(), "one point apart is not highlighted");
        assertTrue(view.selfRated() && view.coachRated());
        long selfAssessments = em.createQuery("SELECT COUNT(a) FROM SelfAssessment a WHERE a.personId = :p", Long.class)
                .setParameter("p", TestLearner.ID).getSingleResult();
        assertEquals(1L, selfAssessments, "the coach's rating never overwrites the coachee's own");
        assertThrows(NotFoundException.class, () -> otherCoach.call(() -> { coaching.rateCoachee(pairingId, Map.of(element, 1)); return null; }));
    }

    @Test
    void aLearnerAsksForASuggestedCoachAndCannotAskTwice() throws Exception {
        cohortWith(TestLearner.ID);
        learner.call(() -> { coaching.saveWishes(List.of("change leadership", " Change Leadership ", "")); return null; });
        MyCoaching mine = learner.call(() -> coaching.getMyCoaching());
        assertEquals(List.of("change leadership"), mine.wishes());
        assertTrue(mine.canAsk());
        MyCoaching.Suggestion best = mine.suggestions().stream().filter(s -> s.coach().id() == TestLearner.COACH_ID).findFirst().orElseThrow();
        assertTrue(best.reasons().stream().anyMatch(r -> r.toLowerCase().contains("change leadership")), best.reasons().toString());
        long pairingId = learner.call(() -> coaching.requestCoach(TestLearner.COACH_ID));
        assertEquals(PairingState.PROPOSED, learner.call(() -> coaching.getPairing(pairingId)).state());
        assertTrue(coach.call(() -> coaching.getCoachHome()).requests().get(0).askedByCoachee());
        assertThrows(BusinessException.class, () -> learner.call(() -> coaching.requestCoach(TestLearner.OTHER_COACH_ID)));
        assertFalse(learner.call(() -> coaching.getMyCoaching()).canAsk());
    }
}
