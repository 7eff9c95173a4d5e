package org.district.socialmedia.accounts.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.district.socialmedia.accounts.control.AccountFilter;
import org.district.socialmedia.accounts.control.AccountQueries;
import org.district.socialmedia.accounts.control.AccountViews.AccountView;
import org.district.socialmedia.accounts.control.AccountViews.GrantView;
import org.district.socialmedia.accounts.control.DirectoryBody;
import org.district.socialmedia.accounts.control.GrantFilter;
import org.district.socialmedia.accounts.entity.AccountStatus;
import org.district.socialmedia.accounts.entity.ComplianceIssue;
import org.district.socialmedia.accounts.entity.GrantStatus;
import org.district.socialmedia.platform.boundary.JsonbProvider;
import org.district.socialmedia.platform.control.Matches;
import org.district.socialmedia.platform.entity.InvalidInputException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The accounts API: the registry, administrative rights, and the public directory. The same rules
 * as the console (the service checks them). Field names are a contract: see docs/api.md.
 */
@Tag(name = "Accounts, rights and the directory")
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AccountsResource {

    public record Revocation(String reason) {
    }

    public record NewReview(java.time.LocalDate deadline) {
    }

    public record StatusChange(String status, Long version) {
    }

    /** A changed description; version (optional) is the account version the client saw. */
    public record AccountChange(AccountRegistry.AccountInput account, Long version) {
    }

    @Inject

    AccountDirectory directory;

    @Inject

    AccountExports exports;

    @Inject

    AccountGrants grants;

    @Inject

    AccountRegistry registry;
    @Inject
    AccessReviewService reviews;
    @Inject
    DirectoryBody directoryBody;
    @Context
    UriInfo uri;

    /**
     * The accounts the caller may see, filtered and paged: {"total":..,"totalExact":..,"first":..,"rows":[..]}.
     * Past {@link Matches#LIMIT} matches, total is that limit and totalExact false; paging on
     * with first works all the same (a page shorter than size is the last).
     */
    @GET
    @Operation(summary = "District accounts in the caller's reach, filtered and paged")
    @Path("accounts")
    public Map<String, Object> list(@QueryParam("text") String text, @QueryParam("unitId") Long unitId,
                                    @QueryParam("platformId") Long platformId, @QueryParam("status") String status,
                                    @QueryParam("issue") String issue, @QueryParam("failing") @DefaultValue("false") boolean failing,
                                    @QueryParam("sort") @DefaultValue("handle") String sort,
                                    @QueryParam("ascending") @DefaultValue("true") boolean ascending,
                                    @QueryParam("first") @DefaultValue("0") int first,
                                    @QueryParam("size") @DefaultValue("25") int size) {
        AccountFilter filter = new AccountFilter(text, unitId, platformId, parse(AccountStatus.class, "status", status),
                parse(ComplianceIssue.class, "issue", issue), failing);
        return page(registry.count(filter), first, registry.page(filter, first, size, sort, ascending));
    }

    /** The same accounts as {@code GET /api/accounts} with the same filters, all of them, as CSV (audited). */
    @GET
    @Operation(summary = "The same accounts as GET /accounts with the same filters, every row, as CSV (district-accounts.csv)")
    @Path("accounts/export")
    @Produces("text/csv")
    public Response exportAccounts(@QueryParam("text") String text, @QueryParam("unitId") Long unitId,
                                   @QueryParam("platformId") Long platformId, @QueryParam("status") String status,
                                   @QueryParam("issue") String issue, @QueryParam("failing") @DefaultValue("false") boolean failing,
                                   @QueryParam("sort") @DefaultValue("handle") String sort,
                                   @QueryParam("ascending") @DefaultValue("true") boolean ascending) {
        AccountFilter filter = new AccountFilter(text, unitId, platformId, parse(AccountStatus.class, "status", status),
                parse(ComplianceIssue.class, "issue", issue), failing);
        java.io.StringWriter csv = new java.io.StringWriter();
        exports.exportAccounts(filter, sort, ascending, csv);
        return csvResponse("district-accounts.csv", csv.toString());
    }

    /** The same rights as {@code GET /api/grants} with the same filters, all of them, as CSV (audited). */
    @GET
    @Operation(summary = "The same rights as GET /grants with the same filters, every row, as CSV (administrative-rights.csv)")
    @Path("grants/export")
    @Produces("text/csv")
    public Response exportGrants(@QueryParam("accountId") Long accountId, @QueryParam("unitId") Long unitId,
                                 @QueryParam("platformId") Long platformId, @QueryParam("holder") String holder,
                                 @QueryParam("status") @DefaultValue("ACTIVE") String status,
                                 @QueryParam("expiringSoon") @DefaultValue("false") boolean expiringSoon,
                                 @QueryParam("notReviewed") @DefaultValue("false") boolean notReviewed,
                                 @QueryParam("sort") @DefaultValue("endsOn") String sort,
                                 @QueryParam("ascending") @DefaultValue("true") boolean ascending) {
        java.io.StringWriter csv = new java.io.StringWriter();
        exports.exportGrants(grantFilter(accountId, unitId, platformId, holder, status, expiringSoon, notReviewed), sort, ascending, csv);
        return csvResponse("administrative-rights.csv", csv.toString());
    }

    private static Response csvResponse(String fileName, String csv) {
        return Response.ok(csv, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "private, no-store").build();
    }

    private static GrantFilter grantFilter(Long accountId, Long unitId, Long platformId, String holder, String status,
                                           boolean expiringSoon, boolean notReviewed) {
        GrantStatus parsed = "ALL".equalsIgnoreCase(status == null ? "" : status.strip()) ? null
                : parse(GrantStatus.class, "status", status);
        return new GrantFilter(accountId, unitId, platformId, holder, parsed, expiringSoon, notReviewed);
    }

    @POST
    @Operation(summary = "Register an account (system administrators, the Superintendent, designees who may grant rights; audited)")
    @Path("accounts")
    @APIResponse(responseCode = "201", description = "registered; Location is its address", content = @Content(schema = @Schema(implementation = AccountView.class)))
    public Response create(AccountRegistry.AccountInput body) {
        AccountView created = registry.create(body);
        return Response.created(uri.getBaseUriBuilder().path("accounts").path(String.valueOf(created.id())).build())
                .entity(created).build();
    }

    @GET
    @Operation(summary = "One account with its operators and rights (within the caller's reach; otherwise 404)")
    @Path("accounts/{id}")
    public AccountView get(@PathParam("id") Long id) {
        return registry.get(id);
    }

    @PUT
    @Operation(summary = "Change the account's description (registry keepers; audited)")
    @Path("accounts/{id}")
    public AccountView update(@PathParam("id") Long id, AccountChange body) {
        if (body == null || body.account() == null) {
            throw new InvalidInputException("account", "Send {\"account\":{...},\"version\":n}");
        }
        return registry.update(id, body.version(), body.account());
    }

    /** ACTIVE, SUSPENDED or ARCHIVED; only active accounts are in the public directory. */
    @PUT
    @Operation(summary = "Suspend, archive or reinstate an account (registry keepers; audited)")
    @Path("accounts/{id}/status")
    public AccountView changeStatus(@PathParam("id") Long id, StatusChange body) {
        AccountStatus status = parse(AccountStatus.class, "status", body == null ? null : body.status());
        if (status == null) {
            throw new InvalidInputException("status", "Send the status: ACTIVE, SUSPENDED or ARCHIVED");
        }
        return registry.changeStatus(id, body.version(), status);
    }

    /** Accounts failing compliance checks, counted per school or department. */
    @GET
    @Operation(summary = "Accounts in use failing each compliance check, per school or department (Superintendent, designee in force, auditor, system administrator)")
    @Path("accounts/compliance")
    public List<AccountQueries.UnitCompliance> compliance() {
        return exports.compliance();
    }

    @POST
    @Operation(summary = "Grant administrative rights (the Superintendent, or a designee in force given that power; never to oneself; audited, the holder is emailed)")
    @Path("accounts/{id}/grants")
    @APIResponse(responseCode = "201", description = "granted; Location is its address", content = @Content(schema = @Schema(implementation = GrantView.class)))
    public Response grant(@PathParam("id") Long id, AccountGrants.GrantInput body) {
        GrantView grant = grants.grant(id, body);
        return Response.created(uri.getBaseUriBuilder().path("grants").path(String.valueOf(grant.id())).build())
                .entity(grant).build();
    }

    /** Grants on the accounts the caller may see: status ACTIVE by default (ALL for every status). */
    @GET
    @Operation(summary = "Administrative rights on the accounts in the caller's reach, filtered and paged (any role but CONSENT_CLERK)")
    @Path("grants")
    public Map<String, Object> grants(@QueryParam("accountId") Long accountId, @QueryParam("unitId") Long unitId,
                                      @QueryParam("platformId") Long platformId, @QueryParam("holder") String holder,
                                      @QueryParam("status") @DefaultValue("ACTIVE") String status,
                                      @QueryParam("expiringSoon") @DefaultValue("false") boolean expiringSoon,
                                      @QueryParam("notReviewed") @DefaultValue("false") boolean notReviewed,
                                      @QueryParam("sort") @DefaultValue("endsOn") String sort,
                                      @QueryParam("ascending") @DefaultValue("true") boolean ascending,
                                      @QueryParam("first") @DefaultValue("0") int first,
                                      @QueryParam("size") @DefaultValue("25") int size) {
        GrantFilter filter = grantFilter(accountId, unitId, platformId, holder, status, expiringSoon, notReviewed);
        return page(grants.countGrants(filter), first, grants.grants(filter, first, size, sort, ascending));
    }

    @POST
    @Operation(summary = "Revoke rights early with a reason (the Superintendent, or a designee given that power; audited, the holder is emailed)")
    @Path("grants/{id}/revocation")
    public GrantView revoke(@PathParam("id") Long id, Revocation body) {
        return grants.revoke(id, body == null ? null : body.reason());
    }

    /** The access review's "confirm": these rights stay (Superintendent, or a designee given that power). */
    @POST
    @Operation(summary = "The access review's \"confirm\" - these rights stay; clears the flag (the Superintendent, or a designee given that power)")
    @Path("grants/{id}/confirmation")
    public GrantView confirm(@PathParam("id") Long id) {
        return grants.confirm(id);
    }

    /** The access review under way (204 when none). */
    @GET
    @Operation(summary = "The access review under way (SUPERINTENDENT, REVIEWER, AUDITOR, SYSTEM_ADMIN)")
    @Path("access-reviews/current")
    @APIResponse(responseCode = "200", description = "the review under way", content = @Content(schema = @Schema(implementation = AccessReviewService.ReviewView.class)))
    @APIResponse(responseCode = "204", description = "no review under way")
    public Response currentReview() {
        AccessReviewService.ReviewView current = reviews.current();
        return current == null ? Response.noContent().build() : Response.ok(current).build();
    }

    @GET
    @Operation(summary = "One access review with its accounts and their confirmations (overseers)")
    @Path("access-reviews/{id}")
    public AccessReviewService.ReviewView review(@PathParam("id") Long id) {
        return reviews.get(id);
    }

    /** Opens an access review today, due by {"deadline":"YYYY-MM-DD"}. */
    @POST
    @Operation(summary = "Open an access review today (the Superintendent, or a designee given the power to grant; besides the timer's term reviews)")
    @Path("access-reviews")
    @APIResponse(responseCode = "201", description = "opened; Location is its address", content = @Content(schema = @Schema(implementation = AccessReviewService.ReviewView.class)))
    public Response openReview(NewReview body) {
        AccessReviewService.ReviewView opened = reviews.openNow(body == null ? null : body.deadline());
        return Response.created(uri.getBaseUriBuilder().path("access-reviews").path(String.valueOf(opened.id())).build())
                .entity(opened).build();
    }

    /**
     * The public directory of the District's active official accounts: [{"platform","handle","url","unit"}].
     * No login; cacheable, with an ETag so a client revalidates cheaply. Without parameters, every
     * active account (scripts rely on that); {@code unit} (a code) or {@code unitId} narrows it to one
     * school or department.
     */
    @GET
    @Operation(summary = "The public directory of the District's ACTIVE official accounts, by school or department (no login)")
    @SecurityRequirements
    @Path("directory")
    public Response directory(@QueryParam("unit") String unit, @QueryParam("unitId") Long unitId,
                              @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding, @Context Request request) {
        boolean whole = (unit == null || unit.isBlank()) && unitId == null;
        Long only = whole ? null : directory.directoryUnitId(unit, unitId);
        String version = directory.directoryVersion();
        // the whole directory also comes compressed, once per version; that representation has its own tag
        boolean gzip = whole && acceptsGzip(acceptEncoding);
        String hash = sha256(whole ? version : version + " unit " + only);
        EntityTag tag = new EntityTag(gzip ? hash + "-gzip" : hash);
        CacheControl cache = new CacheControl();
        cache.setMaxAge(300);
        cache.setPrivate(false);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            return vary(notModified.cacheControl(cache).tag(tag), whole).build();
        }
        Supplier<byte[]> build = () -> JsonbProvider.jsonb().toJson(directory.directory()).getBytes(StandardCharsets.UTF_8);
        // one school's part is a hundred rows read by index: built each time, only the whole is kept
        byte[] body = !whole ? JsonbProvider.jsonb().toJson(directory.directoryOf(only)).getBytes(StandardCharsets.UTF_8)
                : gzip ? directoryBody.gzipped(hash, build) : directoryBody.json(hash, build);
        Response.ResponseBuilder ok = Response.ok(body, MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")).tag(tag).cacheControl(cache);
        if (gzip) {
            ok.header(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        return vary(ok, whole).build();
    }

    private static Response.ResponseBuilder vary(Response.ResponseBuilder response, boolean whole) {
        return whole ? response.header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING) : response;
    }

    /** gzip listed in Accept-Encoding without q=0 (RFC 9110, 12.5.3). */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String part : acceptEncoding.split(",")) {
            String[] coding = part.strip().split(";");
            if (coding[0].strip().equalsIgnoreCase("gzip")) {
                for (int i = 1; i < coding.length; i++) {
                    String parameter = coding[i].replace(" ", "").toLowerCase(Locale.ROOT);
                    if (parameter.matches("q=0(\\.0{0,3})?")) {
                        return false;
                    }
                }
                return true;
            }
        }
        return false;
    }

    private static Map<String, Object> page(Matches total, int first, List<?> rows) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("total", total.count());
        page.put("totalExact", !total.more());
        page.put("first", first);
        page.put("rows", rows);
        return page;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> names = java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
            throw new InvalidInputException(field, "'" + value.strip() + "' is not one of " + String.join(", ", names));
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)))
                    .substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
