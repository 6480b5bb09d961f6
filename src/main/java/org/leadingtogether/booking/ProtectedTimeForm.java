package org.leadingtogether.booking;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalTime;

/** What a learner fills in to book protected time. Field names match the page's input ids. */
public class ProtectedTimeForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private LocalDate date;
    private LocalTime start;
    private int minutes = 120;
    private Purpose purpose = Purpose.MODULE_STUDY;
    private String moduleKey;
    private String overReason;

    public LocalDate getDate() {
        return date;
    }

    public void setDate(LocalDate date) {
        this.date = date;
    }

    public LocalTime getStart() {
        return start;
    }

    public void setStart(LocalTime start) {
        this.start = start;
    }

    public int getMinutes() {
        return minutes;
    }

    public void setMinutes(int minutes) {
        this.minutes = minutes;
    }

    public Purpose getPurpose() {
        return purpose;
    }

    public void setPurpose(Purpose purpose) {
        this.purpose = purpose;
    }

    public String getModuleKey() {
        return moduleKey;
    }

    public void setModuleKey(String moduleKey) {
        this.moduleKey = moduleKey;
    }

    public String getOverReason() {
        return overReason;
    }

    public void setOverReason(String overReason) {
        this.overReason = overReason;
    }
}
