package org.leadingtogether.platform;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Version;

import java.io.Serializable;
import java.time.Instant;

/**
 * What every entity keeps, whatever its key: an optimistic-lock version (so two people editing the same record
 * cannot silently overwrite each other), and when it was created and last modified. {@link BaseEntity} adds a
 * database-generated id; an entity keyed by another's id (a coach's profile by the coach) extends this directly.
 */
@MappedSuperclass
public abstract class AuditedEntity implements Serializable {

    private static final long serialVersionUID = 1L;

    @Version
    private int version;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "modified_at", nullable = false)
    private Instant modifiedAt;

    @PrePersist
    void onCreate() {
        createdAt = Instant.now();
        modifiedAt = createdAt;
    }

    @PreUpdate
    void onUpdate() {
        modifiedAt = Instant.now();
    }

    public int getVersion() {
        return version;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getModifiedAt() {
        return modifiedAt;
    }
}
