package org.leadingtogether.booking.view;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.leadingtogether.booking.BookingService;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A person's private calendar feed, {@code /calendar/<secret>.ics}, for subscribing from Outlook, Google or Apple
 * Calendar. Outside the signed-in areas, because calendar programs cannot sign in: the unguessable secret in the
 * address is the only key. An unknown, revoked or malformed secret answers 404, with nothing to tell them apart.
 */
@WebServlet("/calendar/*")
public class CalendarFeedServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private BookingService bookings;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        String token = path == null || !path.endsWith(".ics") ? null : path.substring(1, path.length() - ".ics".length());
        Optional<String> calendar = token == null ? Optional.empty() : bookings.findFeedCalendar(token);
        if (calendar.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        byte[] body = calendar.get().getBytes(StandardCharsets.UTF_8);
        response.setContentType("text/calendar;charset=UTF-8");
        response.setHeader("Cache-Control", "private, no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
