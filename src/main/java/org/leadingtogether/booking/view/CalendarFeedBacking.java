package org.leadingtogether.booking.view;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.ConfigProvider;
import org.leadingtogether.booking.BookingService;
import org.leadingtogether.booking.Pages;
import org.leadingtogether.platform.web.Messages;

import java.io.Serializable;
import java.util.Optional;

/**
 * A person's private calendar feed ({@code /account/calendar.xhtml}). The address is shown once, when it is made:
 * the portal keeps only a fingerprint of its secret, so it cannot show it again. Making a new one turns the old
 * address off; so does turning the feed off.
 */
@Named
@ViewScoped
public class CalendarFeedBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private BookingService bookings;

    private Pages.Feed feed;
    private String address;

    public void load() {
        feed = bookings.getFeed();
    }

    public String renew() {
        String token = bookings.renewFeed();
        address = base() + "/calendar/" + token + ".ics";
        feed = bookings.getFeed();
        Messages.info("Your feed address is ready. Copy it now: for your safety it is shown only this once.");
        return null;
    }

    /**
     * The portal's public address: PORTAL_URL (e.g. https://leading-together.example.org) when set, as behind a
     * proxy; else the address this request came to. Read when needed: a view-scoped bean cannot hold config.
     */
    private String base() {
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

    public String revoke() {
        bookings.revokeFeed();
        Messages.flashInfo("Your calendar feed is turned off: its address no longer works.");
        return "/account/calendar?faces-redirect=true";
    }

    public Pages.Feed getFeed() {
        return feed;
    }

    public String getAddress() {
        return address;
    }

    /** The same address for calendar programs that subscribe to webcal: links. */
    public String getWebcal() {
        return address == null ? null : address.replaceFirst("^https?://", "webcal://");
    }
}
