package org.leadingtogether.coaching;

import jakarta.persistence.EntityManager;
import org.leadingtogether.cohort.Cohort;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A programme manager's balanced suggestions for a whole cohort: every member who needs a coach gets one, no
 * coach is given more coachees than they have places, and the best overall fit wins ({@link CohortAssignment});
 * each member also gets the next best coaches to choose from instead. Reads only; used inside the service's
 * transaction after the service has checked that the caller runs the cohort.
 */
final class CohortPairing {

    /** How many other coaches a manager may pick from instead of the one suggested for a member. */
    private static final int OPTIONS = 8;

    private final EntityManager em;
    private final CoachMatcher matcher;

    CohortPairing(EntityManager em, CoachMatcher matcher) {
        this.em = em;
        this.matcher = matcher;
    }

    /** Suggestions for the active members (rows of {@link CoachingReads#activeMembers}) with no coach yet. */
    CohortSuggestions suggest(Cohort cohort, List<Object[]> members, LocalDate today) {
        Set<Long> placed = new HashSet<>(em.createQuery("""
                        SELECT p.coacheeId FROM Pairing p WHERE p.coacheeId IN :ids AND (p.state IN :current
                           OR (p.state = org.leadingtogether.coaching.PairingState.PROPOSED AND p.respondBy >= :today))""", Long.class)
                .setParameter("ids", CoachingReads.ids(members)).setParameter("current", PairingState.CURRENT).setParameter("today", today)
                .getResultList());
        Map<Long, String> names = new LinkedHashMap<>();
        members.stream().filter(m -> !placed.contains((Long) m[0])).forEach(m -> names.put((Long) m[0], m[1] + " " + m[2]));
        CoachDirectory directory = new CoachDirectory(em);
        Map<Long, MatchCoachee> coachees = directory.coachees(names.keySet(), cohort.getProgramme().isOwnOrganisationCoaching());
        List<MatchCandidate> candidates = directory.candidates(today);
        CohortAssignment.Result result = CohortAssignment.assign(names.keySet().stream().map(coachees::get).toList(),
                candidates, matcher);
        List<ProposedPair> pairs = new ArrayList<>();
        result.byCoacheeId().forEach((coacheeId, s) -> {
            List<ProposedPair.Option> options = new ArrayList<>();
            options.add(new ProposedPair.Option(s.coach().coachId(), s.coach().name(), s.score()));
            matcher.suggest(coachees.get(coacheeId), candidates).stream()
                    .filter(other -> other.coach().coachId() != s.coach().coachId()).limit(OPTIONS)
                    .forEach(other -> options.add(new ProposedPair.Option(other.coach().coachId(), other.coach().name(), other.score())));
            pairs.add(new ProposedPair(coacheeId, names.get(coacheeId), s.coach().coachId(), s.coach().name(), s.score(),
                    s.reasons(), options));
        });
        pairs.sort(Comparator.comparing(ProposedPair::coacheeName).thenComparing(ProposedPair::coacheeId));
        return new CohortSuggestions(pairs, result.unassignedCoacheeIds().stream().map(names::get).sorted().toList());
    }
}
