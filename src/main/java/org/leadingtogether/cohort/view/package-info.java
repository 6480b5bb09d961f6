/**
 * The programme manager's pages: programmes and their cohorts, a cohort's places and dates, the cohort dashboard
 * with its mix and heat map, enrolment one by one or from a file, and the exports.
 */
package org.leadingtogether.cohort.view;
