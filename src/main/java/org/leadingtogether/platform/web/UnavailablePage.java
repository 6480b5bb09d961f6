package org.leadingtogether.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.leadingtogether.platform.persistence.DatabaseErrors;
import org.leadingtogether.platform.persistence.DatabaseMigration;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * While the database cannot be reached, every address answers at once with a plain "temporarily unavailable" page
 * (HTTP 503, with Retry-After), never a stack trace and never a page that looks like a fault of the person's own.
 * The page is a fixed file ({@code WEB-INF/unavailable.html}) written straight to the response, so showing it needs
 * neither the database nor Faces. Declared first in web.xml, so it sees failures from every servlet and filter after
 * it; Faces requests reach it through {@link PortalExceptionHandler}. The portal heals by itself: the pool drops
 * broken connections and makes new ones once the database answers (see DatabaseMigration).
 */
public class UnavailablePage extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(UnavailablePage.class.getName());

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException failed) {
            if (DatabaseErrors.isUnavailable(failed) && show(request, response, failed)) {
                return;
            }
            throw failed;
        }
    }

    /**
     * Writes the page with status 503, if nothing has been sent yet; says whether it did. The log line says which of
     * the two it was: the database could not be reached, or it could but every connection stayed in use
     * ({@link DatabaseErrors#isPoolFull}), where an operator looks for a long lock or a load past the machine.
     */
    public static boolean show(ServletRequest request, ServletResponse response, Throwable failed) throws IOException {
        String address = ((HttpServletRequest) request).getRequestURI();
        boolean poolFull = DatabaseErrors.isPoolFull(failed);
        if (poolFull) {
            LOG.log(Level.WARNING, "All {0} database connections stayed in use for {1} s, so {2} was answered with the temporarily "
                    + "unavailable page. The database was reached; it is slow to answer (a long lock or query), or more pages "
                    + "are under way than there are connections (the cores are busy).", new Object[] {
                            DatabaseMigration.CONNECTIONS, DatabaseMigration.CONNECTION_WAIT_MILLIS / 1000, address});
        } else {
            LOG.log(Level.WARNING, "The database cannot be reached: answered {0} with the temporarily unavailable page", address);
        }
        if (response.isCommitted()) {
            return false;
        }
        response.reset();
        HttpServletResponse http = (HttpServletResponse) response;
        http.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        http.setHeader("Retry-After", "30");
        http.setHeader("Cache-Control", "no-store");
        http.setContentType("text/html;charset=UTF-8");
        String page;
        try (InputStream in = request.getServletContext().getResourceAsStream("/WEB-INF/unavailable.html")) {
            page = in == null ? "<!DOCTYPE html><title>Temporarily unavailable</title><h1>Temporarily unavailable</h1>"
                    : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        http.getWriter().write(page.replace("${root}", ((HttpServletRequest) request).getContextPath())
                .replace("${cause}", poolFull ? "The portal is too busy to answer just now." : "The portal cannot reach its database just now."));
        http.getWriter().flush();
        return true;
    }
}
