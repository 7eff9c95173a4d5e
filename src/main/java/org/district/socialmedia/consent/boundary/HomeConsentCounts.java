package org.district.socialmedia.consent.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.district.socialmedia.platform.control.HomeCountSource;
import org.district.socialmedia.platform.entity.HomeCount;
import org.district.socialmedia.platform.entity.Role;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The consent component's home counts: takedown tasks assigned to an operator (an employee, or a site
 * administrator who holds rights on the account), and the consent clerk's renewals due.
 */
@ApplicationScoped
public class HomeConsentCounts implements HomeCountSource {

    @Inject
    TakedownService takedowns;
    @Inject
    ConsentService consents;

    @Override
    public List<HomeCount> counts(Set<Role> roles) {
        List<HomeCount> counts = new ArrayList<>();
        // one line for a person with both roles: the tasks are the same whichever role made them an assignee
        Role operator = roles.contains(Role.EMPLOYEE) ? Role.EMPLOYEE : roles.contains(Role.SITE_ADMIN) ? Role.SITE_ADMIN : null;
        if (operator != null) {
            counts.add(HomeCount.of(operator, "home.takedowns.assigned", takedowns.countOpenAssignedToMe(), "/consent/takedowns.xhtml"));
        }
        if (roles.contains(Role.CONSENT_CLERK)) {
            counts.add(HomeCount.of(Role.CONSENT_CLERK, "home.consent.renewals", consents.countRenewals(), "/consent/renewals.xhtml"));
        }
        return counts;
    }
}
