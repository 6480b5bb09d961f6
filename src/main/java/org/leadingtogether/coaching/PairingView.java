package org.leadingtogether.coaching;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One pairing as the coach or the coachee sees it. Built for one viewer: the coach's private notes are filled
 * in only when the viewer is the coach, and the reason for ending only for whoever ended it.
 */
public record PairingView(long id, boolean viewerIsCoach, PairingState state, LocalDate respondBy, CoachCard coach,
                          long coacheeId, String coacheeName, String coacheeJobTitle, String coacheeOrganisation,
                          Agreement agreement, List<Session> sessions, List<Action> actions, Instant endedAt,
                          String myEndReason) implements Serializable {

    /** The agreement's terms and who has agreed to them; {@code fingerprint} is what agreeing refers to. */
    public record Agreement(AgreementTerms terms, int fingerprint, Instant coachAgreedAt, Instant coacheeAgreedAt)
            implements Serializable {

        public boolean agreedByBoth() {
            return coachAgreedAt != null && coacheeAgreedAt != null;
        }
    }

    /** A session; {@code notes} is null unless the viewer is the coach. */
    public record Session(long id, Instant startsAt, int minutes, boolean chemistry, SessionStatus status, String notes,
                          Integer feedbackRating, String feedbackComment) implements Serializable {
    }

    public record Action(long id, String text, boolean done, boolean mine) implements Serializable {
    }

    public boolean isCurrent() {
        return state.isCurrent();
    }

    /** The coachee's job title and organisation, whichever are known. */
    public String coacheeLine() {
        return CoachCard.line(coacheeJobTitle, coacheeOrganisation);
    }

    public boolean hasAgreement() {
        return agreement != null;
    }

    /** Whether the viewer has agreed to the agreement as it stands. */
    public boolean agreedByMe() {
        return agreement != null && (viewerIsCoach ? agreement.coachAgreedAt() : agreement.coacheeAgreedAt()) != null;
    }
}
