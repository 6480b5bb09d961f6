package org.leadingtogether.feedback;

import org.junit.jupiter.api.Test;
import org.leadingtogether.framework.FrameworkView;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a 360 report shows: groups under three only within all others, the line manager as theirs, nothing left to subtract. */
class FeedbackFiguresTest {

    private static final FrameworkView FRAMEWORK = new FrameworkView(1, "t", "1", "Test", "Test",
            List.of(new FrameworkView.Scale(1, "One", ""), new FrameworkView.Scale(4, "Four", "")),
            List.of(new FrameworkView.DimensionView(10, "D1", "Working together", "core", "",
                            List.of(new FrameworkView.ElementView(11, "E1", "Listening", ""), new FrameworkView.ElementView(12, "E2", "Sharing", ""))),
                    new FrameworkView.DimensionView(20, "D2", "Improving", "core", "",
                            List.of(new FrameworkView.ElementView(21, "E3", "Testing ideas", "")))));

    private static final Map<String, Integer> SELF = Map.of("E1", 2, "E2", 3, "E3", 4);

    private long next = 1;

    private FeedbackFigures.Answer answer(Relationship group, int e1, int e2, int e3) {
        java.util.HashMap<String, Integer> ratings = new java.util.HashMap<>();
        if (e1 > 0) {
            ratings.put("E1", e1);
        }
        if (e2 > 0) {
            ratings.put("E2", e2);
        }
        if (e3 > 0) {
            ratings.put("E3", e3);
        }
        return new FeedbackFigures.Answer(next++, group, ratings);
    }

