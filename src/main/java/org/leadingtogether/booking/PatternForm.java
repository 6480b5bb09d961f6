package org.leadingtogether.booking;

import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;

/** What a coach fills in to publish a repeating pattern of slots. Field names match the page's input ids. */
public class PatternForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private DayOfWeek day = DayOfWeek.TUESDAY;
    private LocalTime from = LocalTime.of(14, 0);
    private LocalTime until = LocalTime.of(16, 0);
    private int sessionMinutes = 60;
    private int bufferMinutes = 15;
    private int noticeHours = 24;
    private LocalDate firstDay;
    private LocalDate lastDay;

    public SlotGenerator.PatternRule rule() {
        return new SlotGenerator.PatternRule(0, day, from, until, sessionMinutes, bufferMinutes, noticeHours, firstDay, lastDay);
    }

    public DayOfWeek getDay() {
        return day;
    }

    public void setDay(DayOfWeek day) {
        this.day = day;
    }

    public LocalTime getFrom() {
        return from;
    }

    public void setFrom(LocalTime from) {
        this.from = from;
    }

    public LocalTime getUntil() {
        return until;
    }

    public void setUntil(LocalTime until) {
        this.until = until;
    }

    public int getSessionMinutes() {
        return sessionMinutes;
    }

    public void setSessionMinutes(int sessionMinutes) {
        this.sessionMinutes = sessionMinutes;
    }

    public int getBufferMinutes() {
        return bufferMinutes;
    }

    public void setBufferMinutes(int bufferMinutes) {
        this.bufferMinutes = bufferMinutes;
    }

    public int getNoticeHours() {
        return noticeHours;
    }

    public void setNoticeHours(int noticeHours) {
        this.noticeHours = noticeHours;
    }

    public LocalDate getFirstDay() {
        return firstDay;
    }

    public void setFirstDay(LocalDate firstDay) {
        this.firstDay = firstDay;
    }

    public LocalDate getLastDay() {
        return lastDay;
    }

    public void setLastDay(LocalDate lastDay) {
        this.lastDay = lastDay;
    }
}
