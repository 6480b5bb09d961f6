package org.leadingtogether.progress;

import org.junit.jupiter.api.Test;
import org.leadingtogether.framework.FrameworkView;
import org.leadingtogether.platform.BusinessException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a self-assessment must be, and how dimensions are summarised. */
class AssessmentRulesTest {

    private static final FrameworkView FRAMEWORK = new FrameworkView(1, "lqf", "2012", "Test framework", "Test",
            List.of(new FrameworkView.Scale(1, "Emerging", ""), new FrameworkView.Scale(2, "Developing", ""),
                    new FrameworkView.Scale(3, "Established", ""), new FrameworkView.Scale(4, "Role model", "")),
            List.of(new FrameworkView.DimensionView(10, "D1", "First", "core", "",
                            List.of(new FrameworkView.ElementView(100, "E1.1", "One", ""), new FrameworkView.ElementView(101, "E1.2", "Two", ""))),
                    new FrameworkView.DimensionView(11, "D2", "Second", "senior", "",
                            List.of(new FrameworkView.ElementView(110, "E2.1", "Three", "")))));

    @Test
    void unratedElementsAreDroppedAndTheRestKept() {
        Map<Long, Integer> ratings = new HashMap<>();
        ratings.put(100L, 3);
        ratings.put(101L, null);
        assertEquals(Map.of(100L, 3), AssessmentRules.check(FRAMEWORK, ratings, null, null));
    }

    @Test
    void nothingRatedIsRefused() {
        BusinessException refused = assertThrows(BusinessException.class, () -> AssessmentRules.check(FRAMEWORK, Map.of(), null, null));
        assertTrue(refused.getMessage().contains("at least one"));
    }

    @Test
    void aRatingOffTheScaleOrAnElementOfAnotherFrameworkIsRefused() {
        assertThrows(BusinessException.class, () -> AssessmentRules.check(FRAMEWORK, Map.of(100L, 5), null, null));
        assertThrows(BusinessException.class, () -> AssessmentRules.check(FRAMEWORK, Map.of(100L, 0), null, null));
        assertThrows(BusinessException.class, () -> AssessmentRules.check(FRAMEWORK, Map.of(999L, 2), null, null));
    }

    @Test
    void notesThatAreTooLongAreRefusedAtTheirField() {
        BusinessException refused = assertThrows(BusinessException.class,
                () -> AssessmentRules.check(FRAMEWORK, Map.of(100L, 2), "x".repeat(SelfAssessment.NOTES_MAX + 1), null));
        assertEquals("strengths", refused.getField().orElseThrow());
    }

    @Test
    void aDimensionAveragesItsRatedElementsOnlyAndCountsEvidencePerElement() {
        FrameworkView.DimensionView first = FRAMEWORK.dimensions().get(0);
        assertEquals(2.5, AssessmentRules.dimensionAverage(first, Map.of(100L, 2, 101L, 3)));
        assertEquals(3.0, AssessmentRules.dimensionAverage(first, Map.of(100L, 3)));
        assertEquals(0.0, AssessmentRules.dimensionAverage(first, Map.of(110L, 4)));
        assertEquals(5, AssessmentRules.dimensionEvidence(first, Map.of("E1.1", 2, "E1.2", 3, "E2.1", 7)));
    }

    @Test
    void theRadarIsChartJsConfigurationWithOneAxisPerDimension() {
        String json = RadarChart.json(List.of("First", "Second"), 4,
                List.of(new RadarChart.Series("Latest", "rgb(11, 79, 138)", List.of(2.5, 3.0))));
        assertTrue(json.contains("\"type\":\"radar\""), json);
        assertTrue(json.contains("\"labels\":[[\"First\"],[\"Second\"]]"), json);
        assertTrue(json.contains("\"data\":[2.5,3.0]"), json);
        assertTrue(json.contains("\"max\":4"), json);
    }

    @Test
    void theRadarsAxisNamesAreDrawnInShortLinesSoThatAPhoneShowsThemWhole() {
        String json = RadarChart.json(List.of("Delivering the strategy and the vision", "Leading with care"), 4,
                List.of(new RadarChart.Series("Latest", "rgb(11, 79, 138)", List.of(2.5, 3.0))));
        assertTrue(json.contains("\"labels\":[[\"Delivering the\",\"strategy and\",\"the vision\"],[\"Leading with\",\"care\"]]"), json);
        assertTrue(json.contains("\"pointLabels\":{\"color\":\"#1f2328\",\"padding\":4"), json);
    }
}
