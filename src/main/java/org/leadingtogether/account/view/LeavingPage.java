package org.leadingtogether.account.view;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A short page that takes the browser on to an identity provider, after a form was sent (the sign-in form with an
 * address of the provider's domain, the header's sign-out button).
 *
 * <p>Why not a redirect: the portal's Content-Security-Policy allows forms to be sent to the portal only
 * ({@code form-action 'self'}), and browsers hold every redirect that follows a form to that rule, so a redirect from a
 * form's answer to the provider is blocked and the browser stays where it was. This page ends the form's navigation;
 * it then moves on at once by a refresh (not a script, which the policy would also have to allow), with a link for a
 * browser that does not follow it.
 */
final class LeavingPage {

    private LeavingPage() {
    }

    static void send(HttpServletRequest request, HttpServletResponse response, String heading, String text, String link,
                     URI target) throws IOException {
        String to = escape(target.toString());
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        String page = "<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta http-equiv=\"refresh\" content=\"0;url=" + to + "\">"
                + "<title>" + escape(heading) + " – Leading Together</title>"
                + "<link rel=\"stylesheet\" href=\"" + request.getContextPath() + "/jakarta.faces.resource/css/portal.css.xhtml\">"
                + "</head><body class=\"portal portal--plain\">"
                + "<header class=\"site-header\"><div class=\"site-header__inner\"><a class=\"brand\" href=\""
                + request.getContextPath() + "/\">Leading Together</a></div></header>"
                + "<main id=\"main\" class=\"site-main site-main--narrow\"><h1>" + escape(heading) + "</h1>"
                + "<p>" + escape(text) + "</p>"
                + "<p><a id=\"continue\" class=\"button\" href=\"" + to + "\">" + escape(link) + "</a></p>"
                + "</main></body></html>";
        response.getOutputStream().write(page.getBytes(StandardCharsets.UTF_8));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
