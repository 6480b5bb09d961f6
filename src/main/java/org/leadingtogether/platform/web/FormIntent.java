package org.leadingtogether.platform.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import org.leadingtogether.platform.BusinessException;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The intention key of the forms on a page: a random key made when the page is shown, carried by each form that
 * creates something in a hidden field named {@value #FIELD}
 * ({@code <input type="hidden" name="intent" value="#{formIntent.key}"/>}) and handed by the backing bean to its
 * service, which claims it (see {@code platform.persistence.FormIntents}). The same form sent twice carries the same
 * key, so the second is answered "already done"; the page shown again, after a success or a refusal, carries a new
 * one. The key lives in the request, not in the view, so it is the one of the page the person actually pressed.
 */
@Named
@RequestScoped
public class FormIntent {

    /** The name of the hidden field. */
    public static final String FIELD = "intent";

    private static final Pattern KEY = Pattern.compile("[0-9a-f-]{36}");

    private final String key = UUID.randomUUID().toString();

    /** The key for the forms of the page being shown. */
    public String getKey() {
        return key;
    }

    /**
     * The key the form being submitted carries; a form without one (not from one of the portal's pages) is refused,
     * since nothing could then tell it from its own repeat.
     */
    public static String submitted() {
        return submittedKey();
    }

    /**
     * The id a button sent as its value under {@code command}: a list of buttons sharing one command each sends the id
     * of its own row, so what was pressed is read from the request, never from where a row stood in a list that may
     * have changed since the page was shown. Anything else is refused as a form not sent from the page.
     */
    public static long chosenId(String command) {
        String sent = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get(command);
        try {
            return Long.parseLong(sent == null ? "" : sent.strip());
        } catch (NumberFormatException malformed) {
            throw new BusinessException("Choose one of the buttons on the page; nothing was saved.");
        }
    }

    /** Whether {@code sent} has the form of an intention key. */
    public static boolean isKey(String sent) {
        return sent != null && KEY.matcher(sent).matches();
    }

    private static String submittedKey() {
        String sent = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get(FIELD);
        if (!isKey(sent)) {
            throw new BusinessException("This form could not be checked, so nothing was saved. Open the page again and send it from there.");
        }
        return sent;
    }
}
