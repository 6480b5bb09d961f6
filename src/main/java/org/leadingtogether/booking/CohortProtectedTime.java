package org.leadingtogether.booking;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.leadingtogether.cohort.MemberActivity;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The booking feature's answer to the cohort dashboard (see {@link MemberActivity}): per learner, the minutes of
 * protected time confirmed as used in the given cohorts, and how many standing bookings went beyond the entitlement;
 * one query for all. Read inside the caller's transaction.
 */
@ApplicationScoped
public class CohortProtectedTime implements MemberActivity.ProtectedTime {

    @PersistenceContext
    private EntityManager em;

    @Override
    public Map<Long, MemberActivity.Hours> protectedTime(Collection<Long> cohortIds) {
        Map<Long, MemberActivity.Hours> hours = new HashMap<>();
        em.createQuery("""
                        SELECT b.personId,
                               SUM(CASE WHEN b.status = org.leadingtogether.booking.BookingStatus.USED THEN b.minutes ELSE 0 END),
                               SUM(CASE WHEN b.overEntitlement = TRUE AND b.status <> org.leadingtogether.booking.BookingStatus.CANCELLED
                                        THEN 1 ELSE 0 END)
                        FROM Booking b WHERE b.cohortId IN :cohorts AND b.kind = org.leadingtogether.booking.BookingKind.PROTECTED_TIME
                        GROUP BY b.personId""", Object[].class)
                .setParameter("cohorts", cohortIds).getResultList()
                .forEach(row -> hours.put((Long) row[0], new MemberActivity.Hours(row[1] == null ? 0 : ((Number) row[1]).longValue(),
                        row[2] == null ? 0 : ((Number) row[2]).intValue())));
        return hours;
    }
}
