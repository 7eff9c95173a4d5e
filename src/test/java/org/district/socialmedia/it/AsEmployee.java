package org.district.socialmedia.it;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.district.socialmedia.people.boundary.OrgUnits;
import org.district.socialmedia.platform.entity.Role;

import java.util.function.Function;

/**
 * Test helper deployed with in-container tests: calls a boundary in the role of an employee, the
 * least a signed-in page user holds, without a login (the test runner's requests carry none).
 */
@Stateless
@RunAs(Role.EMPLOYEE_NAME)
// a bean with security metadata denies methods without permissions (WildFly's default-missing-method-permissions-deny-access)
@PermitAll
public class AsEmployee {

    @Inject
    OrgUnits units;

    public <T> T units(Function<OrgUnits, T> work) {
        return work.apply(units);
    }
}
