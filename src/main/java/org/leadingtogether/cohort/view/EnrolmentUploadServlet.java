package org.leadingtogether.cohort.view;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import org.leadingtogether.cohort.EnrolmentCsv;
import org.leadingtogether.platform.CachedJson;

import java.io.IOException;
import java.io.InputStream;

/**
 * Receives an enrolment file sent by the upload-progress script ({@code resources/js/upload-progress.js}), so the
 * browser can show how much of a large file has gone, and keeps it in the session for the page's "Check the file"
 * step ({@link PendingUpload}). Answers {@code {"token": …}} or {@code {"error": …}} in plain words. Under
 * {@code /manager/*}: programme managers only. It checks nothing but the size; the check of every line and the
 * rule on whose cohort it is stay in the service, reached through the page exactly as without the script.
 */
@WebServlet("/manager/enrolment-upload")
@MultipartConfig(maxFileSize = EnrolmentCsv.MAX_BYTES, maxRequestSize = EnrolmentCsv.MAX_BYTES + 64 * 1024)
public class EnrolmentUploadServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        Part part;
        try {
            part = request.getPart("file");
        } catch (IllegalStateException tooBig) {
            answer(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "error", EnrolBacking.tooBig(request.getContentLengthLong()));
            return;
        } catch (ServletException notMultipart) {
            answer(response, HttpServletResponse.SC_BAD_REQUEST, "error", "Choose a CSV file to upload.");
            return;
        }
        if (part == null || part.getSize() == 0) {
            answer(response, HttpServletResponse.SC_BAD_REQUEST, "error", "Choose a CSV file to upload.");
            return;
        }
        byte[] content;
        try (InputStream in = part.getInputStream()) {
            content = in.readAllBytes();
        }
        String token = PendingUpload.keep(request.getSession(), part.getSubmittedFileName(), content);
        answer(response, HttpServletResponse.SC_OK, "token", token);
    }

    private static void answer(HttpServletResponse response, int status, String name, String value) throws IOException {
        response.setStatus(status);
        response.getWriter().write(CachedJson.createObjectBuilder().add(name, value).build().toString());
    }
}
