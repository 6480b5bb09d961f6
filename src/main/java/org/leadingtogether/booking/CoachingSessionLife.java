package org.leadingtogether.booking;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.leadingtogether.account.Person;
import org.leadingtogether.coaching.CoachingSession;
import org.leadingtogether.coaching.Pairing;
import org.leadingtogether.coaching.SessionSchedule;
import org.leadingtogether.coaching.SessionStatus;
import org.leadingtogether.mail.Mailer;
import org.leadingtogether.mail.NoticesQueued;
import org.leadingtogether.platform.BusinessException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The one owner of a coaching session's life in time (see {@link SessionSchedule}): every change to when a session
 * is and whether it stands goes through here, from the booking pages ({@link BookingService}) and from the session
 * records (the coaching feature, through the interface), so a session and its booking never disagree. Cancelling,
 * from either page, cancels the booking under the notice rule and sends the calendar cancellation and the emails;
 * ending a pairing cancels its sessions still to come and tells both people; a session written by hand for later
 * blocks both people's time like a booked one. Works inside the caller's transaction.
 */
@ApplicationScoped
public class CoachingSessionLife implements SessionSchedule {

    /** Why a session is cancelled when its pairing ends: both people see this, never the private reason for ending. */
    static final String PAIRING_ENDED = "The coaching pairing has ended";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Mailer mailer;

    @Inject
    private Clock clock;

    @Inject
    private Event<NoticesQueued> queued;

    /** Until how long before a coaching session either side may cancel or move it (BOOKING_CHANGE_NOTICE_HOURS). */
    @Inject
    @ConfigProperty(name = "booking.change.notice.hours", defaultValue = "24")
    private int changeNoticeHours;

    Duration notice() {
        return Duration.ofHours(changeNoticeHours);
    }

    @Override
    public CoachingSession record(Pairing pairing, LocalDateTime startsAt, int minutes, SessionStatus status, long by) {
        if (startsAt == null) {
            throw new BusinessException("startsAt", "Give the date and time of the session.");
        }
        Instant now = clock.instant();
        Instant start = LondonTime.resolve(startsAt.toLocalDate(), startsAt.toLocalTime(), "startsAt");
        boolean first = em.createQuery("SELECT COUNT(s) FROM CoachingSession s WHERE s.pairingId = :p", Long.class)
                .setParameter("p", pairing.getId()).getSingleResult() == 0;
        CoachingSession record = new CoachingSession(pairing.getId(), start, minutes, first, SessionStatus.PLANNED);
        record.record(status == null ? SessionStatus.PLANNED : status, now);
        boolean blocksTime = record.getStatus() == SessionStatus.PLANNED && start.isAfter(now);
        TimeRange range = TimeRange.of(start, minutes);
        Availability availability = new Availability(em);
        if (blocksTime) {
            availability.lock(pairing.getCoacheeId(), pairing.getCoachId());
            availability.checkClear(pairing.getCoachId(), range, null, "startsAt", pairing.getCoachId() == by ? "You" : name(pairing.getCoachId()));
            availability.checkClear(pairing.getCoacheeId(), range, null, "startsAt", name(pairing.getCoacheeId()));
        }
        em.persist(record);
        em.flush();
        if (blocksTime) {
            Booking booking = Booking.coaching(pairing.getCoacheeId(), pairing.getCoachId(), pairing.getId(), record.getId(),
                    pairing.getCohortId(), range, by);
            em.persist(booking);
            availability.flush(new BusinessException("startsAt", "That time was booked a moment ago: choose another."));
            NoticeWriter notices = new NoticeWriter(em, mailer, now);
            notices.booked(booking);
            sendAfterCommit(notices);
        }
        return record;
    }

    @Override
    public void changeStatus(Pairing pairing, CoachingSession session, SessionStatus status, long by) {
        if (status == null || status == session.getStatus()) {
            session.record(status, clock.instant());
            return;
        }
        Booking booking = standingBooking(session.getId());
        if (status == SessionStatus.CANCELLED && booking != null) {
            cancel(booking, by, ChangeReason.OTHER, "Cancelled in the session records", true);
            return;
        }
        if (session.getStatus() == SessionStatus.CANCELLED && status == SessionStatus.PLANNED) {
            throw new BusinessException("status", "A cancelled session cannot be planned again: record or book a new one.");
        }
        session.record(status, clock.instant());
    }

    @Override
    public void pairingEnded(Pairing pairing, long by) {
        Instant now = clock.instant();
        List<Booking> comingUp = em.createQuery("""
                        SELECT b FROM Booking b WHERE b.pairingId = :p AND b.status = org.leadingtogether.booking.BookingStatus.BOOKED
                          AND b.startsAt > :now ORDER BY b.startsAt""", Booking.class)
                .setParameter("p", pairing.getId()).setParameter("now", now).getResultList();
        for (Booking booking : comingUp) {
            cancel(booking, by, ChangeReason.OTHER, PAIRING_ENDED, false);
        }
        em.createQuery("""
                        SELECT s FROM CoachingSession s WHERE s.pairingId = :p AND s.status = org.leadingtogether.coaching.SessionStatus.PLANNED
                          AND s.startsAt > :now""", CoachingSession.class)
                .setParameter("p", pairing.getId()).setParameter("now", now).getResultList()
                .forEach(s -> s.record(SessionStatus.CANCELLED, now));
    }

    /**
     * Cancels a coaching session's booking by {@code by}, with the reason both will see: under the notice rule when
     * {@code underNotice} (a person's choice; not when a pairing ends), its session record cancelled with it, and the
     * calendar cancellation and emails sent once the transaction commits.
     */
    void cancel(Booking booking, long by, ChangeReason reason, String note, boolean underNotice) {
        Instant now = clock.instant();
        new Availability(em).lock(booking.getPersonId(), booking.getCoachId());
        em.refresh(booking);
        if (underNotice) {
            booking.checkChangeable(now, notice());
        }
        booking.cancel(by, reason, note, now);
        CoachingSession record = booking.getSessionId() == null ? null : em.find(CoachingSession.class, booking.getSessionId());
        if (record != null && record.getStatus() == SessionStatus.PLANNED) {
            record.record(SessionStatus.CANCELLED, now);
        }
        NoticeWriter notices = new NoticeWriter(em, mailer, now);
        notices.cancelled(booking, by);
        sendAfterCommit(notices);
    }

    private Booking standingBooking(long sessionId) {
        return em.createQuery("""
                        SELECT b FROM Booking b WHERE b.sessionId = :s AND b.status = org.leadingtogether.booking.BookingStatus.BOOKED""",
                        Booking.class)
                .setParameter("s", sessionId).getResultStream().findFirst().orElse(null);
    }

    private String name(long personId) {
        Person person = em.find(Person.class, personId);
        return person == null ? "They" : person.getFullName();
    }

    private void sendAfterCommit(NoticeWriter notices) {
        if (notices.wrote()) {
            queued.fire(new NoticesQueued());
        }
    }
}
