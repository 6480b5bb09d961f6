package org.leadingtogether.support;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The learner and programme manager the in-container tests act as: people with fixed ids, created if
 * missing; the learner's records are cleared before each test so tests do not depend on one another or on
 * earlier runs.
 */
@Stateless
public class TestLearner {

    public static final long ID = 9_000_001L;

    /** The programme manager the in-container tests act as ({@link RunAsManager}). */
    public static final long MANAGER_ID = 9_000_002L;

    /** The coach the in-container tests act as ({@link RunAsCoach}). */
    public static final long COACH_ID = 9_000_003L;

    /** A second coach ({@link RunAsOtherCoach}), who is not the test learner's coach. */
    public static final long OTHER_COACH_ID = 9_000_004L;

    @PersistenceContext
    private EntityManager em;

    public void reset() {
        ensure(ID, "in-container-learner@example.org", "Learner", "LEARNER");
        ensure(MANAGER_ID, "in-container-manager@example.org", "Manager", "PROGRAMME_MANAGER");
        ensure(COACH_ID, "in-container-coach@example.org", "Coach", "COACH");
        ensure(OTHER_COACH_ID, "in-container-other-coach@example.org", "Othercoach", "COACH");
        em.createNativeQuery("DELETE FROM lesson_completion WHERE person_id = ?").setParameter(1, ID).executeUpdate();
        em.createNativeQuery("UPDATE person SET last_learning_at = NULL WHERE id = ?").setParameter(1, ID).executeUpdate();
        em.createNativeQuery("DELETE FROM lesson_note WHERE person_id = ?").setParameter(1, ID).executeUpdate();
        em.createNativeQuery("DELETE FROM self_rating WHERE assessment_id IN (SELECT id FROM self_assessment WHERE person_id = ?)")
                .setParameter(1, ID).executeUpdate();
        em.createNativeQuery("DELETE FROM self_assessment WHERE person_id = ?").setParameter(1, ID).executeUpdate();
        clearCoaching();
    }

    /**
     * Removes every booking (with its emails), pairing (with its agreement, sessions and actions) and coach rating
     * that involves a test person: bookings first, since a booked coaching session refers to its booking's session.
     */
    private void clearCoaching() {
        String people = "(9000001, 9000002, 9000003, 9000004)";
        em.createNativeQuery("DELETE FROM booking_notice WHERE booking_id IN (SELECT id FROM booking WHERE person_id IN " + people
                + " OR coach_id IN " + people + ")").executeUpdate();
        em.createNativeQuery("DELETE FROM booking WHERE person_id IN " + people + " OR coach_id IN " + people
                + " OR pairing_id IN (SELECT id FROM coaching_pairing WHERE coachee_id IN " + people + " OR coach_id IN " + people + ")")
                .executeUpdate();
        String pairings = "SELECT id FROM coaching_pairing WHERE coachee_id IN (9000001, 9000002, 9000003, 9000004) OR coach_id IN (9000003, 9000004)";
        for (String table : new String[] {"coaching_action", "coaching_session", "coaching_agreement"}) {
            em.createNativeQuery("DELETE FROM " + table + " WHERE pairing_id IN (SELECT id FROM (" + pairings + ") p)").executeUpdate();
        }
        em.createNativeQuery("DELETE FROM coaching_pairing WHERE id IN (SELECT id FROM (" + pairings + ") p)").executeUpdate();
        em.createNativeQuery("DELETE FROM coach_rating WHERE assessment_id IN (SELECT id FROM coach_assessment WHERE coachee_id = ? OR coach_id IN (?, ?))")
                .setParameter(1, ID).setParameter(2, COACH_ID).setParameter(3, OTHER_COACH_ID).executeUpdate();
        em.createNativeQuery("DELETE FROM coach_assessment WHERE coachee_id = ? OR coach_id IN (?, ?)")
                .setParameter(1, ID).setParameter(2, COACH_ID).setParameter(3, OTHER_COACH_ID).executeUpdate();
        em.createNativeQuery("DELETE FROM coachee_wish WHERE person_id = ?").setParameter(1, ID).executeUpdate();
    }

    /** A pairing written straight to the table, as another program would, in its own transaction. */
    @jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.REQUIRES_NEW)
    public void insertPairing(long coachId, long coacheeId, String state) {
        em.createNativeQuery("""
                INSERT INTO coaching_pairing (version, created_at, modified_at, coach_id, coachee_id, state, proposed_by, proposed_at, respond_by)
                VALUES (0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, ?, ?, ?, ?, CURRENT_TIMESTAMP, CURRENT_DATE)""")
                .setParameter(1, coachId).setParameter(2, coacheeId).setParameter(3, state).setParameter(4, MANAGER_ID).executeUpdate();
    }

    /**
     * Empties the cohorts the in-container tests made (of programmes named "IT programme …"): the demo people enrolled
     * in them must be in the demo programme alone again for the browser journeys, whichever class runs first on the
     * same database. The cohorts stay, empty.
     */
    public void emptyTestCohorts() {
        String memberships = "SELECT m.id FROM cohort_membership m JOIN cohort c ON c.id = m.cohort_id"
                + " JOIN programme p ON p.id = c.programme_id WHERE p.name LIKE 'IT programme %'";
        em.createNativeQuery("DELETE FROM membership_event WHERE membership_id IN (SELECT id FROM (" + memberships + ") m)").executeUpdate();
        em.createNativeQuery("DELETE FROM cohort_membership WHERE id IN (SELECT id FROM (" + memberships + ") m)").executeUpdate();
    }

    /** Makes the test manager a manager of one cohort alone (not of its programme), or undoes it. */
    public void manageCohortAlone(long cohortId, boolean manages) {
        em.createNativeQuery("DELETE FROM cohort_manager WHERE cohort_id = ? AND person_id = ?")
                .setParameter(1, cohortId).setParameter(2, MANAGER_ID).executeUpdate();
        if (manages) {
            em.createNativeQuery("INSERT INTO cohort_manager (cohort_id, person_id) VALUES (?, ?)")
                    .setParameter(1, cohortId).setParameter(2, MANAGER_ID).executeUpdate();
        }
    }

    private void ensure(long id, String email, String familyName, String role) {
        long exists = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM person WHERE id = ?")
                .setParameter(1, id).getSingleResult()).longValue();
        if (exists == 0) {
            em.createNativeQuery("""
                    INSERT INTO person (id, version, created_at, modified_at, email, given_name, family_name, active, must_change_password)
                    VALUES (?, 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, ?, 'Test', ?, TRUE, FALSE)""")
                    .setParameter(1, id).setParameter(2, email).setParameter(3, familyName).executeUpdate();
            em.createNativeQuery("INSERT INTO person_role (person_id, role) VALUES (?, ?)").setParameter(1, id).setParameter(2, role).executeUpdate();
        }
    }
}
