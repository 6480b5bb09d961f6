package org.leadingtogether.platform.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import org.primefaces.context.PrimeFacesContext;

/**
 * The Content-Security-Policy nonce PrimeFaces gives this response, for forms on pages that load no script
 * ({@code nonce.xhtml}). PrimeFaces refuses a form sent back without it; on other pages its own script adds it.
 */
@Named
@RequestScoped
public class CspNonce {

    public String getValue() {
        return PrimeFacesContext.getCspState(FacesContext.getCurrentInstance()).getNonce();
    }
}
