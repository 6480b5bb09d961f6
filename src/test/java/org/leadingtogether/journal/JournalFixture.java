package org.leadingtogether.journal;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.leadingtogether.support.TestLearner;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Set-up for the in-container journal tests: the test learner's journal emptied, coach profiles for the two test
 * coaches, and pairings and sessions written straight into the coaching tables, as the coaching feature would.
 * Deployed with {@link JournalIT} only.
 */
@Stateless
public class JournalFixture {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private JournalKeys keys;

    /** Empties the journals of the test people and removes their test pairings and sessions. */
    public void reset() {
        List<Long> people = List.of(TestLearner.ID, TestLearner.MANAGER_ID);
        for (long person : people) {
            for (String table : List.of("journal_comment", "journal_entry_element", "journal_entry_theme")) {
                em.createNativeQuery("DELETE FROM " + table + " WHERE entry_id IN (SELECT id FROM journal_entry WHERE author_id = ?)")
                        .setParameter(1, person).executeUpdate();
            }
            em.createNativeQuery("DELETE FROM journal_entry WHERE author_id = ?").setParameter(1, person).executeUpdate();
        }
        String pairings = "SELECT id FROM coaching_pairing WHERE coachee_id IN (?, ?) AND coach_id IN (?, ?)";
        em.createNativeQuery("DELETE FROM coaching_session WHERE pairing_id IN (" + pairings + ")")
                .setParameter(1, TestLearner.ID).setParameter(2, TestLearner.MANAGER_ID)
                .setParameter(3, TestLearner.COACH_ID).setParameter(4, TestLearner.OTHER_COACH_ID).executeUpdate();
        em.createNativeQuery("DELETE FROM coaching_pairing WHERE coachee_id IN (?, ?) AND coach_id IN (?, ?)")
                .setParameter(1, TestLearner.ID).setParameter(2, TestLearner.MANAGER_ID)
                .setParameter(3, TestLearner.COACH_ID).setParameter(4, TestLearner.OTHER_COACH_ID).executeUpdate();
        for (long coach : List.of(TestLearner.COACH_ID, TestLearner.OTHER_COACH_ID)) {
            long profiles = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM coach_profile WHERE person_id = ?")
                    .setParameter(1, coach).getSingleResult()).longValue();
            if (profiles == 0) {
                em.createNativeQuery("""
                        INSERT INTO coach_profile (person_id, version, created_at, modified_at, capacity, takes_own_organisation, available)
                        VALUES (?, 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 4, FALSE, TRUE)""").setParameter(1, coach).executeUpdate();
            }
        }
        setProfession(null);
    }

    /** A pairing between a test coach and a coachee in the given state; returns its id. */
    public long pairing(long coachId, long coacheeId, String state) {
        em.createNativeQuery("""
                INSERT INTO coaching_pairing (version, created_at, modified_at, coach_id, coachee_id, state, proposed_by, proposed_at, respond_by)
                VALUES (0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, ?, ?, ?, ?, CURRENT_TIMESTAMP, CURRENT_DATE)""")
                .setParameter(1, coachId).setParameter(2, coacheeId).setParameter(3, state).setParameter(4, TestLearner.MANAGER_ID)
                .executeUpdate();
        return ((Number) em.createNativeQuery("SELECT MAX(id) FROM coaching_pairing WHERE coach_id = ? AND coachee_id = ?")
                .setParameter(1, coachId).setParameter(2, coacheeId).getSingleResult()).longValue();
    }

    public void setState(long pairingId, String state) {
        em.createNativeQuery("UPDATE coaching_pairing SET state = ? WHERE id = ?").setParameter(1, state).setParameter(2, pairingId)
                .executeUpdate();
    }

    /** A held session of the pairing, with the coach's private notes; returns its id. */
    public long session(long pairingId, String coachNotes) {
        em.createNativeQuery("""
                INSERT INTO coaching_session (version, created_at, modified_at, pairing_id, starts_at, minutes, chemistry, status, coach_notes)
                VALUES (0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, ?, ?, 60, FALSE, 'HELD', ?)""")
                .setParameter(1, pairingId).setParameter(2, java.time.LocalDateTime.of(2026, 10, 14, 9, 30)).setParameter(3, coachNotes)
                .executeUpdate();
        return ((Number) em.createNativeQuery("SELECT MAX(id) FROM coaching_session WHERE pairing_id = ?")
                .setParameter(1, pairingId).getSingleResult()).longValue();
    }

    /** Sets the test learner's profession by name (null for none). */
    public void setProfession(String name) {
        em.createNativeQuery("UPDATE person SET profession_id = (SELECT id FROM profession WHERE name = ?) WHERE id = ?")
                .setParameter(1, name).setParameter(2, TestLearner.ID).executeUpdate();
    }

    /** A saved entry in someone else's journal (someone the tests cannot act as a learner for). */
    public long entryOf(long authorId, String title) {
        JournalEntry entry = new JournalEntry(authorId);
        em.persist(entry);
        em.flush();
        entry.write(new EntryContent(title, java.time.LocalDate.of(2026, 10, 1), EntryKind.OTHER, ReflectionModel.FREE,
                List.of("Someone else's reflection"), null, null, null, null, null, false, null, null), keys.cipher());
        entry.markSaved(Instant.now());
        em.flush();
        return entry.getId();
    }

    /** Everything stored for an entry and its comments, as the database holds it. */
    public List<String> storedText(long entryId) {
        List<String> stored = new ArrayList<>();
        Object[] row = (Object[]) em.createNativeQuery("SELECT title_sealed, stages_sealed, learned_sealed, change_sealed FROM journal_entry WHERE id = ?")
                .setParameter(1, entryId).getSingleResult();
        for (Object value : row) {
            stored.add(value == null ? null : value.toString());
        }
        em.createNativeQuery("SELECT text_sealed FROM journal_comment WHERE entry_id = ? ORDER BY id").setParameter(1, entryId)
                .getResultList().forEach(value -> stored.add(String.valueOf(value)));
        return stored;
    }

    /** The first stage of an entry as the table holds it, opened with the portal's key (empty if nothing is stored). */
    public String storedFirstStage(long entryId) {
        Object[] row = (Object[]) em.createNativeQuery("SELECT author_id, stages_sealed FROM journal_entry WHERE id = ?")
                .setParameter(1, entryId).getSingleResult();
        long author = ((Number) row[0]).longValue();
        String json = keys.cipher().open((String) row[1], JournalEntry.sealContext(author, entryId, "stages"));
        try (jakarta.json.JsonReader reader = jakarta.json.Json.createReader(new java.io.StringReader(json))) {
            var stages = reader.readArray();
            return stages.isEmpty() ? "" : stages.getString(0);
        }
    }

    /** Swaps the stored titles of two entries, as someone with access to the database might. */
    public void swapTitles(long first, long second) {
        Object one = em.createNativeQuery("SELECT title_sealed FROM journal_entry WHERE id = ?").setParameter(1, first).getSingleResult();
        Object two = em.createNativeQuery("SELECT title_sealed FROM journal_entry WHERE id = ?").setParameter(1, second).getSingleResult();
        em.createNativeQuery("UPDATE journal_entry SET title_sealed = ? WHERE id = ?").setParameter(1, two).setParameter(2, first).executeUpdate();
        em.createNativeQuery("UPDATE journal_entry SET title_sealed = ? WHERE id = ?").setParameter(1, one).setParameter(2, second).executeUpdate();
    }

    /** Changes one character of the stored stages, as someone with access to the database might. */
    public void tamperWithStages(long entryId) {
        String sealed = String.valueOf(em.createNativeQuery("SELECT stages_sealed FROM journal_entry WHERE id = ?")
                .setParameter(1, entryId).getSingleResult());
        char at = sealed.charAt(20);
        String changed = sealed.substring(0, 20) + (at == 'A' ? 'B' : 'A') + sealed.substring(21);
        em.createNativeQuery("UPDATE journal_entry SET stages_sealed = ? WHERE id = ?")
                .setParameter(1, changed).setParameter(2, entryId).executeUpdate();
    }
}
