package org.leadingtogether.journal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.leadingtogether.platform.BaseEntity;

/**
 * A coach's comment on an entry shared with them, or the author's reply. It belongs to the coaching pairing the
 * entry was shared through when it was written ({@link #getPairingId()}): the author reads every comment on their
 * entry, even after the sharing has ended; a coach reads only the comments of the pairing the entry is shared through
 * now, so after the entry is shared with a new coach, the former coach's words (and the author's replies to them) stay
 * between the author and the former coach. The text is sealed like the entry's own, bound to the entry and the person
 * who wrote it.
 */
@Entity
@Table(name = "journal_comment")
public class JournalComment extends BaseEntity {

    private static final long serialVersionUID = 1L;

    public static final int TEXT_MAX = 4_000;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "entry_id")
    private JournalEntry entry;

    @Column(name = "author_id", nullable = false, updatable = false)
    private long authorId;

    @Column(name = "text_sealed", nullable = false)
    private String textSealed;

    /** The pairing the entry was shared through when this was written; null for a reply written while it was not shared. */
    @Column(name = "pairing_id", updatable = false)
    private Long pairingId;

    protected JournalComment() {
    }

    public JournalComment(JournalEntry entry, long authorId, Long pairingId, String text, JournalCipher cipher) {
        this.entry = entry;
        this.authorId = authorId;
        this.pairingId = pairingId;
        this.textSealed = cipher.seal(text, context(entry, authorId));
    }

    public String read(JournalCipher cipher) {
        return cipher.open(textSealed, context(entry, authorId));
    }

    private static String context(JournalEntry entry, long authorId) {
        return "journal-comment/" + entry.getId() + "/" + authorId;
    }

    public JournalEntry getEntry() {
        return entry;
    }

    public long getAuthorId() {
        return authorId;
    }

    public Long getPairingId() {
        return pairingId;
    }

    /** Whether a coach reading the entry through {@code pairingId} may read this comment. */
    public boolean belongsTo(Long pairingId) {
        return pairingId != null && pairingId.equals(this.pairingId);
    }
}
