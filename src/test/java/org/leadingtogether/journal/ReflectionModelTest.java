package org.leadingtogether.journal;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReflectionModelTest {

    @Test
    void gibbsHasItsSixStagesInOrder() {
        assertEquals(List.of("Description", "Feelings", "Evaluation", "Analysis", "Conclusion", "Action plan"),
                ReflectionModel.GIBBS.getStages().stream().map(ReflectionModel.Stage::label).toList());
    }

    @Test
    void rolfeAsksWhatSoWhatNowWhat() {
        assertEquals(List.of("What?", "So what?", "Now what?"),
                ReflectionModel.ROLFE.getStages().stream().map(ReflectionModel.Stage::label).toList());
    }

    @Test
    void freeTextIsOneField() {
        assertEquals(1, ReflectionModel.FREE.getStages().size());
    }

    @Test
    void everyStageHasAOneLineHintAndAKeyOfItsOwn() {
        for (ReflectionModel model : ReflectionModel.values()) {
            Set<String> keys = new HashSet<>();
            for (ReflectionModel.Stage stage : model.getStages()) {
                assertTrue(keys.add(stage.key()), model + " repeats " + stage.key());
                assertFalse(stage.hint().isBlank(), stage.label());
                assertFalse(stage.hint().contains("\n"), stage.label() + " hint is one line");
                assertTrue(stage.hint().length() <= 120, stage.label() + " hint is short: " + stage.hint().length());
                assertTrue(stage.hint().endsWith("?") || stage.hint().endsWith("."), stage.label());
            }
            assertFalse(model.getLabel().isBlank());
        }
    }

    @Test
    void eachModelSaysWhichStagesAnswerTheFormsQuestions() {
        assertEquals("Description", ReflectionModel.GIBBS.getStages().get(ReflectionModel.GIBBS.natureStage()).label());
        assertEquals("Conclusion", ReflectionModel.GIBBS.getStages().get(ReflectionModel.GIBBS.learnedStage()).label());
        assertEquals("Action plan", ReflectionModel.GIBBS.getStages().get(ReflectionModel.GIBBS.changeStage()).label());
        assertEquals("So what?", ReflectionModel.ROLFE.getStages().get(ReflectionModel.ROLFE.learnedStage()).label());
        assertEquals(-1, ReflectionModel.FREE.learnedStage());
    }

    @Test
    void switchingToAModelWithMoreStagesKeepsTextInPlace() {
        assertEquals(List.of("What happened", "It matters", "I will act", "", "", ""),
                ReflectionModel.carryOver(ReflectionModel.ROLFE, List.of("What happened", "It matters", "I will act"), ReflectionModel.GIBBS));
    }

    @Test
    void switchingToFewerStagesGathersTheRestUnderTheirLabelsInTheLastStage() {
        List<String> gibbs = List.of("D", "F", "", "An", "", "Plan");
        assertEquals(List.of("D", "F", "Analysis\nAn\n\nAction plan\nPlan"),
                ReflectionModel.carryOver(ReflectionModel.GIBBS, gibbs, ReflectionModel.ROLFE));
        assertEquals(List.of("Description\nD\n\nFeelings\nF\n\nAnalysis\nAn\n\nAction plan\nPlan"),
                ReflectionModel.carryOver(ReflectionModel.GIBBS, gibbs, ReflectionModel.FREE));
    }

    @Test
    void switchingWithOnlyTheFirstStageWrittenMovesItAsItIs() {
        assertEquals(List.of("Just this"),
                ReflectionModel.carryOver(ReflectionModel.GIBBS, List.of("Just this", "", "", "", "", ""), ReflectionModel.FREE));
        assertEquals(List.of(""), ReflectionModel.carryOver(ReflectionModel.GIBBS, null, ReflectionModel.FREE));
    }

    @Test
    void theFormSwitchesModelWithoutLosingText() {
        EntryForm form = new EntryForm();
        assertEquals(ReflectionModel.GIBBS, form.getModel(), "Gibbs is offered first");
        form.getStages().set(0, "What happened");
        form.getStages().set(5, "Next time");
        form.changeModel(ReflectionModel.ROLFE);
        assertEquals(List.of("What happened", "", "Action plan\nNext time"), form.getStages());
        assertEquals(ReflectionModel.ROLFE, form.toContent().model());
        assertTrue(new EntryForm().isEmpty());
        assertFalse(form.isEmpty());
    }
}
