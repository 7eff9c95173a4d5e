package org.district.socialmedia.accounts.entity;

import org.district.socialmedia.people.entity.OrgUnit;
import org.district.socialmedia.people.entity.StaffUser;
import org.district.socialmedia.platform.entity.Role;
import org.district.socialmedia.requests.entity.Platform;
import org.district.socialmedia.settings.entity.DayCounting;
import org.district.socialmedia.settings.entity.DistrictSettings;
import org.district.socialmedia.settings.entity.ReviewPeriod;
import org.district.socialmedia.settings.entity.RightsSettings;
import org.district.socialmedia.settings.entity.SecuritySettings;

import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;

/**
 * Accounts and grants built only through their public (or package) constructors and transitions.
 * Ids, which JPA would assign, are set by reflection where a test needs them.
 */
final class AccountFixtures {

    static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");
    /** Monday 2025-03-03, 08:00 in Los Angeles (PST, UTC-8). */
    static final Instant NOW = Instant.parse("2025-03-03T16:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2025, 3, 3);
    static final LocalDate SCHOOL_YEAR_END = LocalDate.of(2025, 6, 30);

    static final Platform FACEBOOK = withId(new Platform("Facebook", false, 10), 1L);
    static final Platform OTHER = withId(new Platform("Other", true, 1000), 10L);
    static final OrgUnit LINCOLN = withId(new OrgUnit("LHS", "Lincoln High School", OrgUnit.Kind.SCHOOL), 20L);
    static final OrgUnit WASHINGTON = withId(new OrgUnit("WES", "Washington Elementary", OrgUnit.Kind.SCHOOL), 21L);

    static final DistrictSettings SETTINGS = new DistrictSettings("Example Unified School District",
            List.of("district.example.org"), ZONE, ReviewPeriod.parse("P7D"), DayCounting.CALENDAR,
            "https://portal.district.example.org", "P2D,P1D", Duration.ofDays(1), null, Duration.ofMinutes(1),
            RightsSettings.DEFAULTS, java.time.Duration.ofDays(1), SecuritySettings.DEFAULTS);

    static final Granter SUPERINTENDENT = new Granter("superintendent", "Dana Reyes", "Superintendent");

    private AccountFixtures() {
    }

    static DistrictAccount.Details details() {
        return new DistrictAccount.Details(FACEBOOK, null, "@LincolnHS", "https://www.facebook.com/LincolnHS", LINCOLN,
                "News and events for Lincoln High families", "lhs-office@district.example.org", true);
    }

    static DistrictAccount account() {
        return new DistrictAccount(details(), SETTINGS, "registrar", NOW, null);
    }

    static StaffUser staff(String username, Role... roles) {
        StaffUser user = new StaffUser(username, "Pat " + username.substring(0, 1).toUpperCase() + username.substring(1),
                username + "@district.example.org", NOW.minus(Duration.ofDays(400)));
        user.grantRoles(roles.length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.of(roles[0], roles));
        return user;
    }

    static StaffUser siteAdmin(String username) {
        return staff(username, Role.SITE_ADMIN, Role.EMPLOYEE);
    }

    /** Rights from today to the end of the school year, granted by the Superintendent at {@link #NOW}. */
    static AccountGrant grant(DistrictAccount account, StaffUser holder) {
        return account.grant(holder, SUPERINTENDENT, "Runs the account with the principal", null, null, null, TODAY,
                SCHOOL_YEAR_END, NOW);
    }

    static <T> T withId(T entity, Long id) {
        try {
            Field field = entity.getClass().getDeclaredField("id");
            field.setAccessible(true);
            field.set(entity, id);
            return entity;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
