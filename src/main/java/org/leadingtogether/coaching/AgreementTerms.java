package org.leadingtogether.coaching;

import org.leadingtogether.platform.BusinessException;

import java.io.Serializable;

/** The terms of a coaching agreement as written in a form, checked field by field. */
public record AgreementTerms(String goals, int sessions, int sessionMinutes, String frequency, String venue,
                             String confidentiality) implements Serializable {

    /**
     * A fingerprint of the terms, which a page shows with them and sends back when someone agrees: if the terms
     * changed in between, agreeing is refused. (The row's version also moves when the other side agrees, which
     * must not get in the way.) {@link java.util.Objects#hash} is defined by its arguments alone, so every
     * instance of the portal computes the same value.
     */
    public int fingerprint() {
        return java.util.Objects.hash(goals, sessions, sessionMinutes, frequency, venue, confidentiality);
    }

    void check() {
        if (goals == null || goals.isBlank()) {
            throw new BusinessException("goals", "Write what the coaching is for: one or two goals are enough.");
        }
        if (goals.strip().length() > Agreement.GOALS_MAX) {
            throw new BusinessException("goals", "Keep the goals under " + Agreement.GOALS_MAX + " characters.");
        }
        if (sessions < 1 || sessions > 24) {
            throw new BusinessException("sessions", "Agree between 1 and 24 sessions.");
        }
        if (sessionMinutes < 15 || sessionMinutes > 240) {
            throw new BusinessException("sessionMinutes", "A session lasts between 15 and 240 minutes.");
        }
        if (frequency == null || frequency.isBlank()) {
            throw new BusinessException("frequency", "Say how often you will meet, for example 'about once a month'.");
        }
        if (frequency.strip().length() > Agreement.FREQUENCY_MAX) {
            throw new BusinessException("frequency", "Keep this under " + Agreement.FREQUENCY_MAX + " characters.");
        }
        if (venue != null && venue.strip().length() > Agreement.VENUE_MAX) {
            throw new BusinessException("venue", "Keep this under " + Agreement.VENUE_MAX + " characters.");
        }
        if (confidentiality == null || confidentiality.isBlank()) {
            throw new BusinessException("confidentiality", "The agreement needs its terms of confidentiality.");
        }
        if (confidentiality.strip().length() > Agreement.CONFIDENTIALITY_MAX) {
            throw new BusinessException("confidentiality", "Keep this under " + Agreement.CONFIDENTIALITY_MAX + " characters.");
        }
    }
}
