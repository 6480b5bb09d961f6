package org.leadingtogether.coaching;

import jakarta.persistence.EntityManager;
import org.leadingtogether.directory.Sector;

import org.leadingtogether.platform.persistence.InList;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads what the matcher needs from the database, in a fixed number of queries whatever the number of coaches
 * or coachees: every coach with their places held, specialisms and professions; and the coachees with their
 * organisation, team, line manager, wishes and past pairings. Used inside the service's transaction only.
 */
final class CoachDirectory {

    private final EntityManager em;

    CoachDirectory(EntityManager em) {
        this.em = em;
    }

    /** Places a coach holds: proposals still open, and pairings under way. */
    Map<Long, Integer> placesHeld(LocalDate today) {
        Map<Long, Integer> held = new HashMap<>();
        em.createQuery("""
                        SELECT p.coachId, COUNT(p) FROM Pairing p
                        WHERE p.state IN (org.leadingtogether.coaching.PairingState.CHEMISTRY, org.leadingtogether.coaching.PairingState.ACTIVE)
                           OR (p.state = org.leadingtogether.coaching.PairingState.PROPOSED AND p.respondBy >= :today)
                        GROUP BY p.coachId""", Object[].class)
                .setParameter("today", today).getResultList()
                .forEach(row -> held.put((Long) row[0], ((Number) row[1]).intValue()));
        return held;
    }

    /** Every coach with a profile and an active account, as the matcher sees them. */
    List<MatchCandidate> candidates(LocalDate today) {
        Map<Long, Integer> held = placesHeld(today);
        Map<Long, Set<String>> specialisms = new HashMap<>();
        em.createNativeQuery("SELECT coach_id, name FROM coach_specialism").getResultList()
                .forEach(row -> specialisms.computeIfAbsent(((Number) ((Object[]) row)[0]).longValue(), id -> new TreeSet<>())
                        .add((String) ((Object[]) row)[1]));
        Map<Long, Set<Long>> professions = new HashMap<>();
        em.createNativeQuery("SELECT coach_id, profession_id FROM coach_profession").getResultList()
                .forEach(row -> professions.computeIfAbsent(((Number) ((Object[]) row)[0]).longValue(), id -> new HashSet<>())
                        .add(((Number) ((Object[]) row)[1]).longValue()));
        List<MatchCandidate> candidates = new ArrayList<>();
        // Plain SQL rather than JPQL: every coach is read on every learner's coaching page, and building
        // JPQL report rows cost several times what the database took to send them.
        em.createNativeQuery("""
                        SELECT c.person_id, p.given_name, p.family_name, o.id, o.name, o.sector, p.team, c.capacity,
                               c.takes_own_organisation, c.available
                        FROM coach_profile c JOIN person p ON p.id = c.person_id LEFT JOIN organisation o ON o.id = p.organisation_id
                        WHERE p.active = TRUE""")
                .getResultList()
                .forEach(result -> {
                    Object[] row = (Object[]) result;
                    long id = ((Number) row[0]).longValue();
                    candidates.add(new MatchCandidate(id, row[1] + " " + row[2], row[3] == null ? 0 : ((Number) row[3]).longValue(),
                            (String) row[4], row[5] == null ? null : Sector.valueOf((String) row[5]), (String) row[6],
                            professions.getOrDefault(id, Set.of()), specialisms.getOrDefault(id, Set.of()),
                            ((Number) row[7]).intValue(), held.getOrDefault(id, 0), flag(row[8]), flag(row[9])));
                });
        return candidates;
    }

