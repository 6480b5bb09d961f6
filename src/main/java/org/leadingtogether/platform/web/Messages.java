package org.leadingtogether.platform.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

/** Small helpers for the messages pages show. */
public final class Messages {

    private Messages() {
    }

    public static void info(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }

    public static void error(String clientId, String text) {
        FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    /**
     * A message for the next page rendered, usually the one after the redirect that follows a successful action
     * (kept in the session, so it survives a redirect served by another instance of a cluster: see {@link NextPage}).
     */
    public static void flashInfo(String text) {
        NextPage.message(text);
    }
}
