package org.leadingtogether.booking;

import org.leadingtogether.coaching.Pairing;
import org.leadingtogether.platform.NotFoundException;

/**
 * Who may see and change which booking, checked at the top of every {@link BookingService} method. A booking
 * is seen and changed by its two sides only (the learner or coachee, and for a session the coach); a pattern
 * or slot by the coach who offers it; a coach's slots are booked only by a coachee they currently work with.
 * Anyone else is told the record does not exist, the same answer as for a record that really does not, so a
 * hand-typed id reveals nothing.
 */
public final class BookingPolicy {

    private BookingPolicy() {
    }

    /** A booking the caller is one side of. */
    public static Booking checkInvolved(Booking booking, long me) {
        if (booking == null || !booking.involves(me)) {
            throw new NotFoundException("There is no such booking.");
        }
        return booking;
    }

    /** A learner's own block of protected time. */
    public static Booking checkOwnProtectedTime(Booking booking, long me) {
        if (booking == null || booking.getKind() != BookingKind.PROTECTED_TIME || booking.getPersonId() != me) {
            throw new NotFoundException("There is no such booking.");
        }
        return booking;
    }

    /** A coaching session the caller is the coachee or the coach of. */
    public static Booking checkCoachingSession(Booking booking, long me) {
        if (booking == null || booking.getKind() != BookingKind.COACHING || !booking.involves(me)) {
            throw new NotFoundException("There is no such session.");
        }
        return booking;
    }

    /** A pairing whose coachee is the caller and in which coaching is under way (first conversation or active). */
    public static Pairing checkCurrentCoachee(Pairing pairing, long me) {
        if (pairing == null || pairing.getCoacheeId() != me || !pairing.getState().isCurrent()) {
            throw new NotFoundException("There is no such coach.");
        }
        return pairing;
    }

    /** A pattern the caller offers. */
    public static SlotPattern checkOwnPattern(SlotPattern pattern, long me) {
        if (pattern == null || pattern.getCoachId() != me) {
            throw new NotFoundException("There is no such pattern.");
        }
        return pattern;
    }

    /** A one-off slot the caller offers. */
    public static OneOffSlot checkOwnSlot(OneOffSlot slot, long me) {
        if (slot == null || slot.getCoachId() != me) {
            throw new NotFoundException("There is no such slot.");
        }
        return slot;
    }
}
