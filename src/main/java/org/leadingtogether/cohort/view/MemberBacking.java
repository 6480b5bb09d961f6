package org.leadingtogether.cohort.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.leadingtogether.cohort.CohortService;
import org.leadingtogether.cohort.MemberDetail;
import org.leadingtogether.cohort.MembershipStatus;
import org.leadingtogether.platform.web.Messages;

import java.io.Serializable;

/** One member of a cohort ({@code ?cohort=…&person=…}): their status and its history, progress and self-ratings. */
@Named
@ViewScoped
public class MemberBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private CohortService cohorts;

    private Long cohort;
    private Long person;
    private MemberDetail member;
    private MembershipStatus status;
    private String reason;

    public void load() {
        member = cohorts.getMember(cohort == null ? -1 : cohort, person == null ? -1 : person);
        status = member.status();
    }

    public String changeStatus() {
        cohorts.changeStatus(cohort, person, status, reason);
        Messages.flashInfo(member.name() + " is now " + status.getLabel().toLowerCase() + ".");
        return "/manager/member?faces-redirect=true&cohort=" + cohort + "&person=" + person;
    }

    public MembershipStatus[] getStatuses() {
        return MembershipStatus.values();
    }

    public Long getCohort() {
        return cohort;
    }

    public void setCohort(Long cohort) {
        this.cohort = cohort;
    }

    public Long getPerson() {
        return person;
    }

    public void setPerson(Long person) {
        this.person = person;
    }

    public MemberDetail getMember() {
        return member;
    }

    public MembershipStatus getStatus() {
        return status;
    }

    public void setStatus(MembershipStatus status) {
        this.status = status;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
