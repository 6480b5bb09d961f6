package org.leadingtogether.journal.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.leadingtogether.journal.JournalService;
import org.leadingtogether.journal.JournalViews.EntryPage;
import org.leadingtogether.journal.PairingRef;
import org.leadingtogether.platform.web.Messages;

import java.io.Serializable;

/**
 * One of one's own entries ({@code /learner/journal-entry.xhtml?id=}): reading it, sharing it with a current
 * coach or stopping, the coach's comments and one's replies, and deleting it. Someone else's id is "not found".
 */
@Named
@ViewScoped
public class EntryBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private JournalService journal;

    private Long id;
    private EntryPage entry;
    private String reply;

    public void load() {
        entry = journal.getEntry(id == null ? -1 : id);
    }

    public String share(PairingRef pairing) {
        journal.share(entry.id(), pairing.id());
        Messages.flashInfo("This entry is now shared with " + pairing.coachName() + ". No other entry is shared.");
        return self();
    }

    public String unshare() {
        journal.unshare(entry.id());
        Messages.flashInfo("This entry is no longer shared. Your coach cannot read it now.");
        return self();
    }

    public String addReply() {
        journal.addComment(entry.id(), reply);
        Messages.flashInfo("Your reply is added.");
        return self();
    }

    public String delete() {
        journal.deleteEntry(entry.id());
        Messages.flashInfo("The entry is deleted.");
        return "/learner/journal?faces-redirect=true";
    }

    private String self() {
        return "/learner/journal-entry?faces-redirect=true&id=" + entry.id();
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public EntryPage getEntry() {
        return entry;
    }

    public String getReply() {
        return reply;
    }

    public void setReply(String reply) {
        this.reply = reply;
    }
}
