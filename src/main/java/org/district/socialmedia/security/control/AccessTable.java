package org.district.socialmedia.security.control;

import org.district.socialmedia.platform.entity.Role;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.district.socialmedia.platform.entity.Role.AUDITOR;
import static org.district.socialmedia.platform.entity.Role.CONSENT_CLERK;
import static org.district.socialmedia.platform.entity.Role.EMPLOYEE;
import static org.district.socialmedia.platform.entity.Role.REVIEWER;
import static org.district.socialmedia.platform.entity.Role.SITE_ADMIN;
import static org.district.socialmedia.platform.entity.Role.SUPERINTENDENT;
import static org.district.socialmedia.platform.entity.Role.SYSTEM_ADMIN;

/**
 * Who may open each page and call each endpoint: the one table that web.xml's constraints and the
 * services' role checks implement, that docs/security.md shows (rendered from here), and that AccessTableIT walks
 * for every role. A page or endpoint without a row fails AccessTableTest. Roles say who passes the door;
 * "reach" says whose records they then see (anything else answers 404, never its content).
 * REVIEWER means the Superintendent's designees: the services also want a designation in force (and
 * the power to grant, for rights); the demo designee has both.
 */
public final class AccessTable {

    public enum Access { PUBLIC, SIGNED_IN, ROLES }

    /**
     * One row: {@code target} is a page path or "METHOD /api/path" ({...} for ids). {@code walked} false: the
     * access walk only checks that the other roles are refused, because an allowed call with an empty body
     * would change something (it is covered by its feature's tests).
     */
    public record Rule(String target, Access access, Set<Role> roles, String reach, boolean walked) {

        public boolean isPage() {
            return target.startsWith("/");
        }

        public String method() {
            return isPage() ? "GET" : target.substring(0, target.indexOf(' '));
        }

        public String path() {
            return isPage() ? target : target.substring(target.indexOf(' ') + 1);
        }

        public boolean allows(Role role) {
            return access != Access.ROLES || roles.contains(role);
        }

        String who() {
            return switch (access) {
                case PUBLIC -> "everyone, no sign-in";
                case SIGNED_IN -> "every signed-in role";
                case ROLES -> roles.stream().sorted().map(Role::name).collect(Collectors.joining(", "));
            };
        }
    }

    private static final Set<Role> ACCOUNT_READERS = EnumSet.of(EMPLOYEE, REVIEWER, SUPERINTENDENT, SITE_ADMIN, AUDITOR, SYSTEM_ADMIN);
    private static final Set<Role> REGISTRY_KEEPERS = EnumSet.of(REVIEWER, SUPERINTENDENT, SYSTEM_ADMIN);
    private static final Set<Role> GRANTERS = EnumSet.of(REVIEWER, SUPERINTENDENT);
    private static final Set<Role> CHECKLIST_SIGNERS = EnumSet.of(REVIEWER, SUPERINTENDENT, SITE_ADMIN, SYSTEM_ADMIN);
    private static final Set<Role> OVERSEERS = EnumSet.of(REVIEWER, SUPERINTENDENT, AUDITOR, SYSTEM_ADMIN);
    private static final Set<Role> REQUEST_READERS = EnumSet.of(EMPLOYEE, REVIEWER, SUPERINTENDENT, AUDITOR);
    private static final Set<Role> CONSENT_READERS = EnumSet.of(CONSENT_CLERK, AUDITOR);
    private static final Set<Role> POSTERS = EnumSet.of(EMPLOYEE, SITE_ADMIN);
    private static final Set<Role> POST_READERS = EnumSet.of(EMPLOYEE, SITE_ADMIN, REVIEWER, SUPERINTENDENT, AUDITOR);
    private static final Set<Role> AUDIT_READERS = EnumSet.of(AUDITOR, SYSTEM_ADMIN);
    private static final Set<Role> REPORT_READERS = EnumSet.of(REVIEWER, SUPERINTENDENT, AUDITOR);

