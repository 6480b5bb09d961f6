package org.leadingtogether.coaching;

import jakarta.persistence.EntityManager;
import org.leadingtogether.cohort.Cohort;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The queries coaching pages are built from (people's names, cohorts' names, session counts, the next session,
 * programme progress, the latest coach rating, a cohort's members, a person's current cohort and whether they
 * hold a coach's place), each one statement for any number of
 * records. Apart from {@link CoachingService}, which decides who may see what and changes things; used inside
 * its transaction only, after its checks.
 */
final class CoachingReads {

    private final EntityManager em;

    CoachingReads(EntityManager em) {
        this.em = em;
    }

    /**
     * Empty when the person is in no cohort now; otherwise whether their (latest) cohort's programme lets coaches
     * from their own organisation coach them. One value read, no Cohort or Programme loaded: the learner's
     * coaching page asks this on every visit. No row limit in the query on purpose: a limit makes the
     * persistence provider prepare the query afresh on each call, and a person has only a few memberships.
     */
    Optional<Boolean> currentProgrammeAllowsOwnOrganisation(long personId) {
        return em.createQuery("""
                        SELECT m.cohort.programme.ownOrganisationCoaching FROM CohortMembership m WHERE m.person.id = :p
                          AND m.status = org.leadingtogether.cohort.MembershipStatus.ENROLLED ORDER BY m.enrolledAt DESC""", Boolean.class)
                .setParameter("p", personId).getResultList().stream().findFirst();
    }

    /** The cohort the person is enrolled in now (the latest, if several). */
    Optional<Cohort> currentCohort(long personId) {
        return em.createQuery("""
                        SELECT m.cohort FROM CohortMembership m WHERE m.person.id = :p
                          AND m.status = org.leadingtogether.cohort.MembershipStatus.ENROLLED ORDER BY m.enrolledAt DESC""", Cohort.class)
                .setParameter("p", personId).setMaxResults(1).getResultStream().findFirst();
    }

    /** Whether the coachee has a coach, or a request still waiting for an answer (either holds a coach's place). */
    boolean holdsAPlace(long coacheeId, LocalDate today) {
        return em.createQuery("""
                        SELECT COUNT(p) FROM Pairing p WHERE p.coacheeId = :id AND (p.state IN :current
                           OR (p.state = org.leadingtogether.coaching.PairingState.PROPOSED AND p.respondBy >= :today))""", Long.class)
                .setParameter("id", coacheeId).setParameter("current", PairingState.CURRENT).setParameter("today", today)
                .getSingleResult() > 0;
    }

    /** Enrolled and completed members: id, given name, family name, profession, organisation. */
    List<Object[]> activeMembers(Cohort cohort) {
        return em.createQuery("""
                        SELECT p.id, p.givenName, p.familyName, pr.name, o.name
                        FROM CohortMembership m JOIN m.person p LEFT JOIN p.profession pr LEFT JOIN p.organisation o
                        WHERE m.cohort = :c AND m.status IN (org.leadingtogether.cohort.MembershipStatus.ENROLLED,
                                                             org.leadingtogether.cohort.MembershipStatus.COMPLETED)
                        ORDER BY p.familyName, p.givenName, p.id""", Object[].class)
                .setParameter("c", cohort).getResultList();
    }

    static List<Long> ids(List<Object[]> rows) {
        List<Long> ids = rows.stream().map(r -> (Long) r[0]).toList();
        return ids.isEmpty() ? List.of(-1L) : ids;
    }

    /** People by id: id, given name, family name, job title, profession, organisation. */
    Map<Long, Object[]> persons(Collection<Long> ids) {
        Map<Long, Object[]> persons = new HashMap<>();
        if (!ids.isEmpty()) {
            em.createQuery("""
                            SELECT p.id, p.givenName, p.familyName, p.jobTitle, pr.name, o.name
                            FROM Person p LEFT JOIN p.profession pr LEFT JOIN p.organisation o WHERE p.id IN :ids""", Object[].class)
                    .setParameter("ids", ids).getResultList().forEach(row -> persons.put((Long) row[0], row));
        }
        return persons;
    }

    Map<Long, String> cohortNames(Collection<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            em.createQuery("SELECT c.id, c.programme.name, c.name FROM Cohort c WHERE c.id IN :ids", Object[].class)
                    .setParameter("ids", ids).getResultList()
                    .forEach(row -> names.put((Long) row[0], row[1] + " – " + row[2]));
        }
        return names;
    }

    /** Per pairing: sessions held, sessions missed without notice. */
    Map<Long, int[]> sessionCounts(Collection<Long> pairingIds) {
        Map<Long, int[]> counts = new HashMap<>();
        if (!pairingIds.isEmpty()) {
            em.createQuery("""
                            SELECT s.pairingId, s.status, COUNT(s) FROM CoachingSession s
                            WHERE s.pairingId IN :ids AND s.status IN (org.leadingtogether.coaching.SessionStatus.ATTENDED,
                                                                        org.leadingtogether.coaching.SessionStatus.MISSED)
                            GROUP BY s.pairingId, s.status""", Object[].class)
                    .setParameter("ids", pairingIds).getResultList()
                    .forEach(row -> counts.computeIfAbsent((Long) row[0], id -> new int[2])
                            [row[1] == SessionStatus.ATTENDED ? 0 : 1] = ((Number) row[2]).intValue());
        }
        return counts;
    }

    /** Per pairing: the start of the next planned session, if any. */
    Map<Long, Instant> nextSessions(Collection<Long> pairingIds, Instant now) {
        Map<Long, Instant> next = new HashMap<>();
        if (!pairingIds.isEmpty()) {
            em.createQuery("""
                            SELECT s.pairingId, s.startsAt FROM CoachingSession s
                            WHERE s.pairingId IN :ids AND s.status = org.leadingtogether.coaching.SessionStatus.PLANNED AND s.startsAt >= :now
                            ORDER BY s.startsAt""", Object[].class)
                    .setParameter("ids", pairingIds).setParameter("now", now).getResultList()
                    .forEach(row -> next.putIfAbsent((Long) row[0], (Instant) row[1]));
        }
        return next;
    }

    Map<Long, Integer> latestCoachRatings(long coachId, long coacheeId, long frameworkId) {
        return em.createQuery("""
                        SELECT a FROM CoachAssessment a WHERE a.coachId = :coach AND a.coacheeId = :coachee AND a.frameworkId = :f
                        ORDER BY a.id DESC""", CoachAssessment.class)
                .setParameter("coach", coachId).setParameter("coachee", coacheeId).setParameter("f", frameworkId)
                .setMaxResults(1).getResultStream().findFirst().map(CoachAssessment::getRatings).orElse(Map.of());
    }
}
