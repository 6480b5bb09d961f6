package org.leadingtogether.account;

/**
 * Someone a programme manager enrols who has no account yet. They are created as a learner without a
 * password; an administrator gives them a temporary one when they are to sign in.
 */
public record NewLearner(String email, String givenName, String familyName, String profession, String organisation,
                         String jobTitle) {
}
