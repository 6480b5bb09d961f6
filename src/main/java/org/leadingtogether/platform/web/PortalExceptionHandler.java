package org.leadingtogether.platform.web;

import jakarta.ejb.EJBAccessException;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.FacesException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIInput;
import jakarta.faces.component.visit.VisitContext;
import jakarta.faces.component.visit.VisitResult;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.persistence.OptimisticLockException;
import jakarta.servlet.http.HttpServletRequest;
import org.leadingtogether.platform.BusinessException;
import org.leadingtogether.platform.DatabaseBusyException;
import org.leadingtogether.platform.NotFoundException;
import org.leadingtogether.platform.persistence.ClaimedIntents;
import org.leadingtogether.platform.persistence.DatabaseErrors;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns what goes wrong during a Faces request into something a person can act on.
 *
 * <ul>
 *   <li>A {@link BusinessException}: its message, beside the field it names (marked invalid) or at the top
 *       of the page, with a link to the page where what stands in the way can be changed when it names one, and
 *       the page is shown again with what was typed.</li>
 *   <li>{@link NotFoundException}, or a service refusing the caller's role: the 404 page, the same answer
 *       whether a record is missing or not the caller's to see.</li>
 *   <li>Someone else saved the same record first: a message asking to reload.</li>
 *   <li>An expired view (the session timed out, or the form is older than the last ten form pages the person
 *       opened): the same page opened again, with the address it was opened at (so a lesson keeps its id), and a
 *       message that what was just entered was not saved, or, where the form had been sent before and done, that it
 *       was not done again; where the session has gone, sign-in is asked first.</li>
 *   <li>The database cannot be reached: the plain "temporarily unavailable" page, 503 (see {@link UnavailablePage}).</li>
 *   <li>The session ended while the request was being served (Sign out clicked in another tab, or twice): the sign-in
 *       page, as the request would have had a moment later (see {@link EndedSession}).</li>
 *   <li>A deadlock or lock wait the database gave up on: nothing was saved, and the page says so and asks to try again.</li>
 *   <li>Anything else: logged in full on the server, and the plain 500 page in the browser.</li>
 * </ul>
 */
public class PortalExceptionHandler extends ExceptionHandlerWrapper {

    private static final Logger LOG = Logger.getLogger(PortalExceptionHandler.class.getName());

    /** The request attribute holding a refusal's next step ({@link BusinessException#getNextStep()}), for the messages template. */
    static final String NEXT_STEP = "nextStep";

    /** Shown on the page opened again after an expired form was sent. */
    static final String EXPIRED = "This page had been open too long to take what was sent, so it has been opened again. "
            + "Anything you had just entered was not saved: please enter it again.";

    /** Shown instead when the expired form had been sent before and what it asked for was done then. */
    static final String ALREADY_DONE = "This form had been sent before, and what it asked for was done then, so it has not "
            + "been done again. The page has been opened afresh.";

    public PortalExceptionHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() {
        FacesContext faces = FacesContext.getCurrentInstance();
        for (Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator(); events.hasNext(); ) {
            Throwable thrown = events.next().getContext().getException();
            events.remove();
            try {
                handle(faces, thrown);
            } catch (IOException | RuntimeException failed) {
                LOG.log(Level.SEVERE, "Could not show an error page", failed);
            }
        }
        getWrapped().handle();
    }

