package org.district.socialmedia.students.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.district.socialmedia.platform.control.HomeCountSource;
import org.district.socialmedia.platform.entity.HomeCount;
import org.district.socialmedia.platform.entity.Role;

import java.util.List;
import java.util.Set;

/** The system administrator's home count of roster imports whose preview waits to be imported or stopped (by ix_import_run_status). */
@ApplicationScoped
public class HomeImportCounts implements HomeCountSource {

    @Inject
    RosterImport imports;

    @Override
    public List<HomeCount> counts(Set<Role> roles) {
        if (!roles.contains(Role.SYSTEM_ADMIN)) {
            return List.of();
        }
        return List.of(HomeCount.of(Role.SYSTEM_ADMIN, "home.imports.awaiting", imports.countAwaiting(), "/admin/roster.xhtml#awaitingHeading"));
    }
}
