package org.leadingtogether.booking;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.leadingtogether.support.TestLearner;

import java.util.List;

/**
 * Data for the in-container booking tests, made with plain SQL as the coaching feature would leave it: coach
 * profiles, a pairing between a test coach and the test learner, and a clean slate of bookings for the test
 * people before each test.
 */
@Stateless
public class BookingFixtures {

    private static final List<Long> PEOPLE = List.of(TestLearner.ID, TestLearner.COACH_ID, TestLearner.OTHER_COACH_ID);

    @PersistenceContext
    private EntityManager em;

    /** Clears the test people's bookings, slots, pairings and memberships, and gives the test coaches a profile. */
    public void reset() {
        String people = "(" + TestLearner.ID + ", " + TestLearner.COACH_ID + ", " + TestLearner.OTHER_COACH_ID + ")";
        run("DELETE FROM booking_notice WHERE booking_id IN (SELECT id FROM booking WHERE person_id IN " + people + " OR coach_id IN " + people + ")");
        run("DELETE FROM booking WHERE person_id IN " + people + " OR coach_id IN " + people);
        run("DELETE FROM coach_slot_pattern WHERE coach_id IN " + people);
        run("DELETE FROM coach_one_off_slot WHERE coach_id IN " + people);
        String pairings = "(SELECT id FROM coaching_pairing WHERE coach_id IN " + people + " OR coachee_id IN " + people + ")";
        run("DELETE FROM coaching_action WHERE pairing_id IN " + pairings);
        run("DELETE FROM coaching_session WHERE pairing_id IN " + pairings);
        run("DELETE FROM coaching_agreement WHERE pairing_id IN " + pairings);
        run("DELETE FROM coaching_pairing WHERE coach_id IN " + people + " OR coachee_id IN " + people);
        run("UPDATE cohort_membership SET status = 'WITHDRAWN' WHERE person_id = " + TestLearner.ID);
        for (long coach : List.of(TestLearner.COACH_ID, TestLearner.OTHER_COACH_ID)) {
            long exists = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM coach_profile WHERE person_id = ?")
                    .setParameter(1, coach).getSingleResult()).longValue();
            if (exists == 0) {
                em.createNativeQuery("""
                        INSERT INTO coach_profile (person_id, version, created_at, modified_at, capacity, takes_own_organisation, available)
                        VALUES (?, 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 5, FALSE, TRUE)""").setParameter(1, coach).executeUpdate();
            }
        }
    }

    /** A current pairing (ACTIVE or CHEMISTRY) of {@code coach} with {@code coachee}; returns its id. */
    public long pair(long coach, long coachee, String state) {
        em.createNativeQuery("""
                INSERT INTO coaching_pairing (version, created_at, modified_at, coach_id, coachee_id, state, proposed_by, proposed_at, respond_by)
                VALUES (0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, ?, ?, ?, ?, CURRENT_TIMESTAMP, CURRENT_DATE)""")
                .setParameter(1, coach).setParameter(2, coachee).setParameter(3, state).setParameter(4, TestLearner.MANAGER_ID).executeUpdate();
        return ((Number) em.createNativeQuery("SELECT MAX(id) FROM coaching_pairing WHERE coach_id = ? AND coachee_id = ?")
                .setParameter(1, coach).setParameter(2, coachee).getSingleResult()).longValue();
    }

    /** An agreement for {@code sessions} sessions, agreed by both sides, on the pairing. */
    public void agreement(long pairingId, int sessions) {
        em.createNativeQuery("""
                INSERT INTO coaching_agreement (pairing_id, version, created_at, modified_at, goals, sessions, session_minutes, frequency,
                                                confidentiality, coach_agreed_at, coachee_agreed_at)
                VALUES (?, 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'Lead across organisations', ?, 60, 'Monthly', 'Between us',
                        CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""").setParameter(1, pairingId).setParameter(2, sessions).executeUpdate();
    }

    /** A booking of someone else's (a demo learner's), made directly, to try to reach from the test learner. */
    public long someoneElsesBooking(long person) {
        Booking booking = Booking.protectedTime(person, null, TimeRange.of(java.time.Instant.parse("2030-01-08T10:00:00Z"), 60),
                Purpose.SHADOWING, null, false, null);
        em.persist(booking);
        em.flush();
        return booking.getId();
    }

    public void removeBooking(long id) {
        run("DELETE FROM booking_notice WHERE booking_id = " + id);
        run("DELETE FROM booking WHERE id = " + id);
    }

    /** Makes the emails of the booking with {@code uid} look as if written {@code age} ago. */
    public void ageNotices(String uid, java.time.Duration age) {
        em.createNativeQuery("UPDATE booking_notice SET created_at = ? WHERE booking_id IN (SELECT id FROM booking WHERE ical_uid = ?)")
                .setParameter(1, java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).minus(age)).setParameter(2, uid).executeUpdate();
    }

    public long count(String sql) {
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }

    private void run(String sql) {
        em.createNativeQuery(sql).executeUpdate();
    }
}
