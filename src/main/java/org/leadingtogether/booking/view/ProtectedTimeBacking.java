package org.leadingtogether.booking.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.leadingtogether.booking.BookingService;
import org.leadingtogether.booking.ChangeReason;
import org.leadingtogether.booking.Pages;
import org.leadingtogether.booking.ProtectedTimeForm;
import org.leadingtogether.booking.Purpose;
import org.leadingtogether.platform.ClockProducer;
import org.leadingtogether.platform.web.FormIntent;
import org.leadingtogether.platform.web.Messages;

import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * A learner's protected time ({@code /learner/protected-time.xhtml?day=…}): the ledger of the period that day is
 * in, booking a block, cancelling one, and saying afterwards how the time went.
 */
@Named
@ViewScoped
public class ProtectedTimeBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Lengths a block can be booked for, in minutes. */
    private static final List<Integer> LENGTHS = List.of(30, 60, 90, 120, 150, 180, 210, 240, 300, 360, 420, 450);

    @Inject
    private BookingService bookings;

    @Inject
    private Clock clock;

    private LocalDate day;
    private Pages.ProtectedTime page;
    private final ProtectedTimeForm form = new ProtectedTimeForm();

    private Long cancelId;
    private ChangeReason cancelReason;
    private String cancelNote;

    private Long recordId;
    private ChangeReason lostReason = ChangeReason.SERVICE_PRESSURE;
    private String lostNote;

    public void load() {
        page = bookings.getProtectedTime(day);
        if (form.getDate() == null) {
            LocalDate today = LocalDate.now(clock.withZone(ClockProducer.LONDON));
            form.setDate(day == null || day.isBefore(today) ? today : day);
        }
    }

    public String book() {
        long id = bookings.bookProtectedTime(form, FormIntent.submitted());
        Messages.flashInfo("Your protected time is booked. Download the invitation to put it in your calendar.");
        return "/learner/protected-time?faces-redirect=true&day=" + form.getDate() + "&booked=" + id;
    }

    public String cancel() {
        if (cancelId == null) {
            Messages.error(null, "Choose the block to cancel from the list of blocks.");
            return null;
        }
        bookings.cancelProtectedTime(cancelId, cancelReason, cancelNote);
        Messages.flashInfo("The block is cancelled, and the reason is kept in your ledger.");
        return redirect();
    }

    /** The row's own "I had the time as planned": the block whose button was pressed. */
    public String recordUsed(long blockId) {
        bookings.recordProtectedTime(blockId, true, null, null);
        Messages.flashInfo("Recorded as used. Well done for protecting it.");
        return redirect();
    }

    /** The time lost, for the block whose row was chosen ({@code lost} in the address), with the reason. */
    public String recordLost() {
        if (recordId == null) {
            Messages.error(null, "Choose the block from the list of blocks that have passed.");
            return null;
        }
        bookings.recordProtectedTime(recordId, false, lostReason, lostNote);
        Messages.flashInfo("Recorded as lost, with the reason.");
        return redirect();
    }

    /** The block chosen for cancelling on its row, if it is one of the person's own that can still be cancelled. */
    public Pages.Block getCancelBlock() {
        return cancelId == null || page == null ? null
                : page.cancellable().stream().filter(b -> b.id() == cancelId).findFirst().orElse(null);
    }

    /** The passed block chosen on its row as lost, if it is one of the person's own still to be confirmed. */
    public Pages.Block getLostBlock() {
        return recordId == null || page == null ? null
                : page.toConfirm().stream().filter(b -> b.id() == recordId).findFirst().orElse(null);
    }

    private String redirect() {
        return "/learner/protected-time?faces-redirect=true" + (day == null ? "" : "&day=" + day);
    }

    public List<Integer> getLengths() {
        return LENGTHS;
    }

    public Purpose[] getPurposes() {
        return Purpose.values();
    }

    public ChangeReason[] getReasons() {
        return ChangeReason.values();
    }

    public LocalDate getDay() {
        return day;
    }

    public void setDay(LocalDate day) {
        this.day = day;
    }

    public Pages.ProtectedTime getPage() {
        return page;
    }

    public ProtectedTimeForm getForm() {
        return form;
    }

    public Long getCancelId() {
        return cancelId;
    }

    public void setCancelId(Long cancelId) {
        this.cancelId = cancelId;
    }

    public ChangeReason getCancelReason() {
        return cancelReason;
    }

    public void setCancelReason(ChangeReason cancelReason) {
        this.cancelReason = cancelReason;
    }

    public String getCancelNote() {
        return cancelNote;
    }

    public void setCancelNote(String cancelNote) {
        this.cancelNote = cancelNote;
    }

    public Long getRecordId() {
        return recordId;
    }

    public void setRecordId(Long recordId) {
        this.recordId = recordId;
    }

    public ChangeReason getLostReason() {
        return lostReason;
    }

    public void setLostReason(ChangeReason lostReason) {
        this.lostReason = lostReason;
    }

    public String getLostNote() {
        return lostNote;
    }

    public void setLostNote(String lostNote) {
        this.lostNote = lostNote;
    }
}
