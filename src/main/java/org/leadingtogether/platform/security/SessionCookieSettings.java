package org.leadingtogether.platform.security;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The session cookie: HttpOnly and SameSite=Lax always (also declared in web.xml), and Secure when the
 * portal is served over HTTPS, which only the deployment knows ({@code SESSION_COOKIE_SECURE=true}).
 */
@WebListener
public class SessionCookieSettings implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        SessionCookieConfig cookie = event.getServletContext().getSessionCookieConfig();
        cookie.setHttpOnly(true);
        cookie.setAttribute("SameSite", "Lax");
        boolean secure = ConfigProvider.getConfig()
                .getOptionalValue("session.cookie.secure", Boolean.class)
                .orElse(false);
        cookie.setSecure(secure);
    }
}
