package org.district.socialmedia.requests.boundary;

import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.district.socialmedia.platform.boundary.PdfDownload;
import org.district.socialmedia.platform.entity.NotFoundException;
import org.district.socialmedia.requests.entity.DecisionLetter;

import java.io.IOException;

/**
 * The written response (PDF) at a portal address, for the links in emails and on the request page.
 * Outside /api, so that a person without a session goes through the portal's sign-in (and comes back
 * here) instead of the browser's own password box that the API's HTTP Basic raises. The same rules
 * as the API's letter: the owner, reviewers and auditors (RequestService), every download audited.
 */
@WebServlet(LetterDownload.PATH)
public class LetterDownload extends HttpServlet {

    public static final String PATH = "/requests/letter";

    @Inject
    RequestService requests;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Long id;
        try {
            id = Long.valueOf(request.getParameter("id"));
        } catch (NumberFormatException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        DecisionLetter letter;
        try {
            letter = requests.letter(id);
        } catch (NotFoundException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        } catch (EJBAccessException e) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        PdfDownload.send(response, letter.getReference() + ".pdf", letter.getPdf());
    }
}