    private static final String OWN_REQUESTS = "own requests only; reviewers and auditors: submitted requests";
    private static final String CHECKLIST_REACH = "SITE_ADMIN: accounts they hold rights on; REVIEWER: a designee who may grant rights";
    private static final String ACCOUNT_REACH = "SITE_ADMIN: accounts they hold rights on; EMPLOYEE: accounts they operate; the others: all";
    private static final String OWN_SCHOOL = "CONSENT_CLERK: their own school's students; AUDITOR: all, reading";
    private static final String POST_REACH = "EMPLOYEE, SITE_ADMIN: accounts they operate or hold rights on; the others: all, reading";
    private static final String TEST_SERVER = "only on a server configured with dev/configure-test-clock.cli (404 elsewhere)";

    public static final List<Rule> RULES = List.of(
            // ------------------------------------------------------------------ pages
            page("/login.xhtml", Access.PUBLIC),
            // single sign-on (404 on a server without configure-single-sign-on.cli); the answer's own test
            // is SingleSignOnIT, a walk without a sign-in started only sees its refusal
            page("/auth/oidc/login", Access.PUBLIC),
            new Rule("/auth/oidc/callback", Access.PUBLIC, Set.of(), "", false),
            page("/directory.xhtml", Access.PUBLIC),
            // a parent's consent page (their personal link is the key) and the page to ask for a new link
            page("/parent/consent.xhtml", Access.PUBLIC),
            page("/parent/link.xhtml", Access.PUBLIC),
            page("/error/403.xhtml", Access.PUBLIC),
            page("/error/404.xhtml", Access.PUBLIC),
            page("/error/expired.xhtml", Access.PUBLIC),
            page("/index.xhtml", Access.SIGNED_IN),
            page("/policy.xhtml", Access.SIGNED_IN),
            page("/policy/publish.xhtml", EnumSet.of(SUPERINTENDENT, SYSTEM_ADMIN)),
            new Rule("/acknowledge.xhtml", Access.SIGNED_IN, Set.of(), "own acknowledgements; a personal link only for its addressee", true),
            page("/acknowledgements/coverage.xhtml", EnumSet.of(SUPERINTENDENT, AUDITOR, SYSTEM_ADMIN)),
            page("/api-reference.xhtml", Access.SIGNED_IN),
            page("/admin/staff.xhtml", EnumSet.of(SYSTEM_ADMIN)),
            page("/admin/units.xhtml", EnumSet.of(SYSTEM_ADMIN)),
            page("/admin/settings.xhtml", EnumSet.of(SYSTEM_ADMIN)),
            page("/admin/platforms.xhtml", EnumSet.of(SYSTEM_ADMIN)),
            page("/admin/roster.xhtml", EnumSet.of(SYSTEM_ADMIN)),
            page("/admin/outbox.xhtml", EnumSet.of(SYSTEM_ADMIN)),
            page("/admin/escalation.xhtml", EnumSet.of(SYSTEM_ADMIN)),
            page("/requests/edit.xhtml", EnumSet.of(EMPLOYEE), "own requests only"),
            page("/requests/mine.xhtml", EnumSet.of(EMPLOYEE), "own requests only"),
            page("/requests/authorizations.xhtml", EnumSet.of(EMPLOYEE), "own authorizations only"),
            page("/requests/view.xhtml", REQUEST_READERS, OWN_REQUESTS),
            page("/requests/letter", REQUEST_READERS, OWN_REQUESTS),
            page("/review/queue.xhtml", GRANTERS, "REVIEWER: with a designation in force"),
            page("/review/decide.xhtml", GRANTERS, "REVIEWER: with a designation in force; never one's own request"),
            page("/review/administration.xhtml", EnumSet.of(SUPERINTENDENT)),
            page("/accounts/index.xhtml", ACCOUNT_READERS, ACCOUNT_REACH),
            page("/accounts/view.xhtml", ACCOUNT_READERS, ACCOUNT_REACH),
            page("/accounts/grants.xhtml", ACCOUNT_READERS, ACCOUNT_REACH),
            page("/accounts/compliance.xhtml", OVERSEERS),
            page("/accounts/review.xhtml", OVERSEERS),
            page("/accounts/edit.xhtml", REGISTRY_KEEPERS, "REVIEWER: a designee who may grant rights"),
            page("/consent/students.xhtml", CONSENT_READERS, OWN_SCHOOL),
            page("/consent/student.xhtml", CONSENT_READERS, OWN_SCHOOL),
            page("/consent/renewals.xhtml", CONSENT_READERS, OWN_SCHOOL),
            page("/consent/check.xhtml", POSTERS, "accounts they operate or hold rights on"),
            page("/posts/index.xhtml", POSTERS, "accounts they operate or hold rights on"),
            page("/consent/takedowns.xhtml", EnumSet.of(EMPLOYEE, SITE_ADMIN, CONSENT_CLERK, AUDITOR),
                    "their own tasks; CONSENT_CLERK: their school's; AUDITOR: all, reading"),
            page("/parents/requests.xhtml", CONSENT_READERS, OWN_SCHOOL),
            page("/audit/index.xhtml", AUDIT_READERS),
            page("/oversight/dashboard.xhtml", REPORT_READERS, "District-wide figures, reading only; its acknowledgement coverage: SUPERINTENDENT, AUDITOR"),
            page("/oversight/board-report", REPORT_READERS, "past months only; without ?month= last month"),
            // ------------------------------------------------------------------ API
            api("GET /api/health", Access.PUBLIC),
            api("GET /api/openapi", Access.PUBLIC),
            api("GET /api/directory", Access.PUBLIC),
            api("GET /api/settings", EnumSet.of(SYSTEM_ADMIN)),
            api("PUT /api/settings", EnumSet.of(SYSTEM_ADMIN)),
            api("GET /api/staff", EnumSet.of(SYSTEM_ADMIN)),
            api("POST /api/staff", EnumSet.of(SYSTEM_ADMIN)),
            api("GET /api/staff/{id}", EnumSet.of(SYSTEM_ADMIN)),
            api("PUT /api/staff/{id}", EnumSet.of(SYSTEM_ADMIN)),
            api("POST /api/staff/{id}/deactivation", EnumSet.of(SYSTEM_ADMIN)),
            api("GET /api/units", EnumSet.of(SYSTEM_ADMIN)),
            api("POST /api/units", EnumSet.of(SYSTEM_ADMIN)),
            api("GET /api/units/{id}", EnumSet.of(SYSTEM_ADMIN)),
            api("PUT /api/units/{id}", EnumSet.of(SYSTEM_ADMIN)),
            api("POST /api/units/{id}/deactivation", EnumSet.of(SYSTEM_ADMIN)),
            api("POST /api/units/{id}/reactivation", EnumSet.of(SYSTEM_ADMIN)),
            api("POST /api/imports/oneroster", EnumSet.of(SYSTEM_ADMIN)),
            api("GET /api/imports", EnumSet.of(SYSTEM_ADMIN)),
            api("GET /api/imports/{id}", EnumSet.of(SYSTEM_ADMIN)),
            api("POST /api/imports/{id}/confirmation", EnumSet.of(SYSTEM_ADMIN)),
            api("POST /api/imports/{id}/stop", EnumSet.of(SYSTEM_ADMIN)),
            api("POST /api/imports/undo-deactivations", EnumSet.of(SYSTEM_ADMIN)),
            api("POST /api/requests", EnumSet.of(EMPLOYEE), "own requests"),
            api("GET /api/requests/{id}", REQUEST_READERS, OWN_REQUESTS),
            api("GET /api/requests/{id}/letter", REQUEST_READERS, OWN_REQUESTS),
            api("GET /api/requests/{id}/timeline", REQUEST_READERS, OWN_REQUESTS),
            api("POST /api/requests/{id}/info-response", EnumSet.of(EMPLOYEE), "own requests"),
            api("POST /api/requests/{id}/withdrawal", EnumSet.of(EMPLOYEE), "own requests"),
            api("POST /api/requests/{id}/decision", GRANTERS, "REVIEWER: with a designation in force; never one's own request"),
            api("GET /api/me/authorizations", EnumSet.of(EMPLOYEE), "own authorizations"),
            api("POST /api/authorizations/{id}/renewal", EnumSet.of(EMPLOYEE), "own authorizations (active, once each)"),
            api("GET /api/policy-versions", Access.SIGNED_IN),
            api("GET /api/policy-versions/{id}", Access.SIGNED_IN),
            api("POST /api/policy-versions", EnumSet.of(SUPERINTENDENT, SYSTEM_ADMIN)),
            new Rule("GET /api/me/acknowledgements", Access.SIGNED_IN, Set.of(), "own acknowledgements", true),
            new Rule("POST /api/me/acknowledgements", Access.SIGNED_IN, Set.of(), "own acknowledgements; a personal link only for its addressee", true),
            api("GET /api/acknowledgements/coverage", EnumSet.of(SUPERINTENDENT, AUDITOR, SYSTEM_ADMIN)),
            api("GET /api/acknowledgements/coverage.csv", EnumSet.of(SUPERINTENDENT, AUDITOR, SYSTEM_ADMIN)),
            api("POST /api/acknowledgements/campaigns", EnumSet.of(SUPERINTENDENT, SYSTEM_ADMIN)),
            api("POST /api/acknowledgements/campaigns/{id}/closing", EnumSet.of(SUPERINTENDENT, SYSTEM_ADMIN)),
            api("POST /api/authorizations/{id}/revocation", EnumSet.of(SUPERINTENDENT)),
            api("GET /api/review/queue", GRANTERS, "REVIEWER: with a designation in force"),
            api("GET /api/accounts", ACCOUNT_READERS, ACCOUNT_REACH),
            api("GET /api/accounts/export", ACCOUNT_READERS, ACCOUNT_REACH),
            api("GET /api/accounts/{id}", ACCOUNT_READERS, ACCOUNT_REACH),
            api("GET /api/accounts/compliance", OVERSEERS),
            api("POST /api/accounts", REGISTRY_KEEPERS, "REVIEWER: a designee who may grant rights"),
            api("PUT /api/accounts/{id}", REGISTRY_KEEPERS, "REVIEWER: a designee who may grant rights"),
            api("PUT /api/accounts/{id}/status", REGISTRY_KEEPERS, "REVIEWER: a designee who may grant rights"),
            api("POST /api/accounts/{id}/grants", GRANTERS, "REVIEWER: a designee who may grant rights; never to oneself"),
            api("GET /api/accounts/{id}/checklist", ACCOUNT_READERS, ACCOUNT_REACH),
            api("POST /api/accounts/{id}/checklist", CHECKLIST_SIGNERS, CHECKLIST_REACH),
            api("GET /api/accounts/{id}/checklist/{signOffId}/evidence", ACCOUNT_READERS, ACCOUNT_REACH),
            api("GET /api/grants", ACCOUNT_READERS, ACCOUNT_REACH),
            api("GET /api/grants/export", ACCOUNT_READERS, ACCOUNT_REACH),
            api("POST /api/grants/{id}/revocation", GRANTERS, "REVIEWER: a designee who may grant rights"),
            api("POST /api/grants/{id}/confirmation", GRANTERS, "REVIEWER: a designee who may grant rights"),
            api("GET /api/access-reviews/current", OVERSEERS),
            api("GET /api/access-reviews/{id}", OVERSEERS),
            new Rule("POST /api/access-reviews", Access.ROLES, GRANTERS, "REVIEWER: a designee who may grant rights", false),
            api("GET /api/students", CONSENT_READERS, OWN_SCHOOL),
            api("GET /api/students/{districtId}", CONSENT_READERS, OWN_SCHOOL),
            api("POST /api/students", EnumSet.of(CONSENT_CLERK), "own school"),
            api("POST /api/students/{districtId}/guardians", EnumSet.of(CONSENT_CLERK), "own school"),
            api("POST /api/consents", EnumSet.of(CONSENT_CLERK), "own school"),
            api("GET /api/consents/{id}", CONSENT_READERS, OWN_SCHOOL),
            api("GET /api/consents/{id}/scans/{scanId}", CONSENT_READERS, OWN_SCHOOL),
            api("POST /api/consents/{id}/revocation", EnumSet.of(CONSENT_CLERK), "own school"),
            api("GET /api/consents/renewals", CONSENT_READERS, OWN_SCHOOL),
            api("POST /api/consent-checks", POSTERS, "accounts they operate or hold rights on"),
            api("POST /api/posts", POSTERS, "accounts they operate or hold rights on"),
            api("PATCH /api/posts/{id}", POSTERS, "accounts they operate or hold rights on"),
            api("GET /api/posts", POST_READERS, POST_REACH),
            api("GET /api/posts/{id}", POST_READERS, POST_REACH),
            api("GET /api/takedown-tasks", EnumSet.of(EMPLOYEE, SITE_ADMIN, CONSENT_CLERK, AUDITOR),
                    "their own tasks; CONSENT_CLERK: their school's; AUDITOR: all"),
            api("POST /api/takedown-tasks/{id}/completion", EnumSet.of(EMPLOYEE, SITE_ADMIN, CONSENT_CLERK),
                    "tasks assigned to them; CONSENT_CLERK: their school's"),
            api("GET /api/reports/requests", REPORT_READERS),
            api("GET /api/reports/consent-coverage", REPORT_READERS),
            api("GET /api/reports/accounts", REPORT_READERS),
            api("GET /api/reports/takedowns", REPORT_READERS),
            api("GET /api/reports/board-report", REPORT_READERS, "past months only; without ?month= last month"),
            api("GET /api/operations/tallies", EnumSet.of(SYSTEM_ADMIN)),
            api("POST /api/operations/tallies/recount", EnumSet.of(SYSTEM_ADMIN)),
            api("GET /api/audit", AUDIT_READERS),
            api("GET /api/audit/export", AUDIT_READERS),
            api("GET /api/audit/verification", AUDIT_READERS),
            testOnly("POST /api/test/clock"),
            testOnly("POST /api/test/clock/reset"),
            testOnly("POST /api/test/sweep"),
            testOnly("POST /api/test/escalate/{id}"),
            testOnly("POST /api/test/mail-relay"),
            testOnly("POST /api/test/rights-sweep"),
            testOnly("POST /api/test/consent-sweep"),
            testOnly("POST /api/test/parent-reminder-sweep"),
            testOnly("POST /api/test/roster-drop-sweep"),
            testOnly("POST /api/test/roster-resume-sweep"),
            testOnly("POST /api/test/ack-sweep"),
            testOnly("POST /api/test/board-report-sweep"));

