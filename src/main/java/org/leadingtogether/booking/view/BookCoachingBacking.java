package org.leadingtogether.booking.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.leadingtogether.booking.BookingService;
import org.leadingtogether.booking.Pages;
import org.leadingtogether.booking.SlotAlreadyBookedException;
import org.leadingtogether.platform.web.Messages;

import java.io.Serializable;
import java.time.Instant;

/**
 * A coachee books a session ({@code /learner/book-coaching.xhtml}): their current coaches' free slots, and the
 * sessions they have booked. Whoever loses a race for a slot sees why, with the slots as they are now.
 */
@Named
@ViewScoped
public class BookCoachingBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private BookingService bookings;

    private Pages.CoachingBooking page;

    public void load() {
        page = bookings.getCoachingBooking();
    }

    public String book(long pairingId, String slotKey) {
        try {
            bookings.bookCoachingSlot(pairingId, Instant.ofEpochSecond(Long.parseLong(slotKey)));
        } catch (SlotAlreadyBookedException taken) {
            Messages.error(null, taken.getMessage());
            load();
            return null;
        }
        Messages.flashInfo("Your session is booked, and your coach has been told. Download the invitation for your calendar.");
        return "/learner/book-coaching?faces-redirect=true";
    }

    public Pages.CoachingBooking getPage() {
        return page;
    }
}
