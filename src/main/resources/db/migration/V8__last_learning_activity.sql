-- When each person last completed a lesson, kept on the person as it happens (LearningService.completeLesson),
-- so cohort dashboards and programme reports read it with the member instead of searching every member's
-- completions for the latest one on every page.
ALTER TABLE person ADD COLUMN last_learning_at DATETIME(6);

UPDATE person SET last_learning_at = (SELECT MAX(c.completed_at) FROM lesson_completion c WHERE c.person_id = person.id);
