package org.leadingtogether.cohort.view;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.leadingtogether.cohort.CohortService;
import org.leadingtogether.cohort.MyEnrolment;

import java.util.List;

/** The caller's own places on programmes, for their account page; read once per request. */
@Named
@RequestScoped
public class MyEnrolmentsBacking {

    @Inject
    private CohortService cohorts;

    private List<MyEnrolment> enrolments;

    public List<MyEnrolment> getEnrolments() {
        if (enrolments == null) {
            enrolments = cohorts.findMyEnrolments();
        }
        return enrolments;
    }
}
