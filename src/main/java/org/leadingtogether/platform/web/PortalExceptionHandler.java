package org.leadingtogether.platform.web;

import jakarta.ejb.EJBAccessException;
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
import org.leadingtogether.platform.BusinessException;
import org.leadingtogether.platform.NotFoundException;

import java.io.IOException;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns what goes wrong during a Faces request into something a person can act on.
 *
 * <ul>
 *   <li>A {@link BusinessException}: its message, beside the field it names (marked invalid) or at the top
 *       of the page, and the page is shown again with what was typed.</li>
 *   <li>{@link NotFoundException}, or a service refusing the caller's role: the 404 page, the same answer
 *       whether a record is missing or not the caller's to see.</li>
 *   <li>Someone else saved the same record first: a message asking to reload.</li>
 *   <li>An expired view (the session timed out): back to the same page, where sign-in is asked again.</li>
 *   <li>Anything else: logged in full on the server, and the plain 500 page in the browser.</li>
 * </ul>
 */
public class PortalExceptionHandler extends ExceptionHandlerWrapper {

    private static final Logger LOG = Logger.getLogger(PortalExceptionHandler.class.getName());

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
            external.redirect(external.getRequestContextPath() + expired.getViewId());
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
        LOG.log(Level.SEVERE, "Unexpected failure on " + faces.getViewRoot(), thrown);
        showErrorPage(faces, "/error/500.xhtml", 500);
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
    }

    /** The client id of the input whose own id is {@code field}, so the message sits beside it. */
    private static String findInput(FacesContext faces, String field) {
        AtomicReference<String> found = new AtomicReference<>();
        if (faces.getViewRoot() == null) {
            return null;
        }
        faces.getViewRoot().visitTree(VisitContext.createVisitContext(faces), (context, component) -> {
            if (field.equals(component.getId()) && isInput(component)) {
                ((UIInput) component).setValid(false);
                found.set(component.getClientId(faces));
                return VisitResult.COMPLETE;
            }
            return VisitResult.ACCEPT;
        });
        return found.get();
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
