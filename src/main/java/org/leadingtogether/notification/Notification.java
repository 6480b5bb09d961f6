package org.leadingtogether.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.leadingtogether.platform.BaseEntity;

import java.time.Instant;

/**
 * One thing that happened which concerns one person: its kind, the name of who did it, and the portal page it is
 * about (a path, checked on sign-in like any page). Never a reflection's or a note's words. Read once the person
 * opens it or marks all read; {@code digestDue} while it waits for the weekly email.
 */
@Entity
@Table(name = "notification")
@NamedQuery(name = "Notification.findByPerson",
        query = "SELECT n FROM Notification n WHERE n.personId = :person ORDER BY n.id DESC")
public class Notification extends BaseEntity {

    private static final long serialVersionUID = 1L;

    /** The longest link kept: a page's path and its parameters. */
    public static final int LINK_MAX = 300;

    @Column(name = "person_id", nullable = false, updatable = false)
    private long personId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private NotificationKind kind;

    @Column(name = "about_name", updatable = false)
    private String aboutName;

    @Column(nullable = false, updatable = false)
    private String link;

    @Column(name = "read_at")
    private Instant readAt;

    @Column(name = "digest_due", nullable = false)
    private boolean digestDue;

    protected Notification() {
    }

    Notification(long personId, NotificationKind kind, String aboutName, String link, boolean digestDue) {
        if (link == null || !link.startsWith("/") || link.startsWith("//") || link.length() > LINK_MAX) {
            throw new IllegalArgumentException("A notification links to a page of the portal: " + link);
        }
        this.personId = personId;
        this.kind = kind;
        this.aboutName = aboutName == null || aboutName.length() <= 250 ? aboutName : aboutName.substring(0, 250);
        this.link = link;
        this.digestDue = digestDue;
    }

    void markRead(Instant now) {
        if (readAt == null) {
            readAt = now;
        }
    }

    public long getPersonId() {
        return personId;
    }

    public NotificationKind getKind() {
        return kind;
    }

    public String getAboutName() {
        return aboutName;
    }

    public String getTitle() {
        return kind.title(aboutName);
    }

    public String getLink() {
        return link;
    }

    public Instant getReadAt() {
        return readAt;
    }

    public boolean isRead() {
        return readAt != null;
    }

    public boolean isDigestDue() {
        return digestDue;
    }
}
