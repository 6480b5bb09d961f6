package org.leadingtogether.coaching;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.leadingtogether.platform.AuditedEntity;
import org.leadingtogether.platform.BusinessException;

import java.time.Instant;

/**
 * The coaching agreement of a pairing: goals, how many sessions of what length and how often, where, and the
 * terms of confidentiality with their exceptions. Either side may propose changes; any change withdraws both
 * agreements, so what each has agreed is always the text in front of them. When both have agreed, the pairing
 * becomes active.
 */
@Entity
@Table(name = "coaching_agreement")
public class Agreement extends AuditedEntity {

    private static final long serialVersionUID = 1L;

    public static final int GOALS_MAX = 4_000;
    public static final int FREQUENCY_MAX = 200;
    public static final int VENUE_MAX = 200;
    public static final int CONFIDENTIALITY_MAX = 4_000;

    /** The default terms, from what coaching schemes in health and care agree. */
    public static final String STANDARD_CONFIDENTIALITY = "What we discuss stays between coach and coachee. The coach breaks "
            + "confidentiality only where there is a risk of harm to the coachee or others, a serious breach of professional "
            + "or organisational policy, or suspected illegal activity, and will say so first wherever possible. The programme "
            + "manager is told only whether sessions took place.";

    @Id
    @Column(name = "pairing_id")
    private Long pairingId;


    @Column(nullable = false, length = GOALS_MAX)
    private String goals;

    @Column(nullable = false)
    private int sessions;

    @Column(name = "session_minutes", nullable = false)
    private int sessionMinutes;

    @Column(nullable = false, length = FREQUENCY_MAX)
    private String frequency;

    @Column(length = VENUE_MAX)
    private String venue;

    @Column(nullable = false, length = CONFIDENTIALITY_MAX)
    private String confidentiality;

    @Column(name = "coach_agreed_at")
    private Instant coachAgreedAt;

    @Column(name = "coachee_agreed_at")
    private Instant coacheeAgreedAt;

    protected Agreement() {
    }

    public Agreement(long pairingId) {
        this.pairingId = pairingId;
    }

    /** The terms a new agreement starts from: typical of health and care schemes, for both sides to change. */
    public static AgreementTerms suggestedTerms() {
        return new AgreementTerms("", 6, 90, "About once a month", "", STANDARD_CONFIDENTIALITY);
    }

    /** New terms; both sides agree again. */
    public void change(AgreementTerms terms) {
        terms.check();
        goals = terms.goals().strip();
        sessions = terms.sessions();
        sessionMinutes = terms.sessionMinutes();
        frequency = terms.frequency().strip();
        venue = terms.venue() == null || terms.venue().isBlank() ? null : terms.venue().strip();
        confidentiality = terms.confidentiality().strip();
        coachAgreedAt = null;
        coacheeAgreedAt = null;
    }

    /** One side agrees to the terms as they stand; {@code fingerprintRead} is that of the terms they read. */
    public void agree(boolean asCoach, int fingerprintRead, Instant now) {
        if (fingerprintRead != terms().fingerprint()) {
            throw new BusinessException("The agreement changed while you were reading it. Read it again, then agree.");
        }
        if (asCoach) {
            coachAgreedAt = now;
        } else {
            coacheeAgreedAt = now;
        }
    }

    public boolean isAgreedByBoth() {
        return coachAgreedAt != null && coacheeAgreedAt != null;
    }

    public AgreementTerms terms() {
        return new AgreementTerms(goals, sessions, sessionMinutes, frequency, venue, confidentiality);
    }

    public Long getPairingId() {
        return pairingId;
    }

    public Instant getCoachAgreedAt() {
        return coachAgreedAt;
    }

    public Instant getCoacheeAgreedAt() {
        return coacheeAgreedAt;
    }
}
