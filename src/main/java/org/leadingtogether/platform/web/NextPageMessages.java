package org.leadingtogether.platform.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;

/** Just before a page renders, adds the messages a previous request left for it ({@link NextPage}). */
public class NextPageMessages implements PhaseListener {

    private static final long serialVersionUID = 1L;

    @Override
    public PhaseId getPhaseId() {
        return PhaseId.RENDER_RESPONSE;
    }

    @Override
    public void beforePhase(PhaseEvent event) {
        FacesContext faces = event.getFacesContext();
        for (String text : NextPage.takeMessages(faces)) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
        }
    }

    @Override
    public void afterPhase(PhaseEvent event) {
        // nothing to do once the page is rendered
    }
}
