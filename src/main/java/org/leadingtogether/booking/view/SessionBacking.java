package org.leadingtogether.booking.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.leadingtogether.account.view.SignedIn;
import org.leadingtogether.booking.BookingService;
import org.leadingtogether.booking.ChangeReason;
import org.leadingtogether.booking.Pages;
import org.leadingtogether.booking.SlotAlreadyBookedException;
import org.leadingtogether.platform.web.Messages;

import java.io.Serializable;
import java.time.Instant;

/**
 * Changing a booked coaching session, by the coachee or the coach ({@code /account/session.xhtml?id=…}): cancel
 * it with a reason, or move it to another of the coach's free slots. The other side is told either way.
 */
@Named
@ViewScoped
public class SessionBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private BookingService bookings;

    @Inject
    private SignedIn signedIn;

    private Long id;
    private Pages.SessionChange change;
    private String newSlot;
    private String why;
    private ChangeReason reason;
    private String note;

    public void load() {
        change = bookings.getSessionChange(id == null ? -1 : id);
    }

    public String cancel() {
        bookings.cancelCoachingSession(id, reason, note);
        Messages.flashInfo("The session is cancelled, and the other person has been told.");
        return back();
    }

    public String move() {
        try {
            bookings.moveCoachingSession(id, newSlot == null || newSlot.isBlank() ? null : Instant.ofEpochSecond(Long.parseLong(newSlot)), why);
        } catch (SlotAlreadyBookedException taken) {
            Messages.error(null, taken.getMessage());
            load();
            return null;
        }
        Messages.flashInfo("The session is moved, and the other person has been told.");
        return back();
    }

    private String back() {
        return signedIn.hasRole("COACH") && !signedIn.hasRole("LEARNER")
                ? "/coach/slots?faces-redirect=true" : "/learner/book-coaching?faces-redirect=true";
    }

    public ChangeReason[] getReasons() {
        return ChangeReason.values();
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public Pages.SessionChange getChange() {
        return change;
    }

    public String getNewSlot() {
        return newSlot;
    }

    public void setNewSlot(String newSlot) {
        this.newSlot = newSlot;
    }

    public String getWhy() {
        return why;
    }

    public void setWhy(String why) {
        this.why = why;
    }

    public ChangeReason getReason() {
        return reason;
    }

    public void setReason(ChangeReason reason) {
        this.reason = reason;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
