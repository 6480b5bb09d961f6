package org.leadingtogether.progress;

import org.leadingtogether.framework.FrameworkView;
import org.leadingtogether.journal.JournalViews;
import org.leadingtogether.learning.LearnerProgress;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Where a learner stands: the active framework, their latest self-assessment (if any), every earlier one
 * by date with its averages per dimension, their learning progress with its evidence, and the evidence from
 * their saved reflective journal entries (counted beside the lessons, never mixed into them).
 */
public record ProgressOverview(FrameworkView framework, Assessment latest, List<Assessment> history,
                               LearnerProgress learning, JournalViews.Evidence reflections) implements Serializable {

    public ProgressOverview {
        reflections = reflections == null ? JournalViews.Evidence.none() : reflections;
    }

    /** An overview without journal evidence (for a view that may not read the learner's journal). */
    public ProgressOverview(FrameworkView framework, Assessment latest, List<Assessment> history, LearnerProgress learning) {
        this(framework, latest, history, learning, null);
    }

    /**
     * One dated self-assessment: ratings by element id of the active framework and the average per dimension code.
     *
     * @param edition the framework (short title and version) the ratings were made against
     * @param carried whether they were made against an earlier edition and carried across through the crosswalk
     */
    public record Assessment(long id, Instant created, Map<Long, Integer> ratings, Map<String, Double> averages,
                             String strengths, String toDevelop, String edition, boolean carried) implements Serializable {

        public Assessment(long id, Instant created, Map<Long, Integer> ratings, Map<String, Double> averages,
                          String strengths, String toDevelop) {
            this(id, created, ratings, averages, strengths, toDevelop, "", false);
        }
    }

    /**
     * A row of the "where you stand" table, one per dimension: {@code evidence} counts completed lessons,
     * {@code reflections} saved journal entries, for the dimension's elements.
     */
    public record DimensionStanding(String code, String name, double latest, Double previous, int evidence, int reflections)
            implements Serializable {
    }

    public boolean hasAssessment() {
        return latest != null;
    }

    public List<DimensionStanding> standings() {
        Assessment previous = history.size() > 1 ? history.get(1) : null;
        Map<String, Integer> evidence = learning.evidenceByElement();
        return framework.dimensions().stream().map(d -> new DimensionStanding(d.code(), d.name(),
                latest == null ? 0 : latest.averages().getOrDefault(d.code(), 0.0),
                previous == null ? null : previous.averages().get(d.code()),
                AssessmentRules.dimensionEvidence(d, evidence),
                AssessmentRules.dimensionEvidence(d, reflections.byElement()))).toList();
    }
}
