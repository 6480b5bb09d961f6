package org.leadingtogether.journal.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.leadingtogether.journal.EntryForm;
import org.leadingtogether.journal.EntryKind;
import org.leadingtogether.journal.JournalService;
import org.leadingtogether.journal.JournalViews.DimensionChoice;
import org.leadingtogether.journal.JournalViews.ElementRef;
import org.leadingtogether.journal.JournalViews.SaveOutcome;
import org.leadingtogether.journal.JournalViews.Warning;
import org.leadingtogether.journal.JournalViews.WritePage;
import org.leadingtogether.journal.NmcTheme;
import org.leadingtogether.journal.ReflectionModel;
import org.leadingtogether.platform.ClockProducer;
import org.leadingtogether.platform.security.SessionSafeSecurity;
import org.leadingtogether.platform.web.Messages;
import org.leadingtogether.platform.web.NextPage;
import org.primefaces.PrimeFaces;

import java.io.Serializable;
import java.security.Principal;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writing an entry: {@code ?id=} to edit one's own, {@code ?lesson=<lesson id>} to start from a lesson's
 * reflection prompt, {@code ?session=<coaching session id>} to start from a coaching session, or nothing for a
 * blank entry.
 *
 * <p>No lost work, in two layers. While an entry is a draft, the page saves it to the portal as the author types
 * ({@code journal-draft.js} calls {@link #saveDraft} a few seconds after typing stops, and "Save draft" does the
 * same at once). And whatever the state, the script keeps the unsaved text in the browser tab's session storage,
 * keyed by the person, the entry and the version the page last saved: if the session has timed out, a save cannot
 * reach the portal, so the script says so plainly and the text stays in the tab; when the author signs in again
 * (in the same tab) and opens the entry, the script puts it back and says so.
 *
 * <p>Why this way: keeping the session alive with a poll would hold a signed-in session open on an unattended
 * screen, which a portal of personal reflections should not do; a server-side copy made without a session cannot be
 * trusted. Session storage rather than local storage because many people write on shared ward computers: the copy
 * lives only as long as the browser tab, survives reloads and signing in again, and is gone when the tab is closed
 * (or at once when the author signs out from a journal page). Once the entry is saved the copy is removed. The
 * script is an external file, as the Content-Security-Policy allows only the portal's own scripts.
 */
@Named
@ViewScoped
public class EntryWriteBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    @Inject
    private JournalService journal;

    /** Who is calling; see {@link SessionSafeSecurity} for why it is not an injected SecurityContext. */
    private final SessionSafeSecurity security = new SessionSafeSecurity();

    private Long id;
    private String lesson;
    private Long session;

    private WritePage page;
    private EntryForm form;
    private ReflectionModel model;
    /** The elements chosen, per dimension name: one checkbox group per dimension on the page. */
    private final Map<String, Object> elementChoices = new HashMap<>();
    private List<String> themeNames = new ArrayList<>();
    private List<Warning> warnings = List.of();
    /** Findings the author has seen and chosen to keep in their draft (see {@link JournalService#saveDraft}). */
    private final Set<String> acknowledged = new HashSet<>();
    private String draftStatus;

    private static final String NOT_STORED = "Not saved to the portal: this draft may identify someone (see the warning above)."
            + " It is kept in this browser tab until you edit it or keep it anyway.";

    public void load() {
        page = id != null ? journal.getEntryToEdit(id) : journal.startEntry(lesson, session);
        form = page.form();
        model = form.getModel();
        elementChoices.clear();
        for (DimensionChoice dimension : page.dimensions()) {
            List<String> chosen = dimension.elements().stream().map(ElementRef::code).filter(form.getElementCodes()::contains).toList();
            elementChoices.put(dimension.name(), new ArrayList<>(chosen));
        }
        themeNames = new ArrayList<>(form.getThemes().stream().map(Enum::name).toList());
    }

    /** The model was changed: the stages are redrawn, with what was written carried over. */
    public void modelChanged() {
        collect();
    }

    public String save() {
        collect();
        String keptAs = getDraftKey();
        return after(journal.save(form, false, org.leadingtogether.platform.web.FormIntent.submitted()), keptAs);
    }

    /** Saves after the identifying-information warning, as the author decided. */
    public String saveAnyway() {
        collect();
        String keptAs = getDraftKey();
        return after(journal.save(form, true, org.leadingtogether.platform.web.FormIntent.submitted()), keptAs);
    }

    /**
     * Saves a draft without leaving the page (typing pauses, or "Save draft"). A draft that seems to identify someone is
     * not stored: the warnings are shown with the words marked, as for a saved entry, and the text stays in the browser
     * tab until the author edits the words out or keeps the draft anyway ({@link #keepDraftAnyway}).
     */
    public void saveDraft() {
        collect();
        if (!form.isEmpty()) {
            SaveOutcome outcome = journal.saveDraft(form, Set.copyOf(acknowledged));
            if (outcome.hasWarnings()) {
                warnings = outcome.warnings();
                draftStatus = NOT_STORED;
                PrimeFaces.current().ajax().addCallbackParam("draftHeld", true);
                return;
            }
            warnings = List.of();
            form.setId(outcome.id());
            form.setVersion(outcome.version());
            draftStatus = "Draft saved at " + LocalTime.now(ClockProducer.LONDON).format(TIME) + ".";
        }
        PrimeFaces.current().ajax().addCallbackParam("draftSaved", true);
    }

    /** After the warning: the author keeps the draft as it is; the same words found again will not stop it. */
    public void keepDraftAnyway() {
        warnings.stream().map(Warning::finding).forEach(acknowledged::add);
        saveDraft();
    }

    /** After a save: on to the entry, or back with the warnings. {@code keptAs} is the draft key the browser used until now. */
    private String after(SaveOutcome outcome, String keptAs) {
        if (outcome.id() != null) {
            form.setId(outcome.id());
            form.setVersion(outcome.version());
        }
        if (outcome.saved()) {
            Messages.flashInfo("Your entry is saved. Only you can read it unless you share it.");
            // The text kept in the browser is now safe in the portal: the next page tells the script to forget it.
            NextPage.put("savedDraftKeys", keptAs + " " + owner() + "/entry-" + outcome.id());
            return "/learner/journal-entry?faces-redirect=true&id=" + outcome.id();
        }
        warnings = outcome.warnings();
        draftStatus = null;
        return null;
    }

    /** Gathers what the page holds outside the form: elements per dimension, themes by name, the model. */
    private void collect() {
        List<String> codes = new ArrayList<>();
        elementChoices.values().forEach(value -> codes.addAll(asStrings(value)));
        form.setElementCodes(codes);
        List<NmcTheme> themes = new ArrayList<>();
        for (String name : themeNames) {
            Arrays.stream(NmcTheme.values()).filter(t -> t.name().equals(name)).forEach(themes::add);
        }
        form.setThemes(themes);
        if (model != null && model != form.getModel()) {
            form.changeModel(model);
        }
    }

    private static List<String> asStrings(Object value) {
        if (value instanceof Collection<?> collection) {
            return collection.stream().map(String::valueOf).toList();
        }
        if (value instanceof Object[] array) {
            return Arrays.stream(array).map(String::valueOf).toList();
        }
        return List.of();
    }

    /** The id of the field a warning is about, for the link that takes the author there. */
    public String anchor(Warning warning) {
        String field = warning.field();
        if (field.startsWith("stage/")) {
            return "entry:stages:" + field.substring("stage/".length()) + ":stage";
        }
        return "entry:" + field;
    }

    /** Drafts are saved as the author types; a saved entry changes only when the author saves it again. */
    public boolean isDraft() {
        return page.draft();
    }

    /**
     * What the browser script keys unsaved text by: the signed-in person, then the entry or where a new one was
     * started from. The person is part of the key so that on a shared computer nobody is ever offered someone
     * else's text.
     */
    public String getDraftKey() {
        return owner() + "/" + draftPlace();
    }

    private String draftPlace() {
        if (form.getId() != null) {
            return "entry-" + form.getId();
        }
        if (lesson != null && !lesson.isBlank()) {
            return "new-lesson-" + lesson;
        }
        return session != null ? "new-session-" + session : "new";
    }

    private String owner() {
        Principal principal = security.callerPrincipal();
        return principal == null ? "nobody" : principal.getName();
    }

    /** The address of this entry's page once it has been saved (as a draft or for good), for the browser's address bar. */
    public String getEditPath() {
        return "/learner/journal-write.xhtml" + (form.getId() == null ? "" : "?id=" + form.getId());
    }

    public String getDraftVersion() {
        return form.getId() == null ? "new" : String.valueOf(form.getVersion());
    }

    public List<EntryKind> getKinds() {
        return List.of(EntryKind.values());
    }

    public List<ReflectionModel> getModels() {
        return List.of(ReflectionModel.values());
    }

    public List<NmcTheme> getThemes() {
        return List.of(NmcTheme.values());
    }

    public int getElementsChosen() {
        return (int) elementChoices.values().stream().mapToLong(v -> asStrings(v).size()).sum();
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getLesson() {
        return lesson;
    }

    public void setLesson(String lesson) {
        this.lesson = lesson;
    }

    public Long getSession() {
        return session;
    }

    public void setSession(Long session) {
        this.session = session;
    }

    public WritePage getPage() {
        return page;
    }

    public EntryForm getForm() {
        return form;
    }

    public ReflectionModel getModel() {
        return model;
    }

    public void setModel(ReflectionModel model) {
        this.model = model;
    }

    public Map<String, Object> getElementChoices() {
        return elementChoices;
    }

    public List<String> getThemeNames() {
        return themeNames;
    }

    public void setThemeNames(List<String> themeNames) {
        this.themeNames = themeNames == null ? new ArrayList<>() : new ArrayList<>(themeNames);
    }

    public List<Warning> getWarnings() {
        return warnings;
    }

    public String getDraftStatus() {
        return draftStatus;
    }

}
