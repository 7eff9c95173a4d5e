package org.district.socialmedia.accounts.boundary;

import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.district.socialmedia.platform.control.ScanInspector;
import org.district.socialmedia.platform.entity.InvalidInputException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.io.InputStream;

/** An account's yearly checklist: what is due, signing it off with a screenshot, and the screenshots. See docs/api.md. */
@Tag(name = "Accounts, rights and the directory")
@Path("accounts/{id}/checklist")
@Produces(MediaType.APPLICATION_JSON)
public class AccountChecklistResource {

    @Inject
    AccountChecklists checklists;

    @GET
    @Operation(summary = "The account's yearly checklist: due date, overdue, the platform's privacy items, past sign-offs (within the caller's reach)")
    public AccountChecklists.ChecklistView get(@PathParam("id") Long id) {
        return checklists.get(id);
    }

    /**
     * A sign-off, as multipart/form-data: the part "checklist" holds
     * {"identifiesDistrict":true,"privacyItems":[..],"recoveryIsDistrict":true} as JSON, the part "evidence" the
     * screenshot (PNG, JPEG or PDF, at most 10 MB; checked by its content).
     */
    @POST
    @Operation(summary = "Sign off the account's yearly checklist with a screenshot (the account's District administrators, registry keepers; audited)")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public AccountChecklists.ChecklistView signOff(@PathParam("id") Long id, @FormParam("checklist") String checklist,
                                                   @FormParam("evidence") EntityPart evidence) throws IOException {
        AccountChecklists.SignOffInput input;
        try (Jsonb jsonb = JsonbBuilder.create()) {
            input = checklist == null || checklist.isBlank() ? null : jsonb.fromJson(checklist, AccountChecklists.SignOffInput.class);
        } catch (JsonbException e) {
            throw new InvalidInputException("checklist", "The part \"checklist\" is not a checklist in JSON: " + e.getMessage());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        byte[] bytes = null;
        String name = null;
        if (evidence != null) {
            name = evidence.getFileName().orElse(null);
            try (InputStream in = evidence.getContent()) {
                bytes = ScanInspector.read(in, "evidence", "screenshot");
            }
            if (bytes.length == 0) {
                throw new InvalidInputException("evidence", "The file is empty");
            }
        }
        return checklists.signOff(id, input, bytes, name);
    }

    /** A screenshot, always as an attachment with its real type: never rendered inline. */
    @GET
    @Operation(summary = "The screenshot of a past sign-off, always as a download (within the caller's reach)")
    @Path("{signOffId}/evidence")
    @Produces({"application/pdf", "image/png", "image/jpeg"})
    public Response screenshot(@PathParam("id") Long id, @PathParam("signOffId") Long signOffId) {
        AccountChecklists.Screenshot shot = checklists.screenshot(id, signOffId);
        Response.ResponseBuilder response = Response.ok(shot.content(), shot.type().mediaType());
        ScanInspector.downloadHeaders(shot.type(), shot.storedName()).forEach(response::header);
        return response.build();
    }
}
