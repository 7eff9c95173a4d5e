package org.district.socialmedia.consent.boundary;

import org.district.socialmedia.platform.entity.HomeCount;
import org.district.socialmedia.platform.entity.Role;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HomeConsentCountsTest {

    private static HomeConsentCounts source() {
        HomeConsentCounts source = new HomeConsentCounts();
        source.takedowns = new TakedownService() {
            @Override
            public long countOpenAssignedToMe() {
                return 2;
            }
        };
        source.consents = new ConsentService() {
            @Override
            public long countRenewals() {
                return 5;
            }
        };
        return source;
    }

    @Test
    void anOperatorSeesTheirTakedownsOnceUnderTheirFirstOperatorRole() {
        assertEquals(List.of(HomeCount.of(Role.EMPLOYEE, "home.takedowns.assigned", 2, "/consent/takedowns.xhtml")),
                source().counts(EnumSet.of(Role.EMPLOYEE, Role.SITE_ADMIN)));
        assertEquals(List.of(HomeCount.of(Role.SITE_ADMIN, "home.takedowns.assigned", 2, "/consent/takedowns.xhtml")),
                source().counts(EnumSet.of(Role.SITE_ADMIN)));
    }

    @Test
    void aClerkSeesRenewalsDueAndRolesWithoutConsentWorkNothing() {
        assertEquals(List.of(HomeCount.of(Role.CONSENT_CLERK, "home.consent.renewals", 5, "/consent/renewals.xhtml")),
                source().counts(EnumSet.of(Role.CONSENT_CLERK)));
        assertEquals(List.of(), source().counts(EnumSet.of(Role.AUDITOR, Role.REVIEWER, Role.SYSTEM_ADMIN)));
    }
}
