package org.leadingtogether.feedback;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The programme's impact: average change per dimension, never over fewer than five learners. */
class ImpactFiguresTest {

    private static final Map<String, String> DIMENSIONS = new LinkedHashMap<>(Map.of("D1", "Working together"));
    private static final Map<Long, String> COHORTS = new LinkedHashMap<>();

    static {
        COHORTS.put(1L, "Cohort 1");
        COHORTS.put(2L, "Cohort 2");
    }

    private static ImpactFigures.Learner learner(long id, long cohort, double selfBefore, double selfAfter, double othersBefore, double othersAfter) {
        return new ImpactFigures.Learner(id, cohort,
                Map.of("D1", new ImpactFigures.Score(Math.round(selfBefore * 2), 2, Math.round(othersBefore * 10), 10)),
                Map.of("D1", new ImpactFigures.Score(Math.round(selfAfter * 2), 2, Math.round(othersAfter * 10), 10)));
    }

    @Test
    void theAverageChangeFromOwnAndOthersRatingsOverFiveOrMore() {
        List<ImpactFigures.Learner> learners = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            learners.add(learner(i, 1, 2.0, 3.0, 2.5, 3.0));
        }
        learners.add(learner(9, 2, 3.0, 2.0, 3.0, 3.0));
        ImpactFigures.Result result = ImpactFigures.of(DIMENSIONS, COHORTS, learners);
        assertTrue(result.programme().isShown());
        assertEquals(6, result.programme().learners());
        ImpactFigures.Change change = result.programme().changes().get(0);
        assertEquals((5 * 1.0 - 1.0) / 6, change.self(), 1e-9);
        assertEquals(5 * 0.5 / 6, change.others(), 1e-9);
        assertEquals("+0.67", change.selfText());
        assertEquals(List.of("Cohort 1"), result.cohorts().stream().map(ImpactFigures.Group::name).toList(), "cohort 2 has one learner");
        assertEquals(1, result.hiddenCohorts());
    }

    @Test
    void fewerThanFiveLearnersShowNothing() {
        List<ImpactFigures.Learner> learners = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            learners.add(learner(i, 1, 2.0, 3.0, 2.5, 3.0));
        }
        ImpactFigures.Result result = ImpactFigures.of(DIMENSIONS, COHORTS, learners);
        assertFalse(result.programme().isShown());
        assertEquals(List.of(), result.programme().changes());
        assertEquals(List.of(), result.cohorts());
    }

    @Test
    void aDimensionWithFewerThanFiveLearnersRatedByOthersIsLeftOut() {
        List<ImpactFigures.Learner> learners = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            learners.add(i < 4
                    ? new ImpactFigures.Learner(i, 1, Map.of("D1", new ImpactFigures.Score(4, 2, 0, 0)), Map.of("D1", new ImpactFigures.Score(6, 2, 30, 10)))
                    : learner(i, 1, 2, 3, 2, 3));
        }
        ImpactFigures.Change change = ImpactFigures.of(DIMENSIONS, COHORTS, learners).programme().changes().get(0);
        assertEquals(1.0, change.self(), 1e-9);
        assertNull(change.others(), "only one learner had others' ratings in both rounds");
        assertEquals(1, change.othersLearners());
        assertEquals("–", change.othersText());
    }

    @Test
    void aCohortsOverallFigureAveragesTheDimensionsThatHaveAChange() {
        ImpactFigures.Group cohort = new ImpactFigures.Group("Cohort 1", 6, List.of(
                new ImpactFigures.Change("D1", "Working together", 0.5, 6, null, 4),
                new ImpactFigures.Change("D2", "Being accountable", 1.0, 6, -0.25, 6),
                new ImpactFigures.Change("D3", "Inspiring a vision", -0.25, 6, 0.75, 6)));
        assertEquals("+0.42", cohort.selfOverallText(), "(0.5 + 1.0 - 0.25) / 3");
        assertEquals("+0.25", cohort.othersOverallText(), "D1 has too few raters' changes and is left out: (-0.25 + 0.75) / 2");
        ImpactFigures.Group none = new ImpactFigures.Group("Cohort 2", 5, List.of(new ImpactFigures.Change("D1", "Working together", null, 2, -0.5, 5)));
        assertEquals("–", none.selfOverallText(), "no dimension with a change of its own");
        assertEquals("-0.50", none.othersOverallText());
    }
}
