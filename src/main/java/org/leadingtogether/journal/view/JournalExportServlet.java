package org.leadingtogether.journal.view;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.leadingtogether.journal.CpdLog;
import org.leadingtogether.journal.JournalService;
import org.leadingtogether.journal.JournalViews.Export;
import org.leadingtogether.journal.ReflectiveAccountsPdf;
import org.leadingtogether.platform.NotFoundException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Downloads of chosen entries of one's own journal: {@code /learner/journal-export?format=pdf|csv&id=…&id=…}, the
 * reflective accounts (PDF) or the CPD log (CSV). Under {@code /learner/*}, so only learners reach it; the service
 * answers an entry that is not the caller's with "not found", and so does this servlet (404), for any of the ids.
 * With no entry chosen, it goes back to the journal with a message.
 */
@WebServlet("/learner/journal-export")
public class JournalExportServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private JournalService journal;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String format = String.valueOf(request.getParameter("format"));
        if (!format.equals("pdf") && !format.equals("csv")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        List<Long> ids = new ArrayList<>();
        try {
            for (String id : request.getParameterValues("id") == null ? new String[0] : request.getParameterValues("id")) {
                ids.add(Long.parseLong(id));
            }
        } catch (NumberFormatException notAnId) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (ids.isEmpty()) {
            response.sendRedirect(request.getContextPath() + "/learner/journal.xhtml?exportNone=true");
            return;
        }
        Export export;
        try {
            export = journal.getExport(ids);
        } catch (NotFoundException notYours) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        byte[] body;
        String name;
        if (format.equals("pdf")) {
            body = ReflectiveAccountsPdf.pdf(export);
            response.setContentType("application/pdf");
            name = "reflective-accounts-" + export.today() + ".pdf";
        } else {
            body = CpdLog.csv(export);
            response.setContentType("text/csv;charset=UTF-8");
            name = "cpd-log-" + export.today() + ".csv";
        }
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
