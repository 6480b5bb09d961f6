package org.leadingtogether.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.leadingtogether.platform.BaseEntity;

import java.time.Instant;

/**
 * A person's account at an identity provider, linked to their portal account the first time they signed in through
 * it: the provider's issuer and its subject (the provider's own, never reused id for that person). Later sign-ins find
 * the person by this link, not by email address, so an address changed at either end does not move anyone into
 * someone else's account. One link per person and issuer, and one person per issuer and subject (unique keys).
 */
@Entity
@Table(name = "provider_link")
@NamedQuery(name = "ProviderLink.find", query = "SELECT l FROM ProviderLink l WHERE l.issuer = :issuer AND l.subject = :subject")
@NamedQuery(name = "ProviderLink.findByPerson", query = "SELECT l FROM ProviderLink l WHERE l.personId = :person ORDER BY l.providerId, l.id")
@NamedQuery(name = "ProviderLink.findForPerson", query = "SELECT l FROM ProviderLink l WHERE l.personId = :person AND l.issuer = :issuer")
public class ProviderLink extends BaseEntity {

    private static final long serialVersionUID = 1L;

    @Column(name = "person_id", nullable = false, updatable = false)
    private long personId;

    @Column(nullable = false, updatable = false, length = 255)
    private String issuer;

    @Column(nullable = false, updatable = false, length = 255)
    private String subject;

    /** The provider's name in the settings when the link was made, for administrators to read. */
    @Column(name = "provider_id", nullable = false, length = 20)
    private String providerId;

    @Column(name = "last_sign_in_at")
    private Instant lastSignInAt;

    protected ProviderLink() {
        // for JPA
    }

    public ProviderLink(long personId, VerifiedIdentity identity, Instant now) {
        this.personId = personId;
        this.issuer = identity.issuer();
        this.subject = identity.subject();
        this.providerId = identity.providerId();
        this.lastSignInAt = now;
    }

    public long getPersonId() {
        return personId;
    }

    public String getProviderId() {
        return providerId;
    }

    public Instant getLastSignInAt() {
        return lastSignInAt;
    }

    public String getSubject() {
        return subject;
    }

    public void signedIn(Instant now) {
        this.lastSignInAt = now;
    }
}
