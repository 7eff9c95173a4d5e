package org.district.socialmedia.accounts.control;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import org.district.socialmedia.accounts.control.AccountViews.GrantView;
import org.district.socialmedia.accounts.entity.DistrictAccount;
import org.district.socialmedia.accounts.entity.GrantStatus;
import org.district.socialmedia.it.JavaSeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The registry's projections (JPQL constructor expressions into named records) and who operates an account,
 * run by the real mappings on an H2 database made by the real migrations: one school, one account, one
 * District administrator, one employee operating it.
 */
class RegistryReadsTest {

    private static EntityManagerFactory emf;
    private static EntityManager em;

    @BeforeAll
    static void database() throws SQLException {
        String url = JavaSeUnit.migratedH2("registry");
        try (Connection c = DriverManager.getConnection(url, "sa", "sa"); Statement s = c.createStatement()) {
            s.execute("INSERT INTO org_unit (id, code, name, kind, active, version) VALUES (1, 'HS', 'High School', 'SCHOOL', TRUE, 0)");
            s.execute("INSERT INTO staff_user (id, username, full_name, email, active, created_at, version, unit_id)"
                    + " VALUES (1, 'ann', 'Ann Admin', 'ann@d.org', TRUE, CURRENT_TIMESTAMP, 0, 1)");
            s.execute("INSERT INTO platform (id, name, other_name_required, active, sort_order, version)"
                    + " VALUES (1001, 'Test platform', FALSE, TRUE, 99, 0)");
            s.execute("INSERT INTO district_account (id, platform_id, handle, handle_key, url, unit_id, purpose, registered_email,"
                    + " status, identifies_district, archive_covered, active_admins, created_at, created_by, version, unit_key,"
                    + " attestation_due_on, attestation_overdue_at)"
                    + " VALUES (1, 1001, '@hs', '@hs', 'https://p.example/hs', 1, 'news', 'hs@d.org', 'ACTIVE', TRUE, TRUE, 1,"
                    + " CURRENT_TIMESTAMP, 'ann', 0, 'high school', DATE '2026-01-01', TIMESTAMP WITH TIME ZONE '2026-01-02 00:00:00+00')");
            s.execute("INSERT INTO account_grant (id, account_id, holder_id, granted_by, granted_by_name, granted_as, reason,"
                    + " starts_on, status, created_at, last_reviewed_at, last_reviewed_by, version, ends_key, holder_key)"
                    + " VALUES (7, 1, 1, 'sup', 'Sue Super', 'Superintendent', 'runs it', DATE '2026-01-05', 'ACTIVE',"
                    + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'sup', 0, DATE '9999-12-31', 'ann admin')");
        }
        Map<String, String> props = JavaSeUnit.onH2(url);
        props.put("eclipselink.logging.level", "SEVERE");
        emf = Persistence.createEntityManagerFactory("social-media", props);
        em = emf.createEntityManager();
    }

    @AfterAll
    static void close() {
        em.close();
        emf.close();
    }

    @Test
    void grantViewsReadEveryColumnByName() {
        List<GrantView> views = AccountViews.grantViews(em, List.of(7L, 8L));
        assertEquals(1, views.size(), "a grant that is gone is left out");
        GrantView g = views.get(0);
        assertEquals(7L, g.id());
        assertEquals(1L, g.accountId());
        assertEquals("Test platform @hs", g.account());
        assertEquals("High School", g.unit());
        assertEquals("ann", g.holderUsername());
        assertEquals("Ann Admin", g.holderName());
        assertEquals("Sue Super", g.grantedByName());
        assertEquals("Superintendent", g.grantedAs());
        assertEquals(LocalDate.of(2026, 1, 5), g.startsOn());
        assertEquals(GrantStatus.ACTIVE, g.status());
        assertEquals("sup", g.lastReviewedBy());
        assertFalse(g.flagged());
    }

    @Test
    void complianceCountsPerSchool() {
        List<AccountQueries.UnitCompliance> units = AccountQueries.compliance(em, Instant.now());
        // no identification check yet, no privacy review, one administrator, no operator, checklist due 2026-01-01
        assertEquals(List.of(new AccountQueries.UnitCompliance(1L, "High School", 1, 1, 1, 1, 1, 1, 1)), units);
    }

    @Test
    void directoryAndItsUnits() {
        DirectoryEntry entry = new DirectoryEntry("Test platform", "@hs", "https://p.example/hs", "High School");
        assertEquals(List.of(entry), AccountQueries.directory(em, null).getResultList());
        assertEquals(List.of(entry), AccountQueries.directory(em, 1L).getResultList());
        assertEquals(List.of(new DirectoryUnits.Unit(1L, "HS", "High School", 1)), AccountQueries.directoryUnits(em));
    }

    @Test
    void anAdministratorOperatesTheAccountsTheyHoldRightsOn() {
        DistrictAccount account = em.find(DistrictAccount.class, 1L);
        assertEquals(true, WhoOperates.administers(em, "ann", account));
        assertEquals(false, WhoOperates.operates(em, "ann", account));
        assertEquals(List.of(account), WhoOperates.inUseBy(em, "ann"));
        assertEquals(List.of(), WhoOperates.inUseBy(em, "bob"));
        // no operator: the administrators take posts down
        assertEquals(Set.of("ann"), WhoOperates.peopleOf(em, 1L));
        assertEquals(Map.of(), AccountQueries.activeOperatorCounts(em, List.of(1L)));
    }
}
