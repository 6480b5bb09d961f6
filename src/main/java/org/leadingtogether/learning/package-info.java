/**
 * Learning modules on systems leadership: imported from files, taken lesson by lesson.
 *
 * <p>Modules and their lessons are written as Markdown files under {@code content/modules} and read by
 * {@link org.leadingtogether.learning.ContentReader}, which validates every file and reports each problem
 * with its path and line. {@link org.leadingtogether.learning.ContentImport} applies what is valid: a
 * {@link org.leadingtogether.learning.LearningModule} with a broken file keeps its last good version live,
 * and a lesson keeps learners' progress as long as its id does not change (a lesson dropped from a module
 * is retired, not deleted). {@link org.leadingtogether.learning.LessonCompletion} records when a person
 * finished a lesson, so progress is current the moment a lesson is done.
 * {@link org.leadingtogether.learning.LearningService} is the boundary the pages call.
 */
package org.leadingtogether.learning;
