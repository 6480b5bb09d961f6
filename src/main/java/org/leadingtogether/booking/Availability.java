package org.leadingtogether.booking;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import org.leadingtogether.platform.BusinessException;
import org.leadingtogether.platform.ClockProducer;
import org.leadingtogether.platform.DatabaseBusyException;
import org.leadingtogether.platform.persistence.DatabaseErrors;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Whose time is free: a coach's slots (cut from their patterns and one-off slots by {@link SlotGenerator}, less
 * what is booked), what a person is booked for, and the guards every booking change goes through: the people's
 * rows locked in id order, overlaps refused, and a unique key's refusal turned into a clear message. Apart from
 * {@link BookingService}, which decides who may book what; used inside its transaction only.
 */
final class Availability {

    private final EntityManager em;

    Availability(EntityManager em) {
        this.em = em;
    }

    List<SlotPattern> patterns(long coach) {
        return em.createQuery("SELECT p FROM SlotPattern p WHERE p.coachId = :c ORDER BY p.dayOfWeek, p.fromTime, p.id", SlotPattern.class)
                .setParameter("c", coach).getResultList();
    }

    List<OneOffSlot> oneOffs(long coach, Instant since) {
        return em.createQuery("SELECT s FROM OneOffSlot s WHERE s.coachId = :c AND s.startsAt > :since ORDER BY s.startsAt", OneOffSlot.class)
                .setParameter("c", coach).setParameter("since", since).getResultList();
    }

    /** What a person is booked for between two instants (as learner, coachee or coach), leaving out one booking. */
    List<Booking> bookedBetween(long person, Instant from, Instant to, Long except) {
        return em.createQuery("""
                        SELECT b FROM Booking b WHERE (b.personId = :p OR b.coachId = :p)
                          AND b.status = org.leadingtogether.booking.BookingStatus.BOOKED
                          AND b.startsAt < :to AND b.endsAt > :from AND b.id <> :except ORDER BY b.startsAt""", Booking.class)
                .setParameter("p", person).setParameter("from", from).setParameter("to", to)
                .setParameter("except", except == null ? -1L : except).getResultList();
    }

    /** A coach's free slots on the London days {@code from} to {@code to}. */
    List<SlotGenerator.Slot> freeSlots(long coach, LocalDate from, LocalDate to, Long except, Instant now) {
        List<SlotGenerator.PatternRule> rules = patterns(coach).stream().map(SlotPattern::rule).toList();
        List<SlotGenerator.OneOff> oneOffs = oneOffs(coach, now).stream().map(OneOffSlot::rule).toList();
        Instant start = from.atStartOfDay(ClockProducer.LONDON).toInstant().minus(Duration.ofHours(4));
        Instant end = to.plusDays(1).atStartOfDay(ClockProducer.LONDON).toInstant().plus(Duration.ofHours(4));
        List<TimeRange> busy = bookedBetween(coach, start, end, except).stream().map(Booking::range).toList();
        return SlotGenerator.free(rules, oneOffs, busy, from, to, now);
    }

    /** The coach's slot starting at {@code start} if it is free now; otherwise the slot is lost to someone quicker. */
    SlotGenerator.Slot freeSlot(long coach, Instant start, Long except, Instant now) {
        if (start == null) {
            throw new SlotAlreadyBookedException();
        }
        LocalDate day = LondonTime.dateOf(start);
        return freeSlots(coach, day, day, except, now).stream().filter(s -> s.start().equals(start)).findFirst()
                .orElseThrow(SlotAlreadyBookedException::new);
    }

    /** Refuses a range that overlaps something {@code person} is already booked for. */
    void checkClear(long person, TimeRange range, Long except, String field, String whose) {
        bookedBetween(person, range.start(), range.end(), except).stream().findFirst().ifPresent(clash -> {
            throw new OverlappingBookingException(field, whose, clash.getKind(), clash.range());
        });
    }

    /**
     * Locks the rows of the people whose time is about to change, in id order, until the transaction ends: every
     * booking change takes these locks first, so changes to one person's time happen one at a time.
     */
    void lock(Long... people) {
        List<Long> ids = java.util.Arrays.stream(people).filter(java.util.Objects::nonNull).distinct().sorted().toList();
        for (long id : ids) {
            em.createNativeQuery("SELECT id FROM person WHERE id = ? FOR UPDATE").setParameter(1, id).getResultList();
        }
    }

    /**
     * Writes now, so a unique key refusing a second booking at the same start becomes {@code refusal}. Any other
     * failure is reported as what it is: a deadlock or lock wait as {@link DatabaseBusyException} (nothing saved, try
     * again), anything else as itself; neither is ever passed off as a slot someone else took.
     */
    void flush(BusinessException refusal) {
        try {
            em.flush();
        } catch (PersistenceException failed) {
            if (DatabaseErrors.isDuplicate(failed)) {
                throw refusal;
            }
            if (DatabaseErrors.isRetryable(failed)) {
                throw new DatabaseBusyException(failed);
            }
            throw failed;
        }
    }
}
