package org.leadingtogether.cohort;

import org.leadingtogether.learning.Progress;

import java.io.Serializable;

/**
 * The one measure of a learner's progress in the portal: lessons done of the published lessons in their programme's
 * required modules. Every page that shows someone's progress (the learner's home, the coach's home and coachee page,
 * the cohort dashboard and its member page) takes its figure and its words from here, so they can never disagree
 * again, and the words say what is counted. Lessons rather than whole modules, because a module takes weeks: a
 * count of whole modules would stand still for most of the programme. The pace a cohort expects
 * ({@link PaceRule}) is read against the same per cent.
 *
 * @param done     lessons of the required modules done (never more than {@code required})
 * @param required published, active lessons in the programme's required modules
 */
public record ProgrammeMeasure(int done, int required) implements Serializable {

    public ProgrammeMeasure {
        done = Math.max(0, Math.min(done, required));
    }

    /** Whole per cent, rounded down, so 100 means every required lesson. */
    public int percent() {
        return Progress.percent(done, required);
    }

    public boolean hasRequired() {
        return required > 0;
    }

    /** The figure in words, the same on every page: "5 of 13 lessons of the required modules (38%)". */
    public String text() {
        if (!hasRequired()) {
            return "The programme has no required modules yet";
        }
        return done + " of " + required + (required == 1 ? " lesson" : " lessons") + " of the required modules (" + percent() + "%)";
    }

    @Override
    public String toString() {
        return text();
    }
}
