package org.leadingtogether.coaching;

import org.junit.jupiter.api.Test;
import org.leadingtogether.platform.BusinessException;
import org.leadingtogether.platform.NotFoundException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pairing life cycle, answer deadlines, agreements, sessions, profiles and the coaching policy, without a container. */
class CoachingRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    private static Pairing proposed() {
        return new Pairing(10, 20, 5L, 99, NOW, TODAY.plusDays(14));
    }

    // Pairing life cycle

    @Test
    void aProposalAcceptedStartsWithAChemistryConversationThenBecomesActive() {
        Pairing pairing = proposed();
        pairing.accept(NOW, TODAY);
        assertEquals(PairingState.CHEMISTRY, pairing.getState());
        pairing.activate(NOW);
        assertEquals(PairingState.ACTIVE, pairing.getState());
        pairing.end(20, "  ", NOW);
        assertEquals(PairingState.ENDED, pairing.getState());
        assertNull(pairing.getEndReason(), "a blank reason is no reason");
    }

    @Test
    void anEndedPairingCannotBeAcceptedOrEndedAgain() {
        Pairing pairing = proposed();
        pairing.end(10, "Conflict of interest", NOW);
        BusinessException refused = assertThrows(BusinessException.class, () -> pairing.accept(NOW, TODAY));
        assertEquals("A pairing that is ended cannot accept now.", refused.getMessage());
        assertThrows(BusinessException.class, () -> pairing.end(20, null, NOW));
        assertThrows(BusinessException.class, () -> pairing.activate(NOW));
    }

    @Test
    void aDeclinedProposalCannotStart() {
        Pairing pairing = proposed();
        pairing.decline(NOW);
        assertThrows(BusinessException.class, () -> pairing.accept(NOW, TODAY));
        assertFalse(pairing.getState().isCurrent());
    }

    @Test
    void anOverdueProposalExpiresWhenTheCoachTriesToAccept() {
        Pairing pairing = proposed();
        assertFalse(pairing.isOverdue(TODAY.plusDays(14)), "the answer date itself is still in time");
        assertTrue(pairing.isOverdue(TODAY.plusDays(15)));
        BusinessException refused = assertThrows(BusinessException.class, () -> pairing.accept(NOW, TODAY.plusDays(15)));
        assertTrue(refused.getMessage().contains("expired"), refused.getMessage());
        assertEquals(PairingState.EXPIRED, pairing.getState());
    }

    @Test
    void onlyTheTwoSidesEndAPairingAndNobodyCoachesThemselves() {
        Pairing pairing = proposed();
        assertThrows(BusinessException.class, () -> pairing.end(99, null, NOW), "not even the manager who proposed it");
        assertThrows(BusinessException.class, () -> new Pairing(7, 7, null, 7, NOW, TODAY));
    }

    @Test
    void theStateMachineAllowsOnlyForwardMoves() {
        for (PairingState from : PairingState.values()) {
            for (PairingState to : PairingState.values()) {
                boolean allowed = from.canMoveTo(to);
                boolean expected = switch (from) {
                    case PROPOSED -> Set.of(PairingState.DECLINED, PairingState.EXPIRED, PairingState.CHEMISTRY, PairingState.ENDED).contains(to);
                    case CHEMISTRY -> to == PairingState.ACTIVE || to == PairingState.ENDED;
                    case ACTIVE -> to == PairingState.ENDED;
                    default -> false;
                };
                assertEquals(expected, allowed, from + " -> " + to);
            }
        }
    }

    // Working days

    @Test
    void workingDaysSkipWeekends() {
        LocalDate friday = LocalDate.of(2026, 11, 27);
        assertEquals(LocalDate.of(2026, 11, 30), WorkingDays.add(friday, 1), "Friday + 1 is Monday");
        assertEquals(LocalDate.of(2026, 12, 11), WorkingDays.add(TODAY, 14), "Monday + 14 working days is the Friday after next");
        assertEquals(TODAY, WorkingDays.add(TODAY, 0));
        assertEquals(LocalDate.of(2026, 11, 30), WorkingDays.add(LocalDate.of(2026, 11, 28), 1), "from a Saturday");
        assertThrows(IllegalArgumentException.class, () -> WorkingDays.add(TODAY, -1));
    }

    // Agreements

    private static AgreementTerms terms(String goals) {
        return new AgreementTerms(goals, 6, 90, "Monthly", null, Agreement.STANDARD_CONFIDENTIALITY);
    }

    @Test
    void bothSidesMustAgreeToTheTermsTheyRead() {
        Agreement agreement = new Agreement(1);
        agreement.change(terms("Lead across organisations"));
        int read = agreement.terms().fingerprint();
        agreement.agree(true, read, NOW);
        assertFalse(agreement.isAgreedByBoth());
        agreement.agree(false, read, NOW);
        assertTrue(agreement.isAgreedByBoth());
    }

    @Test
    void changingTheTermsWithdrawsBothAgreementsAndStaleAgreementIsRefused() {
        Agreement agreement = new Agreement(1);
        agreement.change(terms("First goal"));
        int stale = agreement.terms().fingerprint();
        agreement.agree(true, stale, NOW);
        agreement.change(terms("Second goal"));
        assertNull(agreement.getCoachAgreedAt());
        assertThrows(BusinessException.class, () -> agreement.agree(false, stale, NOW));
    }

    @Test
    void badTermsAreRefusedAtTheirField() {
        Agreement agreement = new Agreement(1);
        assertEquals("goals", assertThrows(BusinessException.class, () -> agreement.change(terms(" "))).getField().orElseThrow());
        assertEquals("sessions", assertThrows(BusinessException.class,
                () -> agreement.change(new AgreementTerms("Goal", 0, 90, "Monthly", null, "Terms"))).getField().orElseThrow());
        assertEquals("sessionMinutes", assertThrows(BusinessException.class,
                () -> agreement.change(new AgreementTerms("Goal", 6, 5, "Monthly", null, "Terms"))).getField().orElseThrow());
        assertEquals("frequency", assertThrows(BusinessException.class,
                () -> agreement.change(new AgreementTerms("Goal", 6, 90, "", null, "Terms"))).getField().orElseThrow());
        assertEquals("confidentiality", assertThrows(BusinessException.class,
                () -> agreement.change(new AgreementTerms("Goal", 6, 90, "Monthly", null, null))).getField().orElseThrow());
    }

    @Test
    void theFingerprintDependsOnEveryTerm() {
        AgreementTerms base = terms("Goal");
        assertEquals(base.fingerprint(), terms("Goal").fingerprint());
        assertFalse(base.fingerprint() == new AgreementTerms("Goal", 5, 90, "Monthly", null, Agreement.STANDARD_CONFIDENTIALITY).fingerprint());
        assertFalse(base.fingerprint() == new AgreementTerms("Goal", 6, 90, "Monthly", "Online", Agreement.STANDARD_CONFIDENTIALITY).fingerprint());
    }

    // Sessions

    @Test
    void feedbackIsForSessionsThatWereHeldAndRatedOneToFive() {
        CoachingSession planned = new CoachingSession(1, NOW.plusSeconds(3600), 60, true, SessionStatus.PLANNED);
        assertThrows(BusinessException.class, () -> planned.giveFeedback(4, "Good", NOW));
        CoachingSession held = new CoachingSession(1, NOW.minusSeconds(7200), 60, false, SessionStatus.ATTENDED);
        assertEquals("rating", assertThrows(BusinessException.class, () -> held.giveFeedback(6, null, NOW)).getField().orElseThrow());
        held.giveFeedback(5, "  Useful  ", NOW);
        assertEquals("Useful", held.getFeedbackComment());
    }

    @Test
    void aFutureSessionCannotHaveBeenHeldOrMissed() {
        CoachingSession future = new CoachingSession(1, NOW.plusSeconds(86_400), 60, false, SessionStatus.PLANNED);
        assertThrows(BusinessException.class, () -> future.record(SessionStatus.ATTENDED, NOW));
        assertThrows(BusinessException.class, () -> future.record(SessionStatus.MISSED, NOW));
        future.record(SessionStatus.CANCELLED, NOW);
        assertEquals(SessionStatus.CANCELLED, future.getStatus());
        assertThrows(BusinessException.class, () -> new CoachingSession(1, NOW, 5, false, SessionStatus.PLANNED));
    }

    // Profiles

    @Test
    void profileListsAreTidiedAndCapacityBounded() {
        assertEquals(Set.of("EMCC", "ILM Level 5"), CoachProfile.fromText("EMCC, ILM Level 5;emcc,\n  "));
        assertEquals(List.of("Change", "Resilience"), List.copyOf(CoachProfile.tidy(Arrays.asList(" Resilience", null, "Change", "change"))));
        CoachProfile profile = new CoachProfile(1);
        CoachProfile form = CoachProfile.blank();
        form.setCapacity(CoachProfile.CAPACITY_MAX + 1);
        assertEquals("capacity", assertThrows(BusinessException.class, () -> profile.update(form)).getField().orElseThrow());
        form.setCapacity(3);
        form.setBiography("   ");
        form.setSpecialisms(Set.of("Change"));
        profile.update(form);
        assertEquals(3, profile.getCapacity());
        assertNull(profile.getBiography());
        assertEquals(Set.of("Change"), profile.getSpecialisms());
    }

    // Policy

    @Test
    void onlyTheTwoSidesSeeAPairingAndOnlyACurrentCoachReadsTheCoachee() {
        Pairing pairing = proposed();
        assertSame(pairing, CoachingPolicy.checkSide(pairing, 10));
        assertSame(pairing, CoachingPolicy.checkSide(pairing, 20));
        assertThrows(NotFoundException.class, () -> CoachingPolicy.checkSide(pairing, 99), "not the manager who proposed it");
        assertThrows(NotFoundException.class, () -> CoachingPolicy.checkSide(null, 10));
        assertThrows(NotFoundException.class, () -> CoachingPolicy.checkCoach(pairing, 20));
        assertThrows(NotFoundException.class, () -> CoachingPolicy.checkCoachee(pairing, 10));
        assertThrows(NotFoundException.class, () -> CoachingPolicy.checkCurrentCoach(pairing, 10), "not before accepting");
        pairing.accept(NOW, TODAY);
        assertSame(pairing, CoachingPolicy.checkCurrentCoach(pairing, 10));
        pairing.end(20, null, NOW);
        assertThrows(NotFoundException.class, () -> CoachingPolicy.checkCurrentCoach(pairing, 10), "a former coach");
    }

    @Test
    void cohortMembersNeedACoachUntilSomeoneHoldsAPlaceAndTwoMissesFlag() {
        CohortCoaching.Member none = new CohortCoaching.Member(1, "A", null, null, null, null, null, null, false, 0, 0, false);
        assertTrue(none.needsCoach());
        assertEquals("Not paired yet", none.situation());
        CohortCoaching.Member waiting = new CohortCoaching.Member(1, "A", null, null, 3L, "C", PairingState.PROPOSED, TODAY, false, 0, 0, false);
        assertFalse(waiting.needsCoach());
        CohortCoaching.Member overdue = new CohortCoaching.Member(1, "A", null, null, 3L, "C", PairingState.PROPOSED, TODAY, true, 0, 0, false);
        assertTrue(overdue.needsCoach());
        CohortCoaching.Member ended = new CohortCoaching.Member(1, "A", null, null, 3L, "C", PairingState.ENDED, TODAY, false, 2, 0, true);
        assertEquals("Needs a new coach", ended.situation());
        CohortCoaching.Member missing = new CohortCoaching.Member(1, "A", null, null, 3L, "C", PairingState.ACTIVE, TODAY, false, 1, 2, false);
        assertTrue(missing.flagged());
        assertFalse(new CohortCoaching.Member(1, "A", null, null, 3L, "C", PairingState.ACTIVE, TODAY, false, 1, 1, false).flagged());
    }
}
