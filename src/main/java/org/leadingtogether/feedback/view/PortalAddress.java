package org.leadingtogether.feedback.view;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.Optional;

/** The portal's public address for the links in raters' emails: PORTAL_URL when set (as behind a proxy), else this request's. */
final class PortalAddress {

    private PortalAddress() {
    }

    static String base() {
        Optional<String> portalUrl = ConfigProvider.getConfig().getOptionalValue("portal.url", String.class);
        if (portalUrl.filter(url -> !url.isBlank()).isPresent()) {
            return portalUrl.get().strip().replaceAll("/+$", "");
        }
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        String scheme = external.getRequestScheme();
        int port = external.getRequestServerPort();
        boolean usualPort = ("https".equals(scheme) && port == 443) || ("http".equals(scheme) && port == 80);
        return scheme + "://" + external.getRequestServerName() + (usualPort ? "" : ":" + port) + external.getRequestContextPath();
    }
}
