package org.leadingtogether.account.view;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.leadingtogether.account.Role;

import java.io.IOException;
import java.util.Arrays;

/**
 * A role's folder address ({@code /learner/}, {@code /coach}, {@code /manager/}, {@code /admin/}, with or without the
 * trailing slash) leads to that role's home page, so a hand-typed or bookmarked folder, and a sign-in that began at one
 * (its {@code next}, see {@link ReturnTo}), end on a page rather than "Page not found".
 *
 * <p>Only a redirect: the folders stay inside their roles' areas in web.xml, so someone outside the role is still
 * refused at the home page itself, and a visitor is asked to sign in first and comes back to the folder.
 */
@WebServlet({"/learner", "/learner/", "/coach", "/coach/", "/manager", "/manager/", "/admin", "/admin/"})
public class RoleFolderServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String folder = request.getServletPath().replace("/", "");
        Role role = Arrays.stream(Role.values()).filter(r -> r.area().equals(folder)).findFirst().orElse(null);
        if (role == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.sendRedirect(request.getContextPath() + role.homePage());
    }
}
