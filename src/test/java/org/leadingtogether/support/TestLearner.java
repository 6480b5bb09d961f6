package org.leadingtogether.support;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The learner the in-container tests act as: a person with a fixed id, created if missing, whose learning
 * records are cleared before each test so tests do not depend on one another or on earlier runs.
 */
@Stateless
public class TestLearner {

    public static final long ID = 9_000_001L;

    @PersistenceContext
    private EntityManager em;

    public void reset() {
        long exists = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM person WHERE id = ?")
                .setParameter(1, ID).getSingleResult()).longValue();
        if (exists == 0) {
            em.createNativeQuery("""
                    INSERT INTO person (id, version, created_at, modified_at, email, given_name, family_name, active, must_change_password)
                    VALUES (?, 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'in-container-learner@example.org', 'Test', 'Learner', TRUE, FALSE)""")
                    .setParameter(1, ID).executeUpdate();
            em.createNativeQuery("INSERT INTO person_role (person_id, role) VALUES (?, 'LEARNER')").setParameter(1, ID).executeUpdate();
        }
        em.createNativeQuery("DELETE FROM lesson_completion WHERE person_id = ?").setParameter(1, ID).executeUpdate();
        em.createNativeQuery("DELETE FROM lesson_note WHERE person_id = ?").setParameter(1, ID).executeUpdate();
        em.createNativeQuery("DELETE FROM self_rating WHERE assessment_id IN (SELECT id FROM self_assessment WHERE person_id = ?)")
                .setParameter(1, ID).executeUpdate();
        em.createNativeQuery("DELETE FROM self_assessment WHERE person_id = ?").setParameter(1, ID).executeUpdate();
    }
}
