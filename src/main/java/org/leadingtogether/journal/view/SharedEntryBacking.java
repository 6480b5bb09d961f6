package org.leadingtogether.journal.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.leadingtogether.journal.JournalService;
import org.leadingtogether.journal.JournalViews.SharedEntryPage;
import org.leadingtogether.platform.web.Messages;

import java.io.Serializable;

/**
 * A coach reads one entry a coachee shares with them ({@code /coach/shared-entry.xhtml?id=}) and comments on
 * it. The service decides, at every request, whether the entry is still shared with this coach through a
 * current pairing; if not, it is "not found", like an entry that never existed.
 */
@Named
@ViewScoped
public class SharedEntryBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private JournalService journal;

    private Long id;
    private SharedEntryPage entry;
    private String comment;

    public void load() {
        entry = journal.getSharedEntry(id == null ? -1 : id);
    }

    public String addComment() {
        journal.addComment(entry.id(), comment);
        Messages.flashInfo("Your comment is added. " + entry.authorName() + " can read it with the entry.");
        return "/coach/shared-entry?faces-redirect=true&id=" + entry.id();
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public SharedEntryPage getEntry() {
        return entry;
    }

    public String getComment() {
        return comment;
    }

    public void setComment(String comment) {
        this.comment = comment;
    }
}
