package org.leadingtogether.booking.view;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.leadingtogether.booking.BookingService;
import org.leadingtogether.booking.Pages;
import org.leadingtogether.platform.NotFoundException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The invitation of one booking, as a file to open in a calendar program: {@code /account/invitation?id=…}.
 * Under {@code /account/*}, so only signed-in people reach it; the service answers "not found" for a booking
 * that is not the caller's, the same as for one that does not exist.
 */
@WebServlet("/account/invitation")
public class InvitationServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private BookingService bookings;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Pages.Invitation invitation;
        try {
            invitation = bookings.getInvitation(Long.parseLong(String.valueOf(request.getParameter("id"))));
        } catch (NumberFormatException | NotFoundException notYours) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        byte[] body = invitation.calendar().getBytes(StandardCharsets.UTF_8);
        response.setContentType("text/calendar;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + invitation.fileName() + "\"");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
