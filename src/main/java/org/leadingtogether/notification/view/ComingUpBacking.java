package org.leadingtogether.notification.view;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.leadingtogether.notification.ComingUp;
import org.leadingtogether.notification.ComingUpQueries;

/** The home pages' "coming up, and what is new" panels: each asked once per request, when its panel is shown. */
@Named
@RequestScoped
public class ComingUpBacking {

    @Inject
    private ComingUpQueries comingUp;

    private ComingUp.Learner learner;
    private ComingUp.Coach coach;
    private ComingUp.Manager manager;

    public ComingUp.Learner getLearner() {
        if (learner == null) {
            learner = comingUp.getLearnerComingUp();
        }
        return learner;
    }

    public ComingUp.Coach getCoach() {
        if (coach == null) {
            coach = comingUp.getCoachComingUp();
        }
        return coach;
    }

    public ComingUp.Manager getManager() {
        if (manager == null) {
            manager = comingUp.getManagerComingUp();
        }
        return manager;
    }
}
