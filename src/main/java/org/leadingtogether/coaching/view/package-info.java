/**
 * Pages of coaching: the coach's home, profile, pairings and coachees; the learner's coaching; and the programme
 * manager's pairing of a cohort. Thin beans: each action is one call to
 * {@link org.leadingtogether.coaching.CoachingService}, then a message and, after a change, a redirect.
 */
package org.leadingtogether.coaching.view;
