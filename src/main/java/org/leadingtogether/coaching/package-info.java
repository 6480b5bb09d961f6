/**
 * Coaching: coach profiles, matching coachees with coaches, pairings, coaching agreements and the record of
 * sessions held.
 *
 * <p>Matching is plain Java with no database behind it ({@link org.leadingtogether.coaching.CoachMatcher}
 * for one coachee, {@link org.leadingtogether.coaching.CohortAssignment} for a whole cohort), so the rules
 * can be read and tested on their own. Coaching notes belong to the coach and never leave them: no manager,
 * coachee or report ever sees their text.
 */
package org.leadingtogether.coaching;