    private List<FeedbackFigures.Answer> answers(Relationship group, int count, int e1, int e2, int e3) {
        List<FeedbackFigures.Answer> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(answer(group, e1, e2, e3));
        }
        return list;
    }

    private static List<String> columns(FeedbackFigures.Report report) {
        return report.columns().stream().map(FeedbackFigures.Column::label).toList();
    }

    private static FeedbackFigures.Cell cell(FeedbackFigures.Report report, String code, String column) {
        int index = columns(report).indexOf(column);
        for (FeedbackFigures.Section section : report.sections()) {
            if (section.dimension().code().equals(code)) {
                return section.dimension().cells().get(index);
            }
            for (FeedbackFigures.Row row : section.elements()) {
                if (row.code().equals(code)) {
                    return row.cells().get(index);
                }
            }
        }
        throw new AssertionError(code);
    }

    @Test
    void aGroupOfThreeIsShownOnItsOwnAndTheLineManagerEvenAlone() {
        List<FeedbackFigures.Answer> all = new ArrayList<>(answers(Relationship.PEER, 3, 3, 3, 3));
        all.add(answer(Relationship.LINE_MANAGER, 4, 4, 2));
        FeedbackFigures.Report report = FeedbackFigures.report(FRAMEWORK, SELF, all);
        assertEquals(List.of("You", "Line manager", "Peers", "All others"), columns(report));
        assertEquals(4.0, cell(report, "E1", "Line manager").value());
        assertEquals(3.0, cell(report, "E1", "Peers").value());
        assertEquals(3.25, cell(report, "E1", "All others").value(), 1e-9);
        assertEquals(2.5, cell(report, "D1", "You").value(), 1e-9, "a dimension is the mean of its elements' ratings");
        assertEquals((3 * 6 + 8) / 8.0, cell(report, "D1", "All others").value(), 1e-9);
        assertEquals(List.of(), report.folded());
        assertEquals(4, report.answers());
    }

    @Test
    void groupsUnderThreeAreOnlyWithinAllOthers() {
        List<FeedbackFigures.Answer> all = new ArrayList<>(answers(Relationship.PEER, 3, 3, 3, 3));
        all.addAll(answers(Relationship.PARTNER, 2, 1, 1, 1));
        all.addAll(answers(Relationship.SERVICE_USER, 1, 2, 2, 2));
        FeedbackFigures.Report report = FeedbackFigures.report(FRAMEWORK, SELF, all);
        assertEquals(List.of("You", "Peers", "All others"), columns(report), "partners (2) and service users (1) fold in: 3 between them");
        assertEquals(List.of(new FeedbackFigures.Folded(Relationship.PARTNER, 2), new FeedbackFigures.Folded(Relationship.SERVICE_USER, 1)), report.folded());
        assertEquals((9 + 2 + 2) / 6.0, cell(report, "E1", "All others").value(), 1e-9);
    }

    @Test
    void oneOrTwoFoldedAnswersWouldBeFoundBySubtractionSoTheSmallestShownGroupFoldsToo() {
        List<FeedbackFigures.Answer> all = new ArrayList<>(answers(Relationship.PEER, 4, 3, 3, 3));
        all.addAll(answers(Relationship.DIRECT_REPORT, 3, 2, 2, 2));
        all.add(answer(Relationship.PARTNER, 1, 1, 1));
        FeedbackFigures.Report report = FeedbackFigures.report(FRAMEWORK, SELF, all);
        assertEquals(List.of("You", "Peers", "All others"), columns(report), "direct reports (3) fold with the partner (1): four between them");
        assertEquals(List.of(new FeedbackFigures.Folded(Relationship.DIRECT_REPORT, 3), new FeedbackFigures.Folded(Relationship.PARTNER, 1)),
                report.folded());

        List<FeedbackFigures.Answer> two = new ArrayList<>(answers(Relationship.PEER, 3, 3, 3, 3));
        two.addAll(answers(Relationship.DIRECT_REPORT, 2, 1, 1, 1));
        FeedbackFigures.Report folded = FeedbackFigures.report(FRAMEWORK, SELF, two);
        assertEquals(List.of("You", "All others"), columns(folded), "peers (3) fold with the two direct reports: five in all others");
    }

    @Test
    void theLineManagerAndTwoOthersShowTheLineManagerButNotAllOthers() {
        List<FeedbackFigures.Answer> all = new ArrayList<>(answers(Relationship.PEER, 2, 3, 3, 3));
        all.add(answer(Relationship.LINE_MANAGER, 4, 4, 4));
        FeedbackFigures.Report report = FeedbackFigures.report(FRAMEWORK, SELF, all);
        assertEquals(List.of("You", "Line manager", "All others"), columns(report));
        assertTrue(cell(report, "E1", "Line manager").isShown());
        assertFalse(cell(report, "E1", "All others").isShown(), "all others less the line manager would be two peers");
        assertFalse(cell(report, "D1", "All others").isShown());
        assertFalse(report.hasAllOthers());
        assertEquals(List.of(), report.othersSeeMore(), "no gaps without all others");
    }

    @Test
    void notAbleToSayCanLeaveTooFewRatersForAFigure() {
        List<FeedbackFigures.Answer> all = new ArrayList<>(answers(Relationship.PEER, 2, 3, 3, 3));
        all.add(answer(Relationship.PEER, 3, 0, 3)); // not able to say on E2
        all.addAll(answers(Relationship.OTHER, 3, 2, 2, 2));
        FeedbackFigures.Report report = FeedbackFigures.report(FRAMEWORK, SELF, all);
        assertEquals(List.of("You", "Peers", "Others", "All others"), columns(report));
        FeedbackFigures.Cell peersE2 = cell(report, "E2", "Peers");
        assertNull(peersE2.value(), "two peers rated E2");
        assertEquals(2, peersE2.raters());
        assertFalse(cell(report, "D1", "Peers").isShown(), "E2 could be worked out from the dimension");
        assertTrue(cell(report, "D2", "Peers").isShown());
        assertFalse(cell(report, "E2", "All others").isShown(), "all others less the others' column would be the two peers");
        assertTrue(cell(report, "E1", "All others").isShown());
        assertEquals("–", peersE2.text());
    }

    @Test
    void theLargestGapsEitherWay() {
        List<FeedbackFigures.Answer> all = new ArrayList<>(answers(Relationship.PEER, 2, 4, 3, 3));
        all.addAll(answers(Relationship.OTHER, 2, 3, 3, 3));
        FeedbackFigures.Report report = FeedbackFigures.report(FRAMEWORK, SELF, all);
        assertEquals(List.of("E1"), report.othersSeeMore().stream().map(FeedbackFigures.Gap::code).toList(), "others 3.5, self 2");
        assertEquals(1.5, report.othersSeeMore().get(0).difference(), 1e-9);
        assertEquals(List.of("E3"), report.youSeeMore().stream().map(FeedbackFigures.Gap::code).toList(), "self 4, others 3; E2 is equal");
        assertEquals("1.0", report.youSeeMore().get(0).text());
    }

    @Test
    void noAnswersYetShowsOnlyTheLearner() {
        FeedbackFigures.Report report = FeedbackFigures.report(FRAMEWORK, SELF, List.of());
        assertEquals(List.of("You", "All others"), columns(report));
        assertEquals(4.0, cell(report, "D2", "You").value());
        assertFalse(report.hasAllOthers());
        assertEquals(List.of(4.0), report.dimensionValues(0).subList(1, 2));
    }
}
