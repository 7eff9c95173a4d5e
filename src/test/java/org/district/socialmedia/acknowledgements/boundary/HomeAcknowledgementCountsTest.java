package org.district.socialmedia.acknowledgements.boundary;

import org.district.socialmedia.platform.entity.HomeCount;
import org.district.socialmedia.platform.entity.Role;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HomeAcknowledgementCountsTest {

    private static HomeAcknowledgementCounts source() {
        HomeAcknowledgementCounts source = new HomeAcknowledgementCounts();
        source.acknowledgements = new AcknowledgementService() {
            @Override
            public long countDue() {
                return 1;
            }
        };
        return source;
    }

    @Test
    void anEmployeeSeesTheAcknowledgementsDueLinkedToExactlyThose() {
        assertEquals(List.of(HomeCount.of(Role.EMPLOYEE, "home.acknowledgements.due", 1, "/acknowledge.xhtml?due=true")),
                source().counts(EnumSet.of(Role.EMPLOYEE, Role.SITE_ADMIN)));
    }

    @Test
    void otherRolesHaveNoSuchCount() {
        assertEquals(List.of(), source().counts(EnumSet.of(Role.SUPERINTENDENT, Role.AUDITOR, Role.SYSTEM_ADMIN, Role.CONSENT_CLERK)));
    }
}