    /** The coachees, as the matcher sees them; {@code managerAllows} is the programme's own-organisation setting. */
    Map<Long, MatchCoachee> coachees(Collection<Long> personIds, boolean managerAllows) {
        if (personIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Set<String>> wishes = new HashMap<>();
        InList.bind(em.createNativeQuery("SELECT person_id, name FROM coachee_wish WHERE person_id IN (" + InList.placeholders(personIds.size()) + ")"), personIds)
                .getResultList()
                .forEach(row -> wishes.computeIfAbsent(((Number) ((Object[]) row)[0]).longValue(), id -> new TreeSet<>())
                        .add((String) ((Object[]) row)[1]));
        Map<Long, Set<Long>> ended = new HashMap<>();
        em.createQuery("""
                        SELECT p.coacheeId, p.coachId FROM Pairing p
                        WHERE p.coacheeId IN :ids AND p.state = org.leadingtogether.coaching.PairingState.ENDED""", Object[].class)
                .setParameter("ids", personIds).getResultList()
                .forEach(row -> ended.computeIfAbsent((Long) row[0], id -> new HashSet<>()).add((Long) row[1]));
        Map<Long, MatchCoachee> coachees = new HashMap<>();
        em.createQuery("""
                        SELECT p.id, o.id, o.sector, p.team, pr.id, pr.name, p.lineManagerId
                        FROM Person p LEFT JOIN p.organisation o LEFT JOIN p.profession pr WHERE p.id IN :ids""", Object[].class)
                .setParameter("ids", personIds).getResultList()
                .forEach(row -> {
                    long id = (Long) row[0];
                    coachees.put(id, new MatchCoachee(id, row[1] == null ? 0 : (Long) row[1], (Sector) row[2], (String) row[3],
                            (Long) row[4], (String) row[5], (Long) row[6], wishes.getOrDefault(id, Set.of()),
                            ended.getOrDefault(id, Set.of()), managerAllows));
                });
        return coachees;
    }

    /** Profiles of these coaches as cards, in four queries. */
    Map<Long, CoachCard> cards(Collection<Long> coachIds) {
        if (coachIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<String>> accreditations = lists("SELECT coach_id, name FROM coach_accreditation WHERE coach_id IN (%s) ORDER BY name", coachIds);
        Map<Long, List<String>> specialisms = lists("SELECT coach_id, name FROM coach_specialism WHERE coach_id IN (%s) ORDER BY name", coachIds);
        Map<Long, List<String>> professions = lists("""
                SELECT cp.coach_id, pr.name FROM coach_profession cp JOIN profession pr ON pr.id = cp.profession_id
                WHERE cp.coach_id IN (%s) ORDER BY pr.name""", coachIds);
        Map<Long, CoachCard> cards = new HashMap<>();
        em.createQuery("""
                        SELECT c.personId, p.givenName, p.familyName, p.jobTitle, o.name, o.sector, c.biography
                        FROM CoachProfile c, Person p LEFT JOIN p.organisation o
                        WHERE p.id = c.personId AND c.personId IN :ids""", Object[].class)
                .setParameter("ids", coachIds).getResultList()
                .forEach(row -> {
                    long id = (Long) row[0];
                    cards.put(id, new CoachCard(id, row[1] + " " + row[2], (String) row[3], (String) row[4],
                            row[5] == null ? null : ((Sector) row[5]).getLabel(), accreditations.getOrDefault(id, List.of()),
                            specialisms.getOrDefault(id, List.of()), professions.getOrDefault(id, List.of()), (String) row[6]));
                });
        return cards;
    }

    /** A BOOLEAN column as the driver gives it: a Boolean, or a number where the database keeps it as TINYINT. */
    private static boolean flag(Object value) {
        return value instanceof Boolean b ? b : ((Number) value).intValue() != 0;
    }

    private Map<Long, List<String>> lists(String sql, Collection<Long> ids) {
        Map<Long, List<String>> lists = new HashMap<>();
        InList.bind(em.createNativeQuery(sql.formatted(InList.placeholders(ids.size()))), ids).getResultList()
                .forEach(row -> lists.computeIfAbsent(((Number) ((Object[]) row)[0]).longValue(), id -> new ArrayList<>())
                        .add((String) ((Object[]) row)[1]));
        return lists;
    }


}
