package org.leadingtogether.booking;

import jakarta.persistence.EntityManager;
import org.leadingtogether.account.Person;
import org.leadingtogether.mail.BookingNotice;
import org.leadingtogether.mail.Mailer;
import org.leadingtogether.mail.NoticeKind;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the emails a booking change calls for into the outbox (the mail feature's), in the change's own
 * transaction, and makes the calendar events of bookings. The texts say who did what and why, in plain words; the
 * invitation goes with every email about a booking's time, so a calendar follows each change. Nothing is written
 * when email is off.
 */
final class NoticeWriter {

    private final EntityManager em;
    private final Mailer mailer;
    private final Instant now;
    private boolean wrote;

    NoticeWriter(EntityManager em, Mailer mailer, Instant now) {
        this.em = em;
        this.mailer = mailer;
        this.now = now;
    }

    /** Whether anything was written (the caller then asks for it to be sent after commit). */
    boolean wrote() {
        return wrote;
    }

    /** The people of a booking, by id. */
    Map<Long, Person> people(Collection<Long> ids) {
        Map<Long, Person> people = new HashMap<>();
        if (!ids.isEmpty()) {
            em.createQuery("SELECT p FROM Person p WHERE p.id IN :ids", Person.class).setParameter("ids", ids).getResultList()
                    .forEach(p -> people.put(p.getId(), p));
        }
        return people;
    }

    private Map<Long, Person> people(Booking booking) {
        List<Long> ids = new ArrayList<>(List.of(booking.getPersonId()));
        if (booking.getCoachId() != null) {
            ids.add(booking.getCoachId());
        }
        return people(ids);
    }

    /** The booking as a calendar event, as it stands now. */
    BookingCalendar.Event event(Booking booking) {
        Map<Long, Person> people = people(booking);
        Person person = people.get(booking.getPersonId());
        List<BookingCalendar.Person> attendees = new ArrayList<>();
        attendees.add(new BookingCalendar.Person(person.getFullName(), person.getEmail()));
        String summary;
        String description;
        if (booking.getKind() == BookingKind.COACHING) {
            Person coach = people.get(booking.getCoachId());
            attendees.add(new BookingCalendar.Person(coach.getFullName(), coach.getEmail()));
            summary = "Coaching session: " + person.getFullName() + " with " + coach.getFullName();
            description = "A coaching session booked through Leading Together. To move or cancel it, use the portal.";
        } else {
            String module = moduleTitle(booking.getModuleKey());
            summary = "Protected time: " + booking.getPurpose().getLabel() + (module == null ? "" : " (" + module + ")");
            description = "Protected development time, agreed as part of your leadership programme. Booked through Leading Together.";
        }
        return new BookingCalendar.Event(booking.getIcalUid(), booking.getIcalSequence(), booking.range(), summary, description,
                booking.getStatus() == BookingStatus.CANCELLED, attendees);
    }

    /** The calendar writer, with the portal's sender as organiser. */
    BookingCalendar calendar() {
        return new BookingCalendar(new BookingCalendar.Person(mailer.senderName(), mailer.senderAddress()));
    }

    String invitation(Booking booking) {
        return calendar().invitation(event(booking), now);
    }

    String moduleTitle(String key) {
        if (key == null) {
            return null;
        }
        return em.createQuery("SELECT m.title FROM LearningModule m WHERE m.moduleKey = :k", String.class)
                .setParameter("k", key).getResultStream().findFirst().orElse(null);
    }

    /** A new booking: the invitation to everyone in it. */
    void booked(Booking booking) {
        if (!mailer.isOn()) {
            return;
        }
        Map<Long, Person> people = people(booking);
        Person person = people.get(booking.getPersonId());
        String when = LondonTime.describe(booking.range());
        String calendar = invitation(booking);
        if (booking.getKind() == BookingKind.PROTECTED_TIME) {
            write(booking, NoticeKind.BOOKED, person, "Protected time booked: " + when,
                    "Your protected development time is booked for " + when + " (" + booking.getPurpose().getLabel().toLowerCase() + ").\n\n"
                            + "The invitation is attached: accept it so the time shows as busy in your calendar."
                            + (booking.isOverEntitlement() ? "\n\nThis goes beyond your entitlement, so your programme manager can see the reason you gave." : ""),
                    calendar);
        } else {
            Person coach = people.get(booking.getCoachId());
            write(booking, NoticeKind.BOOKED, person, "Coaching session booked: " + when,
                    "Your coaching session with " + coach.getFullName() + " is booked for " + when + ".\n\nThe invitation is attached.", calendar);
            write(booking, NoticeKind.BOOKED, coach, "Coaching session booked: " + when,
                    person.getFullName() + " has booked a coaching session with you for " + when + ".\n\nThe invitation is attached.", calendar);
        }
    }

    /** A booking beyond the entitlement: its managers are told, with the learner's reason. */
    void overEntitlement(Booking booking, String programme, String entitlement, Collection<Long> managers) {
        if (!mailer.isOn() || managers.isEmpty()) {
            return;
        }
        Person person = people(List.of(booking.getPersonId())).get(booking.getPersonId());
        for (Person manager : people(managers).values()) {
            write(booking, NoticeKind.OVER_ENTITLEMENT, manager, "Protected time beyond the entitlement: " + person.getFullName(),
                    person.getFullName() + " has booked " + ProtectedTimeLedger.minutesText(booking.getMinutes()) + " of protected time on "
                            + LondonTime.describe(booking.range()) + ", beyond the entitlement of " + entitlement + " in " + programme + ".\n\n"
                            + "Their reason: " + booking.getOverReason() + "\n\nIt shows on the cohort's dashboard.", null);
        }
    }

    /** A cancellation: the other side is told who cancelled and why; everyone gets the calendar cancellation. */
    void cancelled(Booking booking, long by) {
        if (!mailer.isOn()) {
            return;
        }
        Map<Long, Person> people = people(booking);
        String when = LondonTime.describe(booking.range());
        String why = booking.getClosedReason().getLabel() + (booking.getClosedNote() == null ? "" : ": " + booking.getClosedNote());
        String calendar = invitation(booking);
        Person actor = people.get(by);
        for (Person person : people.values()) {
            boolean self = person.getId() == by;
            String text = booking.getKind() == BookingKind.PROTECTED_TIME
                    ? "Your protected time on " + when + " is cancelled (" + why + ")."
                    : (self ? "You cancelled the coaching session on " + when + "." : actor.getFullName() + " has cancelled the coaching session on " + when + ".")
                    + "\n\nThe reason given: " + why;
            write(booking, NoticeKind.CANCELLED, person, (booking.getKind() == BookingKind.PROTECTED_TIME ? "Protected time" : "Coaching session")
                    + " cancelled: " + when, text + "\n\nThe attached cancellation removes it from your calendar.", calendar);
        }
    }

    /** A session moved: both sides get the new time and the updated invitation. */
    void moved(Booking booking, TimeRange from, long by, String why) {
        if (!mailer.isOn()) {
            return;
        }
        Map<Long, Person> people = people(booking);
        String when = LondonTime.describe(booking.range());
        String calendar = invitation(booking);
        Person actor = people.get(by);
        for (Person person : people.values()) {
            boolean self = person.getId() == by;
            write(booking, NoticeKind.MOVED, person, "Coaching session moved to " + when,
                    (self ? "You moved" : actor.getFullName() + " has moved") + " the coaching session from " + LondonTime.describe(from)
                            + " to " + when + ".\n\nThe reason given: " + why + "\n\nThe attached invitation updates your calendar.", calendar);
        }
    }

    /** The day-before reminder, to everyone in the booking. */
    void reminder(Booking booking) {
        if (!mailer.isOn()) {
            return;
        }
        String when = LondonTime.describe(booking.range());
        for (Person person : people(booking).values()) {
            write(booking, NoticeKind.REMINDER, person, "Reminder: " + booking.getKind().getLabel().toLowerCase() + " tomorrow, " + when,
                    "A reminder of your " + booking.getKind().getLabel().toLowerCase() + " on " + when + ".", null);
        }
    }

    private void write(Booking booking, NoticeKind kind, Person to, String subject, String body, String calendar) {
        em.persist(new BookingNotice(booking.getId(), kind, to.getEmail(), subject, body + "\n\n– Leading Together\n", calendar,
                calendar == null ? null : BookingCalendar.method(booking.getStatus() == BookingStatus.CANCELLED)));
        wrote = true;
    }
}
