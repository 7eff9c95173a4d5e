package org.district.socialmedia.requests.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.district.socialmedia.platform.control.HomeCountSource;
import org.district.socialmedia.platform.entity.HomeCount;
import org.district.socialmedia.platform.entity.Role;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The employee's home counts of the requests component: their open requests and their authorizations ending soon. */
@ApplicationScoped
public class HomeRequestCounts implements HomeCountSource {

    @Inject
    RequestService requests;

    @Override
    public List<HomeCount> counts(Set<Role> roles) {
        if (!roles.contains(Role.EMPLOYEE)) {
            return List.of();
        }
        List<HomeCount> counts = new ArrayList<>();
        counts.add(HomeCount.of(Role.EMPLOYEE, "home.requests.open", requests.countMineOpen(), "/requests/mine.xhtml?open=true"));
        counts.add(HomeCount.of(Role.EMPLOYEE, "home.authorizations.ending", requests.countMineEndingSoon(),
                "/requests/authorizations.xhtml?endingSoon=true"));
        return counts;
    }
}
