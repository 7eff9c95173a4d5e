package org.district.socialmedia.oversight.boundary;

import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.district.socialmedia.platform.boundary.PdfDownload;
import org.district.socialmedia.platform.entity.InvalidInputException;

import java.io.IOException;

/**
 * The Board report (PDF) at a portal address, for the dashboard's download link: outside /api, so that a
 * person without a session goes through the portal's sign-in. The same rules as the API's (OversightReports).
 */
@WebServlet(BoardReportDownload.PATH)
public class BoardReportDownload extends HttpServlet {

    public static final String PATH = "/oversight/board-report";

    @Inject
    OversightReports reports;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        OversightReports.Pdf pdf;
        try {
            pdf = reports.boardReport(request.getParameter("month"));
        } catch (InvalidInputException e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
            return;
        } catch (EJBAccessException e) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        PdfDownload.send(response, pdf.fileName(), pdf.content());
    }
}
