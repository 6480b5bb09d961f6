package org.leadingtogether.cohort;

import java.io.Serializable;

/**
 * One person read from an enrolment file, already checked and tidied so that it can be enrolled as it stands.
 * The email is trimmed and in lower case, because it is how the portal recognises someone who already has an
 * account. Profession and organisation are the portal's own names for them (the file's "social WORK" becomes
 * "Social work"), so the cohort mix counts one group once however the file spelt it.
 *
 * @param line       the physical line of the file the person starts on (the header is line 1), so that a
 *                   later problem, such as a clash with an existing account, can point back to the file
 * @param jobTitle   {@code null} when the file gives none: the column is optional
 */
public record EnrolmentRow(int line, String email, String givenName, String familyName, String profession,
                           String organisation, String jobTitle) implements Serializable {
}
