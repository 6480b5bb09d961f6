package org.leadingtogether.feedback.view;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.leadingtogether.feedback.FeedbackService;
import org.leadingtogether.platform.BusinessException;

import java.io.IOException;

/**
 * The 360 PDFs: a learner's own report ({@code /learner/feedback-report.pdf?id=…}) and a programme's impact for its
 * managers ({@code /manager/feedback-impact.pdf?programme=…}). Each sits in its role's area, so the outer wall in
 * web.xml applies; the service checks the caller again. Someone else's id, or a report not ready yet, answers 404,
 * the same as an id that does not exist.
 */
@WebServlet({"/learner/feedback-report.pdf", "/manager/feedback-impact.pdf"})
public class FeedbackPdfServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private FeedbackService feedback;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean impact = request.getServletPath().startsWith("/manager/");
        long id;
        try {
            id = Long.parseLong(String.valueOf(request.getParameter(impact ? "programme" : "id")));
        } catch (NumberFormatException malformed) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        byte[] pdf;
        try {
            pdf = impact ? feedback.getImpactPdf(id) : feedback.getReportPdf(id);
        } catch (BusinessException | jakarta.ejb.EJBAccessException refused) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType("application/pdf");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + (impact ? "programme-impact.pdf" : "360-feedback.pdf") + "\"");
        response.setHeader("Cache-Control", "private, no-store");
        response.setContentLength(pdf.length);
        response.getOutputStream().write(pdf);
    }
}
