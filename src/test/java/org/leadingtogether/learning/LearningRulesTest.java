package org.leadingtogether.learning;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How progress is counted and where a learner continues. */
class LearningRulesTest {

    @Test
    void percentIsWholeAndRoundedDownSoHundredMeansEverything() {
        assertEquals(0, Progress.percent(0, 0));
        assertEquals(0, Progress.percent(0, 4));
        assertEquals(33, Progress.percent(1, 3));
        assertEquals(66, Progress.percent(2, 3));
        assertEquals(99, Progress.percent(199, 200));
        assertEquals(100, Progress.percent(3, 3));
    }

    @Test
    void aModuleContinuesAtTheFirstLessonNotDone() {
        ModulePage page = module(true, false, true);
        assertEquals("b", page.continueKey());
        assertEquals(66, page.percent());
        assertTrue(page.started());
    }

    @Test
    void aFinishedModuleGoesBackToTheFirstLessonAndAnUnstartedOneStartsThere() {
        assertEquals("a", module(true, true, true).continueKey());
        assertEquals(100, module(true, true, true).percent());
        ModulePage fresh = module(false, false, false);
        assertEquals("a", fresh.continueKey());
        assertFalse(fresh.started());
    }

    @Test
    void anEmptyModuleHasNowhereToContinue() {
        assertNull(new ModulePage("m", "M", "", "", 10, 1, List.of(), List.of()).continueKey());
    }

    @Test
    void questionsSurviveTheirTripThroughJson() {
        QuestionsCodec codec = new QuestionsCodec();
        List<QuestionDefinition> questions = List.of(
                new QuestionDefinition("Which is right?", List.of(new QuestionDefinition.Option("One \"quoted\"", "Not this."),
                        new QuestionDefinition.Option("Two", "Nor this."), new QuestionDefinition.Option("Three", "Because ñ.")), 2, "Because ñ."),
                QuestionDefinition.withoutReasons("Second?", List.of("Yes", "No"), 0, ""));
        assertEquals(questions, codec.read(codec.write(questions)));
        assertNull(codec.write(List.of()));
        assertEquals(List.of(), codec.read(null));
    }

    @Test
    void questionsStoredBeforeOptionsHadReasonsAreStillRead() {
        List<QuestionDefinition> read = new QuestionsCodec().read(
                "[{\"question\":\"Q?\",\"options\":[\"A\",\"B\"],\"answer\":1,\"explanation\":\"E\"}]");
        assertEquals(List.of(QuestionDefinition.withoutReasons("Q?", List.of("A", "B"), 1, "E")), read);
    }

    private static ModulePage module(boolean... done) {
        String[] keys = {"a", "b", "c"};
        List<ModulePage.LessonRow> rows = new java.util.ArrayList<>();
        for (int i = 0; i < done.length; i++) {
            rows.add(new ModulePage.LessonRow(keys[i], "Lesson " + keys[i], 5, done[i]));
        }
        return new ModulePage("m", "Module", "Summary", "<p>Intro</p>", 15, 1, rows, List.of());
    }
}
