package org.leadingtogether.booking.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.leadingtogether.booking.BookingService;
import org.leadingtogether.booking.Pages;
import org.leadingtogether.booking.PatternForm;
import org.leadingtogether.platform.ClockProducer;
import org.leadingtogether.platform.web.FormIntent;
import org.leadingtogether.platform.web.Messages;

import java.io.Serializable;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * A coach's session slots ({@code /coach/slots.xhtml}): repeating patterns and one-off slots to publish or
 * withdraw, the sessions coachees booked, and the free slots as coachees see them.
 */
@Named
@ViewScoped
public class SessionSlotsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final List<Integer> SESSION_LENGTHS = List.of(30, 45, 60, 75, 90, 120);
    private static final List<Integer> BUFFERS = List.of(0, 5, 10, 15, 30, 45, 60);
    private static final List<Integer> NOTICES = List.of(0, 2, 4, 12, 24, 48, 72, 168);

    @Inject
    private BookingService bookings;

    @Inject
    private Clock clock;

    private Pages.SessionSlots page;
    private final PatternForm pattern = new PatternForm();
    private LocalDate oneOffDate;
    private LocalTime oneOffStart;
    private int oneOffMinutes = 60;
    private int oneOffNotice = 24;

    public void load() {
        page = bookings.getSessionSlots();
        if (pattern.getFirstDay() == null) {
            pattern.setFirstDay(LocalDate.now(clock.withZone(ClockProducer.LONDON)));
        }
    }

    public String addPattern() {
        bookings.addPattern(pattern, FormIntent.submitted());
        Messages.flashInfo("The pattern is published: your coachees can book its slots now.");
        return "/coach/slots?faces-redirect=true";
    }

    public String removePattern(long id) {
        bookings.removePattern(id);
        Messages.flashInfo("The pattern is withdrawn. Sessions already booked in it stand.");
        return "/coach/slots?faces-redirect=true";
    }

    public String addOneOff() {
        bookings.addOneOffSlot(oneOffDate, oneOffStart, oneOffMinutes, oneOffNotice, FormIntent.submitted());
        Messages.flashInfo("The slot is published.");
        return "/coach/slots?faces-redirect=true";
    }

    public String removeOneOff(long id) {
        bookings.removeOneOffSlot(id);
        Messages.flashInfo("The slot is withdrawn.");
        return "/coach/slots?faces-redirect=true";
    }

    public DayOfWeek[] getDays() {
        return DayOfWeek.values();
    }

    public List<Integer> getSessionLengths() {
        return SESSION_LENGTHS;
    }

    public List<Integer> getBuffers() {
        return BUFFERS;
    }

    public List<Integer> getNotices() {
        return NOTICES;
    }

    public Pages.SessionSlots getPage() {
        return page;
    }

    public PatternForm getPattern() {
        return pattern;
    }

    public LocalDate getOneOffDate() {
        return oneOffDate;
    }

    public void setOneOffDate(LocalDate oneOffDate) {
        this.oneOffDate = oneOffDate;
    }

    public LocalTime getOneOffStart() {
        return oneOffStart;
    }

    public void setOneOffStart(LocalTime oneOffStart) {
        this.oneOffStart = oneOffStart;
    }

    public int getOneOffMinutes() {
        return oneOffMinutes;
    }

    public void setOneOffMinutes(int oneOffMinutes) {
        this.oneOffMinutes = oneOffMinutes;
    }

    public int getOneOffNotice() {
        return oneOffNotice;
    }

    public void setOneOffNotice(int oneOffNotice) {
        this.oneOffNotice = oneOffNotice;
    }
}
