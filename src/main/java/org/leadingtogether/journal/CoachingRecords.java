package org.leadingtogether.journal;

import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the journal reads from the coaching tables: pairings (who coaches whom, in what state) and sessions.
 * Read with SQL so the journal depends on the coaching schema alone, not on the coaching feature's classes,
 * and always read afresh: whether a coach may read an entry depends on the pairing's state at that moment.
 */
final class CoachingRecords {

    private static final String PAIRING = """
            SELECT p.id, p.coach_id, p.coachee_id, p.state, c.given_name, c.family_name
            FROM coaching_pairing p JOIN person c ON c.id = p.coach_id""";

    private final EntityManager em;

    CoachingRecords(EntityManager em) {
        this.em = em;
    }

    Optional<PairingRef> findPairing(Long id) {
        if (id == null) {
            return Optional.empty();
        }
        return rows(em.createNativeQuery(PAIRING + " WHERE p.id = ?").setParameter(1, id).getResultList())
                .stream().map(CoachingRecords::pairing).findFirst();
    }

    /** Pairings by id, for many entries at once. */
    Map<Long, PairingRef> findPairings(Collection<Long> ids) {
        Map<Long, PairingRef> byId = new LinkedHashMap<>();
        List<Long> wanted = ids.stream().filter(java.util.Objects::nonNull).distinct().toList();
        if (wanted.isEmpty()) {
            return byId;
        }
        var query = em.createNativeQuery(PAIRING + " WHERE p.id IN (" + String.join(", ", Collections.nCopies(wanted.size(), "?")) + ")");
        for (int i = 0; i < wanted.size(); i++) {
            query.setParameter(i + 1, wanted.get(i));
        }
        rows(query.getResultList()).stream().map(CoachingRecords::pairing).forEach(p -> byId.put(p.id(), p));
        return byId;
    }

    /** The coachee's current pairings (chemistry or active), oldest first. */
    List<PairingRef> findCurrentPairingsOf(long coacheeId) {
        return rows(em.createNativeQuery(PAIRING + " WHERE p.coachee_id = ? AND p.state IN ('CHEMISTRY', 'ACTIVE') ORDER BY p.id")
                .setParameter(1, coacheeId).getResultList()).stream().map(CoachingRecords::pairing).toList();
    }

    /** The current pairings in which {@code coachId} coaches {@code coacheeId}. */
    List<PairingRef> findCurrentPairings(long coachId, long coacheeId) {
        return rows(em.createNativeQuery(PAIRING + " WHERE p.coach_id = ? AND p.coachee_id = ? AND p.state IN ('CHEMISTRY', 'ACTIVE')")
                .setParameter(1, coachId).setParameter(2, coacheeId).getResultList()).stream().map(CoachingRecords::pairing).toList();
    }

    Optional<SessionRef> findSession(Long id) {
        if (id == null) {
            return Optional.empty();
        }
        List<Object[]> rows = rows(em.createNativeQuery("""
                        SELECT s.id, s.starts_at, s.minutes, p.id, p.coach_id, p.coachee_id, p.state, c.given_name, c.family_name
                        FROM coaching_session s JOIN coaching_pairing p ON p.id = s.pairing_id JOIN person c ON c.id = p.coach_id
                        WHERE s.id = ?""").setParameter(1, id).getResultList());
        return rows.stream().findFirst().map(r -> new SessionRef(number(r[0]), instant(r[1]), (int) number(r[2]),
                new PairingRef(number(r[3]), number(r[4]), number(r[5]), (String) r[6], r[7] + " " + r[8])));
    }

    private static PairingRef pairing(Object[] r) {
        return new PairingRef(number(r[0]), number(r[1]), number(r[2]), (String) r[3], r[4] + " " + r[5]);
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(List<?> result) {
        return new ArrayList<>((List<Object[]>) result);
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    /** DATETIME columns hold UTC (see InstantConverter); drivers give them as Timestamp or LocalDateTime. */
    static Instant instant(Object value) {
        return org.leadingtogether.platform.persistence.InstantConverter.instant(value);
    }
}