    private void handle(FacesContext faces, Throwable thrown) throws IOException {
        ExternalContext external = faces.getExternalContext();
        if (thrown instanceof ViewExpiredException expired) {
            String page = external.getRequestContextPath() + expired.getViewId();
            NextPage.message(alreadyDone(external) ? ALREADY_DONE : EXPIRED);
            external.redirect(page + queryOfSamePage(external.getRequestHeaderMap().get("Referer"), page));
            return;
        }
        if (DatabaseErrors.isUnavailable(thrown)) {
            if (UnavailablePage.show((jakarta.servlet.ServletRequest) external.getRequest(), (jakarta.servlet.ServletResponse) external.getResponse(), thrown)) {
                faces.responseComplete();
                return;
            }
        }
        if (DatabaseErrors.isRetryable(thrown)) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, new DatabaseBusyException().getMessage(), null));
            faces.validationFailed();
            faces.renderResponse();
            return;
        }
        NotFoundException notFound = find(thrown, NotFoundException.class);
        if (notFound != null || find(thrown, EJBAccessException.class) != null) {
            showErrorPage(faces, "/error/404.xhtml", 404);
            return;
        }
        BusinessException business = find(thrown, BusinessException.class);
        if (business != null) {
            addMessage(faces, business);
            faces.validationFailed();
            faces.renderResponse();
            return;
        }
        if (find(thrown, OptimisticLockException.class) != null) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    "Someone else saved this while you were working on it. Open it again to see the latest.", null));
            faces.validationFailed();
            faces.renderResponse();
            return;
        }
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        if (EndedSession.isEnded(request, thrown) && !external.isResponseCommitted()) {
            EndedSession.noted(request);
            external.redirect(external.getRequestContextPath() + EndedSession.SIGN_IN);
            faces.responseComplete();
            return;
        }
        LOG.log(Level.SEVERE, "Unexpected failure on " + faces.getViewRoot(), thrown);
        showErrorPage(faces, "/error/500.xhtml", 500);
    }

    /**
     * Whether the expired form carries an intention (see {@link FormIntent}) that the signed-in person has claimed: it
     * was sent before, from the same page, and did what it asked for. Anything else, a form without one, a caller who
     * is not a person, the database away, counts as not done, and the usual message is shown.
     */
    private static boolean alreadyDone(ExternalContext external) {
        try {
            String intent = external.getRequestParameterMap().get(FormIntent.FIELD);
            java.security.Principal caller = external.getUserPrincipal();
            return FormIntent.isKey(intent) && caller != null
                    && CDI.current().select(ClaimedIntents.class).get().isClaimed(Long.parseLong(caller.getName()), intent);
        } catch (RuntimeException unknown) {
            return false;
        }
    }

    /**
     * The query ("?id=...") of the address the form's page was opened at, taken from the request's Referer when
     * that is the same page; otherwise nothing. A form posts to its page's address without the query, so without
     * this a page that needs an id, such as a lesson, could not be opened again. Only the query is used, after
     * the portal's own path: the redirect can never lead to another site or another page, and the page checks
     * the query as it checks any address typed by hand.
     */
    static String queryOfSamePage(String referer, String page) {
        if (referer == null || referer.isBlank()) {
            return "";
        }
        try {
            URI uri = new URI(referer);
            return page.equals(uri.getRawPath()) && uri.getRawQuery() != null && !uri.getRawQuery().isEmpty()
                    ? "?" + uri.getRawQuery() : "";
        } catch (URISyntaxException malformed) {
            return "";
        }
    }

    private static void showErrorPage(FacesContext faces, String page, int status) throws IOException {
        ExternalContext external = faces.getExternalContext();
        if (faces.getPartialViewContext().isAjaxRequest() || faces.getCurrentPhaseId() == jakarta.faces.event.PhaseId.RENDER_RESPONSE) {
            if (!external.isResponseCommitted()) {
                external.redirect(external.getRequestContextPath() + page);
            }
            faces.responseComplete();
            return;
        }
        external.setResponseStatus(status);
        faces.setViewRoot(faces.getApplication().getViewHandler().createView(faces, page));
        faces.getPartialViewContext().setRenderAll(true);
        faces.renderResponse();
    }

    private static void addMessage(FacesContext faces, BusinessException business) {
        FacesMessage message = new FacesMessage(FacesMessage.SEVERITY_ERROR, business.getMessage(), null);
        String clientId = business.getField().map(field -> findInput(faces, field)).orElse(null);
        faces.addMessage(clientId, message);
        business.getNextStep().ifPresent(step -> faces.getExternalContext().getRequestMap().put(NEXT_STEP, step));
    }

    /** The client id of the input whose own id is {@code field}, so the message sits beside it. */
    private static String findInput(FacesContext faces, String field) {
        AtomicReference<String> found = new AtomicReference<>();
        if (faces.getViewRoot() == null) {
            return null;
        }
        // Only fields on the page as shown: two forms may each have a "note", and only one of them is there.
        faces.getViewRoot().visitTree(VisitContext.createVisitContext(faces, null,
                java.util.EnumSet.of(jakarta.faces.component.visit.VisitHint.SKIP_UNRENDERED)), (context, component) -> {
            if (field.equals(component.getId()) && isInput(component)) {
                keepWhatWasTyped(faces, (UIInput) component);
                ((UIInput) component).setValid(false);
                found.set(component.getClientId(faces));
                return VisitResult.COMPLETE;
            }
            return VisitResult.ACCEPT;
        });
        return found.get();
    }

    /**
     * An input marked invalid is shown with its submitted text, which Faces cleared once the value reached the form's
     * bean; without this the field the message points at would be shown empty. The value as the bean holds it now is
     * turned back into text the way the field converts it.
     */
    private static void keepWhatWasTyped(FacesContext faces, UIInput input) {
        if (input.getSubmittedValue() != null || input instanceof jakarta.faces.component.UISelectMany) {
            return;
        }
        Object value = input.getValue();
        if (value == null) {
            return;
        }
        jakarta.faces.convert.Converter<Object> converter = input.getConverter();
        if (converter == null) {
            @SuppressWarnings("unchecked")
            jakarta.faces.convert.Converter<Object> byType = (jakarta.faces.convert.Converter<Object>) faces.getApplication().createConverter(value.getClass());
            converter = byType;
        }
        input.setSubmittedValue(converter == null ? value.toString() : converter.getAsString(faces, input, value));
    }

    private static boolean isInput(UIComponent component) {
        return component instanceof UIInput;
    }

    private static <T extends Throwable> T find(Throwable thrown, Class<T> type) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
            if (cause instanceof FacesException && cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }
}
