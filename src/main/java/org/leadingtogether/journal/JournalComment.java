package org.leadingtogether.journal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.leadingtogether.platform.BaseEntity;

/**
 * A coach's comment on an entry shared with them. The author reads every comment on their entry, even after
 * the sharing has ended; the coach reads them only while they may read the entry. The text is sealed like the
 * entry's own, bound to the entry and the person who wrote it.
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

    protected JournalComment() {
    }

    public JournalComment(JournalEntry entry, long authorId, String text, JournalCipher cipher) {
        this.entry = entry;
        this.authorId = authorId;
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
}
