package org.leadingtogether.platform;

import org.junit.jupiter.api.Test;
import org.leadingtogether.cohort.MixCount;
import org.leadingtogether.cohort.view.MixChart;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Chart labels in lines that fit, and bar charts that draw every label. */
class ChartLabelsTest {

    @Test
    void labelsBreakBetweenWordsAndALongWordIsCut() {
        assertEquals(List.of("Delivering the", "strategy"), ChartLabels.wrap("Delivering the strategy", 14));
        assertEquals(List.of("Nursing"), ChartLabels.wrap("Nursing", 14));
        assertEquals(List.of("Westmoor", "Community", "Health NHS", "Foundation", "Trust"), ChartLabels.wrap("Westmoor Community Health NHS Foundation Trust", 10));
        assertEquals(List.of("abcdefghij", "klm"), ChartLabels.wrap("abcdefghijklm", 10));
        assertEquals(List.of(""), ChartLabels.wrap(null, 10));
    }

    @Test
    void aBarChartDrawsEveryLabelAndIsAsTallAsItsBars() {
        MixChart chart = new MixChart();
        List<MixCount> professions = java.util.stream.IntStream.rangeClosed(1, 12)
                .mapToObj(i -> mix("Profession number " + i + " of the cohort", i)).toList();
        String json = chart.json(professions, "By profession");
        assertTrue(json.contains("\"autoSkip\":false"), "no label left out: " + json);
        assertTrue(json.contains("\"maintainAspectRatio\":false"), json);
        assertTrue(json.contains("[\"Profession number 1 of\",\"the cohort\"]"), json);
        double tall = Double.parseDouble(chart.height(professions).replaceAll("[^0-9.]", ""));
        double short_ = Double.parseDouble(chart.height(professions.subList(0, 2)).replaceAll("[^0-9.]", ""));
        assertTrue(tall > short_ * 4, tall + " against " + short_);
    }

    private static MixCount mix(String label, int count) {
        return new MixCount(label, count);
    }
}
