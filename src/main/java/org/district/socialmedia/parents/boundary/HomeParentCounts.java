package org.district.socialmedia.parents.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.district.socialmedia.platform.control.HomeCountSource;
import org.district.socialmedia.platform.entity.HomeCount;
import org.district.socialmedia.platform.entity.Role;

import java.util.List;
import java.util.Set;

/** The consent clerk's home count of the parents component: consent requests to parents not answered. */
@ApplicationScoped
public class HomeParentCounts implements HomeCountSource {

    @Inject
    ConsentRequests requests;

    @Override
    public List<HomeCount> counts(Set<Role> roles) {
        if (!roles.contains(Role.CONSENT_CLERK)) {
            return List.of();
        }
        return List.of(HomeCount.of(Role.CONSENT_CLERK, "home.parents.unanswered", requests.countUnanswered(),
                "/parents/requests.xhtml?unanswered=true"));
    }
}
