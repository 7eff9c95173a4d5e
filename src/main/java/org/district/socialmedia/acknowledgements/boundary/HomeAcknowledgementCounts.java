package org.district.socialmedia.acknowledgements.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.district.socialmedia.platform.control.HomeCountSource;
import org.district.socialmedia.platform.entity.HomeCount;
import org.district.socialmedia.platform.entity.Role;

import java.util.List;
import java.util.Set;

/**
 * The employee's home count of the acknowledgements component (issue 22): the policy versions they still owe an
 * acknowledgement of, linked to the acknowledge page filtered to exactly those. Every staff member may owe one, but
 * the banner already stands on every page for them; the issue gives this count to the employee's section.
 */
@ApplicationScoped
public class HomeAcknowledgementCounts implements HomeCountSource {

    @Inject
    AcknowledgementService acknowledgements;

    @Override
    public List<HomeCount> counts(Set<Role> roles) {
        if (!roles.contains(Role.EMPLOYEE)) {
            return List.of();
        }
        return List.of(HomeCount.of(Role.EMPLOYEE, "home.acknowledgements.due", acknowledgements.countDue(), "/acknowledge.xhtml?due=true"));
    }
}
