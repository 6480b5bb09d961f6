package org.leadingtogether.booking.view;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.leadingtogether.booking.BeyondAgreementException;
import org.leadingtogether.booking.BookingService;
import org.leadingtogether.booking.Pages;
import org.leadingtogether.booking.SlotAlreadyBookedException;
import org.leadingtogether.platform.AlreadyDoneException;
import org.leadingtogether.platform.web.FormIntent;
import org.leadingtogether.platform.web.Messages;

import java.io.Serializable;
import java.time.Instant;

/**
 * A coachee books a session ({@code /learner/book-coaching.xhtml}): their current coaches' free slots, and the
 * sessions they have booked.
 *
 * <p>What is pressed is what is booked: each slot's button sends its own key (the pairing and the slot's start) as
 * the value of the one command the form has, so the slot booked is read from the request, never from where the
 * button stood in a list that may have changed since the page was shown. Whoever loses a race for a slot sees
 * why, with the slots as they are now; the same form sent again is answered "already booked"; a session beyond
 * what the agreement allows is booked only once the coachee has been told and chooses to.
 */
@Named
@ViewScoped
public class BookCoachingBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The client id of the form's one command: every slot's button submits under this name, with its key. */
    static final String BOOK = "slots:book";
    /** The same for "book it all the same", after being told a session goes beyond the agreement. */
    static final String BOOK_BEYOND = "slots:bookBeyond";

    @Inject
    private BookingService bookings;

    private Pages.CoachingBooking page;

    /** A slot the coachee was told goes beyond the agreement, waiting for them to choose. */
    private String beyondSlot;
    private String beyondText;

    public void load() {
        page = bookings.getCoachingBooking();
    }

    public String book() {
        return book(BOOK, false);
    }

    /** The coachee has read that the session goes beyond the agreement and books it all the same. */
    public String bookBeyond() {
        return book(BOOK_BEYOND, true);
    }

    private String book(String command, boolean beyondAgreement) {
        String key = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get(command);
        String[] parts = key == null ? new String[0] : key.split("/");
        long pairingId;
        Instant start;
        try {
            pairingId = Long.parseLong(parts[0]);
            start = Instant.ofEpochSecond(Long.parseLong(parts[1]));
        } catch (RuntimeException malformed) {
            Messages.error(null, "Choose one of the free slots shown.");
            return null;
        }
        try {
            bookings.bookCoachingSlot(pairingId, start, beyondAgreement, FormIntent.submitted());
        } catch (SlotAlreadyBookedException | AlreadyDoneException refused) {
            Messages.error(null, refused.getMessage());
            beyondSlot = null;
            load();
            return null;
        } catch (BeyondAgreementException beyond) {
            beyondSlot = pairingId + "/" + start.getEpochSecond();
            beyondText = beyond.getMessage();
            load();
            return null;
        }
        Messages.flashInfo("Your session is booked, and your coach has been told. Download the invitation for your calendar.");
        return "/learner/book-coaching?faces-redirect=true";
    }

    public void keepToAgreement() {
        beyondSlot = null;
        beyondText = null;
    }

    public Pages.CoachingBooking getPage() {
        return page;
    }

    public String getBeyondSlot() {
        return beyondSlot;
    }

    public String getBeyondText() {
        return beyondText;
    }
}
