package org.district.socialmedia.security.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.district.socialmedia.platform.entity.Role;

import java.util.List;
import java.util.Set;

/**
 * The portal's menu: each entry with the roles that may use it. The same roles guard the pages
 * (web.xml) and the services (@RolesAllowed); the menu only spares people links they cannot use.
 */
@Named
@ApplicationScoped
public class Navigation {

    public record Item(String label, String path, Set<Role> roles) {
        /** Everybody signed in. */
        public boolean isForEveryone() {
            return roles.isEmpty();
        }
    }

    private static final List<Item> ITEMS = List.of(
            new Item("Home", "/index.xhtml", Set.of()),
            new Item("My requests", "/requests/mine.xhtml", Set.of(Role.EMPLOYEE)),
            new Item("New request", "/requests/edit.xhtml", Set.of(Role.EMPLOYEE)),
            new Item("My authorizations", "/requests/authorizations.xhtml", Set.of(Role.EMPLOYEE)),
            new Item("Review queue", "/review/queue.xhtml", Set.of(Role.REVIEWER, Role.SUPERINTENDENT)),
            new Item("Designees and reasons", "/review/administration.xhtml", Set.of(Role.SUPERINTENDENT)),
            new Item("District accounts", "/accounts/index.xhtml",
                    Set.of(Role.EMPLOYEE, Role.REVIEWER, Role.SUPERINTENDENT, Role.SITE_ADMIN, Role.AUDITOR, Role.SYSTEM_ADMIN)),
            new Item("Administrative rights", "/accounts/grants.xhtml",
                    Set.of(Role.REVIEWER, Role.SUPERINTENDENT, Role.SITE_ADMIN, Role.AUDITOR, Role.SYSTEM_ADMIN)),
            new Item("Access review", "/accounts/review.xhtml", Set.of(Role.REVIEWER, Role.SUPERINTENDENT, Role.AUDITOR)),
            new Item("Account compliance", "/accounts/compliance.xhtml",
                    Set.of(Role.REVIEWER, Role.SUPERINTENDENT, Role.AUDITOR, Role.SYSTEM_ADMIN)),
            new Item("Posts about students", "/posts/index.xhtml", Set.of(Role.EMPLOYEE, Role.SITE_ADMIN)),
            new Item("Oversight dashboard", "/oversight/dashboard.xhtml", Set.of(Role.REVIEWER, Role.SUPERINTENDENT, Role.AUDITOR)),
            new Item("Check before posting", "/consent/check.xhtml", Set.of(Role.EMPLOYEE, Role.SITE_ADMIN)),
            new Item("Students and consent", "/consent/students.xhtml", Set.of(Role.CONSENT_CLERK, Role.AUDITOR)),
            new Item("Consent renewals", "/consent/renewals.xhtml", Set.of(Role.CONSENT_CLERK, Role.AUDITOR)),
            new Item("Consent requests to parents", "/parents/requests.xhtml", Set.of(Role.CONSENT_CLERK, Role.AUDITOR)),
            new Item("Takedowns", "/consent/takedowns.xhtml", Set.of(Role.EMPLOYEE, Role.SITE_ADMIN, Role.CONSENT_CLERK, Role.AUDITOR)),
            new Item("Audit log", "/audit/index.xhtml", Set.of(Role.AUDITOR, Role.SYSTEM_ADMIN)),
            new Item("Official accounts", "/directory.xhtml", Set.of()),
            new Item("Social media policy", "/policy.xhtml", Set.of()),
            new Item("Policy acknowledgements", "/acknowledgements/coverage.xhtml", Set.of(Role.SUPERINTENDENT, Role.AUDITOR, Role.SYSTEM_ADMIN)),
            new Item("Staff users", "/admin/staff.xhtml", Set.of(Role.SYSTEM_ADMIN)),
            new Item("Schools and departments", "/admin/units.xhtml", Set.of(Role.SYSTEM_ADMIN)),
            new Item("District settings", "/admin/settings.xhtml", Set.of(Role.SYSTEM_ADMIN)),
            new Item("Platforms", "/admin/platforms.xhtml", Set.of(Role.SYSTEM_ADMIN)),
            new Item("Roster import", "/admin/roster.xhtml", Set.of(Role.SYSTEM_ADMIN)),
            new Item("Outbox", "/admin/outbox.xhtml", Set.of(Role.SYSTEM_ADMIN)),
            new Item("Deadline timer", "/admin/escalation.xhtml", Set.of(Role.SYSTEM_ADMIN)));

    public List<Item> itemsFor(CurrentUser user) {
        return ITEMS.stream()
                .filter(item -> item.isForEveryone() || item.roles().stream().anyMatch(r -> user.hasRole(r.name())))
                .toList();
    }
}