    private AccessTable() {
    }

    private static Rule page(String path, Access access) {
        return new Rule(path, access, Set.of(), "", true);
    }

    private static Rule page(String path, Set<Role> roles) {
        return page(path, roles, "");
    }

    private static Rule page(String path, Set<Role> roles, String reach) {
        return new Rule(path, Access.ROLES, Set.copyOf(roles), reach, true);
    }

    private static Rule api(String target, Access access) {
        return new Rule(target, access, Set.of(), "", true);
    }

    private static Rule api(String target, Set<Role> roles) {
        return api(target, roles, "");
    }

    private static Rule api(String target, Set<Role> roles, String reach) {
        return new Rule(target, Access.ROLES, Set.copyOf(roles), reach, true);
    }

    private static Rule testOnly(String target) {
        return new Rule(target, Access.ROLES, Set.of(SYSTEM_ADMIN), TEST_SERVER, false);
    }

    /** The row of an API resource method ("METHOD /api/path" as its annotations declare it), or null. */
    public static Rule forEndpoint(Class<?> resource, java.lang.reflect.Method method) {
        String target = endpoint(resource, method);
        return target == null ? null : ENDPOINTS.get(target);
    }

    /** "METHOD /api/path" of a resource method, or null when it answers no HTTP method. */
    public static String endpoint(Class<?> resource, java.lang.reflect.Method method) {
        jakarta.ws.rs.Path classPath = resource.getAnnotation(jakarta.ws.rs.Path.class);
        String http = null;
        for (java.lang.annotation.Annotation a : method.getAnnotations()) {
            jakarta.ws.rs.HttpMethod h = a.annotationType().getAnnotation(jakarta.ws.rs.HttpMethod.class);
            if (h != null) {
                http = h.value();
            }
        }
        if (classPath == null || http == null) {
            return null;
        }
        jakarta.ws.rs.Path methodPath = method.getAnnotation(jakarta.ws.rs.Path.class);
        String path = ("/api/" + classPath.value() + "/" + (methodPath == null ? "" : methodPath.value()))
                .replaceAll("/+", "/").replaceAll("/$", "");
        return http + " " + path;
    }

    private static final java.util.Map<String, Rule> ENDPOINTS = RULES.stream().filter(r -> !r.isPage())
            .collect(Collectors.toMap(Rule::target, r -> r));

    /** The table as Markdown, for docs/security.md (AccessTableTest keeps its copy the same). */
    public static String markdown() {
        StringBuilder md = new StringBuilder("| page or endpoint | who may | whose records |\n|---|---|---|\n");
        for (Rule r : RULES) {
            md.append("| `").append(r.target()).append("` | ").append(r.who()).append(" | ").append(r.reach()).append(" |\n");
        }
        return md.toString();
    }
}
