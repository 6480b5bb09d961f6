package org.leadingtogether.feedback;

import jakarta.persistence.EntityManager;
import org.leadingtogether.cohort.Programme;
import org.leadingtogether.framework.FrameworkView;
import org.leadingtogether.platform.ClockProducer;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What both boundaries of 360 feedback do alike, {@link FeedbackService} for people with an account and
 * {@link RaterAnswers} for a rater's link, kept in one place so that the two cannot come to differ: a learner's own
 * ratings and a rater's answers are checked by the same rule, and a round's dates are read against the same day.
 */
final class FeedbackCommon {

    private FeedbackCommon() {
    }

    /**
     * Every element answered: a point of the framework's scale, or (for raters, {@code mayNotSay}) 0 for "not able to
     * say". Gives the ratings without the zeros; refuses naming every element left unanswered.
     */
    static Map<String, Integer> checkedRatings(FrameworkView framework, Map<String, Integer> given, boolean mayNotSay) {
        Set<Integer> scale = new java.util.HashSet<>(framework.scale().stream().map(FrameworkView.Scale::value).toList());
        Map<String, Integer> chosen = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (FrameworkView.ElementView element : framework.allElements()) {
            Integer value = given == null ? null : given.get(element.code());
            if (value == null || !(scale.contains(value) || (mayNotSay && value == 0))) {
                missing.add(element.code());
            } else if (value != 0) {
                chosen.put(element.code(), value);
            }
        }
        if (!missing.isEmpty()) {
            throw new Unanswered(missing, mayNotSay);
        }
        return chosen;
    }

    /** The programme's name, as a 360's pages and emails show it. */
    static String programmeName(EntityManager em, long programmeId) {
        return em.find(Programme.class, programmeId).getName();
    }

    /** The day it is in London, against which a round's opening and closing dates are read. */
    static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ClockProducer.LONDON));
    }
}
