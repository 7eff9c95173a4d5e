package org.district.socialmedia.accounts.control;

import org.district.socialmedia.accounts.entity.GrantStatus;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The orders the console's queries use: each ends with the id, and the index-friendly lead only where it pays. */
class AccountQueriesTest {

    private static final RightsAuthority.Caller SUPERINTENDENT =
            new RightsAuthority.Caller("superintendent", null, true, true, false, false, false);
    private static final RightsAuthority.Caller SITE_ADMIN =
            new RightsAuthority.Caller("siteadmin", null, false, false, true, false, false);

    @Test
    void everyAccountOrderEndsWithTheIdInTheSameDirection() {
        assertEquals(" ORDER BY a.handleKey ASC, a.id ASC", AccountQueries.accountOrder(null, true));
        assertEquals(" ORDER BY a.unitKey DESC, a.handleKey DESC, a.id DESC", AccountQueries.accountOrder("unit", false));
        assertEquals(" ORDER BY a.handleKey ASC, a.id ASC", AccountQueries.accountOrder("handle; DROP TABLE x", true),
                "an unknown column falls back to the handle, never into the query");
    }

    @Test
    void registryWideRightsOfOneStatusLeadWithTheStatusSoTheIndexGivesTheOrder() {
        assertEquals(" ORDER BY g.status ASC, g.endsKey ASC, g.id ASC",
                AccountQueries.grantOrder("endsOn", true, SUPERINTENDENT, GrantFilter.ACTIVE));
        assertEquals(" ORDER BY g.status DESC, g.endsKey DESC, g.id DESC",
                AccountQueries.grantOrder(null, false, SUPERINTENDENT, new GrantFilter(null, null, null, null, null, true, false)),
                "expiring soon means rights in force: one status");
        assertEquals(" ORDER BY g.status DESC, g.holderKey DESC, g.id DESC",
                AccountQueries.grantOrder("holder", false, SUPERINTENDENT, GrantFilter.ACTIVE), "by holder: the (status, holder_key, id) index");
    }

    @Test
    void rightsLimitedToSomeAccountsOrHoldersOrOfEveryStatusAreSortedWithoutTheLead() {
        String plain = " ORDER BY g.endsKey ASC, g.id ASC";
        assertEquals(plain, AccountQueries.grantOrder("endsOn", true, SITE_ADMIN, GrantFilter.ACTIVE), "a site admin's reach");
        assertEquals(plain, AccountQueries.grantOrder("endsOn", true, SUPERINTENDENT,
                new GrantFilter(null, 7L, null, null, GrantStatus.ACTIVE, false, false)), "one school");
        assertEquals(plain, AccountQueries.grantOrder("endsOn", true, SUPERINTENDENT,
                new GrantFilter(null, null, null, "robin", GrantStatus.ACTIVE, false, false)), "one holder");
        assertEquals(plain, AccountQueries.grantOrder("endsOn", true, SUPERINTENDENT,
                new GrantFilter(null, null, null, null, null, false, false)), "every status");
        assertEquals(" ORDER BY g.holderKey ASC, g.id ASC", AccountQueries.grantOrder("holder", true, SITE_ADMIN,
                GrantFilter.ACTIVE), "by holder, a site admin's reach");
    }
}
