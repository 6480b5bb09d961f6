package org.leadingtogether.cohort.view;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.leadingtogether.cohort.CohortDashboard;
import org.leadingtogether.cohort.CohortExports;
import org.leadingtogether.cohort.CohortService;
import org.leadingtogether.platform.NotFoundException;

import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Downloads of a cohort's dashboard: {@code /manager/cohort-export?id=…&format=csv|xlsx|pdf}. Under
 * {@code /manager/*}, so only programme managers reach it, and the service refuses a cohort the caller
 * does not manage with the same 404 as for one that does not exist.
 */
@WebServlet("/manager/cohort-export")
public class CohortExportServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private CohortService cohorts;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String format = String.valueOf(request.getParameter("format"));
        CohortDashboard dashboard;
        try {
            dashboard = cohorts.getDashboard(Long.parseLong(String.valueOf(request.getParameter("id"))));
        } catch (NumberFormatException | NotFoundException notYours) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        byte[] body;
        switch (format) {
            case "csv" -> {
                body = CohortExports.csv(dashboard);
                response.setContentType("text/csv;charset=UTF-8");
            }
            case "xlsx" -> {
                body = CohortExports.xlsx(dashboard);
                response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            }
            case "pdf" -> {
                // Counts only, unless the manager asked for the named version.
                body = CohortExports.pdf(dashboard, "true".equals(request.getParameter("names")));
                response.setContentType("application/pdf");
            }
            default -> {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
        }
        String name = (dashboard.programmeName() + " " + dashboard.cohortName()).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "")
                + "-" + dashboard.asOf().format(DateTimeFormatter.ISO_LOCAL_DATE) + "." + format;
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
