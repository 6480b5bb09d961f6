package org.leadingtogether.coaching;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.leadingtogether.cohort.MemberActivity;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The coaching feature's answer to the cohort dashboard (see {@link MemberActivity}): sessions held per coachee, in
 * pairings made in the given cohorts, one query for all. Read inside the caller's transaction.
 */
@ApplicationScoped
public class CohortCoachingCounts implements MemberActivity.Coaching {

    @PersistenceContext
    private EntityManager em;

    @Override
    public Map<Long, Integer> sessionsHeld(Collection<Long> cohortIds) {
        Map<Long, Integer> held = new HashMap<>();
        em.createQuery("""
                        SELECT p.coacheeId, COUNT(s) FROM CoachingSession s, Pairing p
                        WHERE s.pairingId = p.id AND p.cohortId IN :cohorts AND s.status = org.leadingtogether.coaching.SessionStatus.ATTENDED
                        GROUP BY p.coacheeId""", Object[].class)
                .setParameter("cohorts", cohortIds).getResultList()
                .forEach(row -> held.put((Long) row[0], ((Number) row[1]).intValue()));
        return held;
    }
}
