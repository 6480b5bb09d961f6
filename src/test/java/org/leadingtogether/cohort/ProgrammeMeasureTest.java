package org.leadingtogether.cohort;

import org.junit.jupiter.api.Test;
import org.leadingtogether.coaching.CoachHome;
import org.leadingtogether.coaching.CoacheeView;
import org.leadingtogether.coaching.PairingState;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one measure of progress gives the same figure, in the same words, on every page that shows someone's progress:
 * the learner's home, the coach's home and coachee page, the cohort dashboard and the manager's member page. Each
 * page's record takes it from {@link ProgrammeMeasure}, and each page prints it only through the measure's words (no
 * page counts lessons of its own any more, as the learner's home once counted every lesson in the library).
 */
class ProgrammeMeasureTest {

    private static final LocalDate START = LocalDate.of(2026, 9, 1);
    private static final LocalDate END = LocalDate.of(2027, 6, 30);

    @Test
    void theMeasureSaysWhatItCounts() {
        ProgrammeMeasure measure = new ProgrammeMeasure(5, 13);
        assertEquals(38, measure.percent());
        assertEquals("5 of 13 lessons of the required modules (38%)", measure.text());
        assertEquals("1 of 1 lesson of the required modules (100%)", new ProgrammeMeasure(1, 1).text());
        assertEquals("The programme has no required modules yet", new ProgrammeMeasure(0, 0).text());
        assertEquals(0, new ProgrammeMeasure(0, 0).percent());
        assertEquals(new ProgrammeMeasure(13, 13), new ProgrammeMeasure(15, 13), "lessons beyond the required ones do not count");
    }

    @Test
    void everyPagesRecordGivesTheSameFigure() {
        int done = 5;
        int required = 13;
        ProgrammeMeasure one = new ProgrammeMeasure(done, required);
        ProgrammeStanding standing = standing(done, required, 40, null);

        // The cohort dashboard's row (and so the exports, which are made from it).
        CohortDashboard.MemberRow row = new CohortDashboard.MemberRow(1, "Amara Okafor", "learner@demo.test", "Nurse", "Westmoor",
                "NHS", MembershipStatus.ENROLLED, 1, 3, done, required, 2, 6, 3.5, 12, Instant.parse("2026-11-01T10:00:00Z"));
        // The coach's home, their coachee page, the manager's member page; the learner's home shows the standing itself.
        CoachHome.Coachee coachHome = new CoachHome.Coachee(9, 1, "Amara Okafor", "Ward manager", "Westmoor", PairingState.ACTIVE,
                "Cohort 1", standing.measure(), 2, null);
        CoacheeView coacheePage = new CoacheeView(9, 1, "Amara Okafor", "Ward manager", "Westmoor", standing, "LQF 2026", List.of(1, 2, 3, 4),
                List.of(), false, false);
        MemberDetail memberPage = new MemberDetail(3, "Cohort 1", 1, "Amara Okafor", "learner@demo.test", "Nurse", "Westmoor",
                MembershipStatus.ENROLLED, List.of(), standing, List.of(), null);

        List<ProgrammeMeasure> shown = List.of(row.measure(), coachHome.progress(), coacheePage.standing().measure(),
                memberPage.standing().measure(), standing.measure());
        for (ProgrammeMeasure measure : shown) {
            assertEquals(one.text(), measure.text());
            assertEquals(one.percent(), measure.percent());
        }
        assertEquals(one.percent(), row.percent(), "the dashboard's per cent, which the pace rule reads, is the measure's");
        assertEquals("5 of 13 lessons of the required modules (38%)", row.measure().text());
    }

    @Test
    void theLearnerSeesThePaceInTheManagersWords() {
        LocalDate today = LocalDate.of(2027, 2, 1);
        int expected = PaceRule.expectedPercent(START, END, today);
        String reason = PaceRule.atRisk(START, END, today, 10, today.minusDays(3), START).orElseThrow();
        ProgrammeStanding behind = standing(1, 10, expected, reason);
        assertEquals("Behind the pace: " + reason, behind.paceText());
        assertTrue(behind.paceText().contains("10% done; " + expected + "% expected by now."), behind.paceText());
        assertFalse(behind.onTrack());

        ProgrammeStanding onTrack = standing(8, 10, expected, null);
        assertEquals("On track: 80% done; " + expected + "% expected by now.", onTrack.paceText());

        String quiet = PaceRule.atRisk(START, END, today, 80, null, START).orElseThrow();
        assertEquals("Needs attention: 80% done; " + expected + "% expected by now. " + quiet, standing(8, 10, expected, quiet).paceText());
    }

    @Test
    void everyPageShowsProgressOnlyThroughTheMeasure() throws IOException {
        Path web = Path.of("src/main/webapp");
        String template = Files.readString(web.resolve("WEB-INF/templates/programme-standing.xhtml"));
        assertTrue(template.contains("s.measure().text()") && template.contains("s.paceText()"), "the shared template prints the measure and the pace");
        for (String page : List.of("learner/home.xhtml", "coach/coachee.xhtml", "manager/member.xhtml")) {
            String xhtml = Files.readString(web.resolve(page));
            assertTrue(xhtml.contains("/WEB-INF/templates/programme-standing.xhtml"), page + " shows the standing through the shared template");
            assertNoOtherFigure(page, xhtml);
        }
        for (String page : List.of("coach/home.xhtml", "manager/cohort.xhtml")) {
            String xhtml = Files.readString(web.resolve(page));
            assertTrue(xhtml.contains(".measure().text()") || xhtml.contains(".progress().text()"), page + " prints the measure's words");
            assertNoOtherFigure(page, xhtml);
        }
    }

    private static void assertNoOtherFigure(String page, String xhtml) {
        for (String own : List.of("lessonsDone()", "lessonsTotal()", "lessonsRequired()", "of all lessons", "learning().percent()", "modulesDone()")) {
            assertFalse(xhtml.contains(own), page + " counts progress its own way: " + own);
        }
    }

    @Test
    void aDueDateFallsWithinTheCohort() {
        Programme programme = Programme.createdBy(1);
        programme.setStartDate(START);
        programme.setEndDate(END);
        Cohort cohort = new Cohort(programme);
        Map<String, String> titles = Map.of("m1", "Systems leadership");
        org.leadingtogether.platform.BusinessException refused = org.junit.jupiter.api.Assertions.assertThrows(
                org.leadingtogether.platform.BusinessException.class, () -> cohort.changeDueDates(Map.of("m1", END.plusDays(1)), titles));
        assertEquals("Choose a date for Systems leadership within the cohort's dates, 1 September 2026 to 30 June 2027.", refused.getMessage());
        assertTrue(cohort.getDueDates().isEmpty(), "nothing saved");
        org.junit.jupiter.api.Assertions.assertThrows(org.leadingtogether.platform.BusinessException.class,
                () -> cohort.changeDueDates(Map.of("not-required", START), titles));
        cohort.changeDueDates(Map.of("m1", END), titles);
        assertEquals(Map.of("m1", END), cohort.getDueDates());
        org.leadingtogether.platform.BusinessException moved = org.junit.jupiter.api.Assertions.assertThrows(
                org.leadingtogether.platform.BusinessException.class, () -> cohort.changePlacesAndDates(24, START, END.minusDays(1), 0));
        assertEquals("endDate", moved.getField().orElseThrow());
    }

    private static ProgrammeStanding standing(int done, int required, int expected, String reason) {
        return new ProgrammeStanding(1, 3, "Leading Across Westmoor", "Cohort 1", MembershipStatus.ENROLLED,
                new ProgrammeMeasure(done, required), expected, reason,
                List.of(new ProgrammeStanding.RequiredModule("m1", "Systems leadership", required, done, START.plusDays(30), true)));
    }
}
