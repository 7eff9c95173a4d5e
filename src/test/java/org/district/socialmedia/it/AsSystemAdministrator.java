package org.district.socialmedia.it;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.district.socialmedia.people.boundary.StaffDirectory;
import org.district.socialmedia.platform.entity.Role;

/**
 * Test helper deployed with in-container tests: calls staff administration in the role of a system administrator,
 * for what the API does not offer (reactivating a staff member is done on the Staff users page).
 */
@Stateless
@RunAs(Role.SYSTEM_ADMIN_NAME)
@PermitAll
public class AsSystemAdministrator {

    @Inject
    StaffDirectory staff;

    public void reactivate(Long staffId) {
        staff.reactivate(staffId);
    }
}
