/**
 * Programmes and the multidisciplinary cohorts within them: who runs them, who is enrolled, and how the
 * cohort is doing today.
 *
 * <p>A {@link org.leadingtogether.cohort.Programme} sets what every cohort in it works towards (required
 * modules, coaching sessions, protected time, the framework). A {@link org.leadingtogether.cohort.Cohort}
 * has dates, a capacity and its members; a {@link org.leadingtogether.cohort.CohortMembership} keeps every
 * change of status with its date and reason. Enrolment is one by one or from a CSV file
 * ({@link org.leadingtogether.cohort.EnrolmentCsv}), all or nothing; either way a person holds one place in a
 * programme and only an active account is enrolled, and a cohort's places (changed later, never below its members)
 * are counted under a lock. A refusal for want of places links to where they are changed
 * ({@link org.leadingtogether.cohort.CohortFullException}), so it is never a dead end. The dashboard
 * ({@link org.leadingtogether.cohort.CohortDashboard}) is computed at the moment it is asked for from
 * lesson completions, with a fixed number of queries, and shows counts and dates only: a programme
 * manager never sees the text of a reflection, a journal entry or a coaching note. Who may see and change
 * what is decided in one place, {@link org.leadingtogether.cohort.CohortPolicy};
 * {@link org.leadingtogether.cohort.CohortService} is the boundary.
 */
package org.leadingtogether.cohort;
