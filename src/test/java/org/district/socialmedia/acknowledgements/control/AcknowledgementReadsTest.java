package org.district.socialmedia.acknowledgements.control;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import org.district.socialmedia.acknowledgements.entity.AckChannel;
import org.district.socialmedia.acknowledgements.entity.AckLink;
import org.district.socialmedia.acknowledgements.entity.AckPlan;
import org.district.socialmedia.acknowledgements.entity.AckStage;
import org.district.socialmedia.acknowledgements.entity.Campaign;
import org.district.socialmedia.acknowledgements.entity.CoverageDeltas;
import org.district.socialmedia.acknowledgements.entity.Obligation;
import org.district.socialmedia.acknowledgements.boundary.AcknowledgementService;
import org.district.socialmedia.it.JavaSeUnit;
import org.district.socialmedia.platform.control.DistrictTime;
import org.district.socialmedia.policy.control.PolicyVersions;
import org.district.socialmedia.policy.entity.PolicyDocument;
import org.district.socialmedia.policy.entity.PolicyVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The campaign's enrollment in one statement, the timer's due query, the stage key and the coverage report,
 * run by the real mappings and queries on an H2 database made by the real migrations: two schools, four
 * staff members (one inactive, one without a school).
 */
class AcknowledgementReadsTest {

    private static final Instant START = Instant.parse("2026-09-01T15:00:00Z");
    private static EntityManagerFactory emf;
    private static EntityManager em;

    @BeforeAll
    static void database() throws SQLException {
        String url = JavaSeUnit.migratedH2("acks");
        try (Connection c = DriverManager.getConnection(url, "sa", "sa"); Statement s = c.createStatement()) {
            s.execute("INSERT INTO org_unit (id, code, name, kind, active, version) VALUES (1, 'HS', 'High School', 'SCHOOL', TRUE, 0)");
            s.execute("INSERT INTO org_unit (id, code, name, kind, active, version) VALUES (2, 'ES', 'Elementary', 'SCHOOL', TRUE, 0)");
            String staff = "INSERT INTO staff_user (id, username, full_name, email, active, created_at, version, unit_id) VALUES ";
            s.execute(staff + "(1, 'ann', 'Ann A', 'ann@d.org', TRUE, CURRENT_TIMESTAMP, 0, 1)");
            s.execute(staff + "(2, 'bob', '=Bob B', 'bob@d.org', TRUE, CURRENT_TIMESTAMP, 0, 1)");
            s.execute(staff + "(3, 'cat', 'Cat C', 'cat@d.org', TRUE, CURRENT_TIMESTAMP, 0, NULL)");
            s.execute(staff + "(4, 'dan', 'Dan D', 'dan@d.org', FALSE, CURRENT_TIMESTAMP, 0, 2)");
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

    private static AckWorker worker(Instant now) {
        AckWorker worker = new AckWorker();
        worker.em = em;
        worker.clock = Clock.fixed(now, ZoneOffset.UTC);
        worker.tally = tally();
        return worker;
    }

    /** Sets a bean's injected field in another package, as the container would. */
    private static <T> T inject(T bean, String field, Object value) {
        try {
            Field f = bean.getClass().getDeclaredField(field);
            f.setAccessible(true);
            f.set(bean, value);
            return bean;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static CoverageTally tally() {
        CoverageTally tally = new CoverageTally();
        tally.em = em;
        return tally;
    }

    private static CoverageQueries queries(Instant now) {
        CoverageQueries q = new CoverageQueries();
        q.em = em;
        q.clock = Clock.fixed(now, ZoneOffset.UTC);
        return q;
    }

    @Test
    void aCampaignEnrollsEveryActiveStaffMemberOnceAndItsCoverageIsReadPerSchool() {
        em.getTransaction().begin();
        PolicyVersion seeded = em.find(PolicyVersion.class, 1L);
        assertEquals("Adopted May 11, 2023", seeded.getLabel(), "version 1 comes from the migration");
        Campaign campaign = Campaign.byHand(seeded.getId(), START, "sup", "School year", Duration.ofDays(14), "P7D,P2D");
        em.persist(campaign);
        em.flush();
        assertEquals(3, worker(START).enroll(campaign), "the three active staff members");
        assertEquals(0, worker(START.plusSeconds(60)).enroll(campaign), "nobody twice");
        em.getTransaction().commit();
        em.clear();

        List<AckWorker.Due> due = worker(START).due(10);
        assertEquals(3, due.size(), "each one's notice is due at once");
        assertTrue(due.contains(new AckWorker.Due(campaign.getId(), 1L)));

        em.getTransaction().begin();
        Obligation ann = em.find(Obligation.class, new Obligation.Key(campaign.getId(), 1L));
        assertEquals(START.plus(Duration.ofDays(14)), ann.getDueAt());
        assertEquals("ann", ann.getStaff().getUsername());
        em.persist(new AckStage(campaign.getId(), 1L, campaign.planFor(START).stages().get(0), START, "ann"));
        AckLink.Issued link = AckLink.issue(campaign.getId(), 1L, ann.getDueAt());
        em.persist(link.link());
        ann.acknowledge(START.plus(Duration.ofDays(1)), seeded.getBodySha256(), AckChannel.PORTAL);
        tally().apply(CoverageDeltas.acknowledged(campaign.getId(), 1L, ann.getDueAt()));
        assertEquals(List.of(), tally().differences(), "the tally after the start and an acknowledgement");
        em.getTransaction().commit();
        em.clear();
        assertEquals(1L, em.find(AckLink.class, AckLink.hash(link.token())).getStaffId(), "found by the token's hash");

        em.getTransaction().begin();
        em.persist(new AckStage(campaign.getId(), 1L, campaign.planFor(START).stages().get(0), START.plusSeconds(5), "ann"));
        assertThrows(RuntimeException.class, em::flush, "a stage twice: the key refuses it");
        em.getTransaction().rollback();
        em.clear();

        CoverageQueries q = queries(START.plus(Duration.ofDays(15)));
        assertEquals(campaign.getId(), q.latest().orElseThrow().getId());
        List<CoverageQueries.UnitCoverage> units = q.byUnit(campaign.getId());
        assertEquals(2, units.size(), "the high school and nobody's school; the inactive staff member's school not at all: " + units);
        CoverageQueries.UnitCoverage hs = units.stream().filter(u -> Long.valueOf(1L).equals(u.unitId())).findFirst().orElseThrow();
        assertEquals(2, hs.total());
        assertEquals(1, hs.done());
        assertEquals(1, hs.outstanding());
        assertEquals(1, hs.overdue());
        assertEquals(0.5, hs.share());
        List<CoverageQueries.Person> people = q.people(campaign.getId(), 1L, false).toList();
        assertEquals(List.of("bob", "ann"), people.stream().map(CoverageQueries.Person::username).toList(), "outstanding first");
        assertTrue(people.get(0).overdue());
        assertEquals(List.of("bob"), q.outstanding(campaign.getId(), 1L, 0, 10).stream().map(CoverageQueries.Person::username).toList());
        assertEquals(List.of(), q.outstanding(campaign.getId(), 1L, 1, 10), "the second page");
        assertEquals(List.of(), q.outstanding(campaign.getId(), 2L, 0, 10), "the inactive staff member is nobody's outstanding");
        assertEquals(List.of("bob", "cat"), q.people(campaign.getId(), null, true).map(CoverageQueries.Person::username).sorted().toList());
        assertEquals(0, queries(START).byUnit(campaign.getId()).stream().mapToLong(CoverageQueries.UnitCoverage::overdue).sum(),
                "nobody overdue before the end");

        // the tally's recount: a row changed behind its back is named, and a rebuild puts it right
        em.getTransaction().begin();
        em.createNativeQuery("UPDATE ack_coverage_tally SET done = done + 5 WHERE campaign_id = ?1 AND unit_key = 1")
                .setParameter(1, campaign.getId()).executeUpdate();
        List<String> differences = tally().differences();
        assertEquals(1, differences.size(), differences.toString());
        assertTrue(differences.get(0).contains("unit 1") && differences.get(0).contains("stored 2 owed / 6 done, recounted 2 / 1"),
                differences.get(0));
        assertEquals(1, tally().rebuild());
        assertEquals(List.of(), tally().differences());
        // bob leaves the high school for nobody's school, then is deactivated: the tally follows, and agrees
        tally().apply(CoverageDeltas.moving(tally().owedBy(2L), 1L, null));
        em.createNativeQuery("UPDATE staff_user SET unit_id = NULL WHERE id = 2").executeUpdate();
        assertEquals(List.of(), tally().differences(), "after a move");
        tally().apply(CoverageDeltas.leaving(tally().owedBy(2L), null));
        em.createNativeQuery("UPDATE staff_user SET active = FALSE WHERE id = 2").executeUpdate();
        assertEquals(List.of(), tally().differences(), "after a deactivation");
        em.getTransaction().rollback();
        em.clear();

        // the banner's one query
        AcknowledgementService service = inject(new AcknowledgementService(), "em", em);
        AcknowledgementService.Pending bob = service.pending("bob");
        assertEquals(seeded.getId(), bob.versionId());
        assertEquals(campaign.getId(), bob.campaignId());
        assertNull(service.pending("ann"), "acknowledged: no banner");
        assertNull(service.pending("dan"), "inactive when the campaign started: not enrolled");
        // the employee's home count: what the banner asks, counted
        assertEquals(1, AcknowledgementService.Counts.countDue(em, "bob"));
        assertEquals(0, AcknowledgementService.Counts.countDue(em, "ann"), "acknowledged");
        assertEquals(0, AcknowledgementService.Counts.countDue(em, "dan"), "not enrolled");

        // the policy's version in force and the next number
        PolicyVersions versions = inject(inject(inject(new PolicyVersions(), "em", em), "clock", Clock.fixed(START, ZoneOffset.UTC)),
                "districtTime", new DistrictTime() {
                    public ZoneId timeZone() { return ZoneId.of("America/Los_Angeles"); }
                    public Duration sweepInterval() { return Duration.ofMinutes(1); }
                });
        assertEquals(seeded.getId(), versions.inForce(PolicyDocument.BOARD_POLICY).orElseThrow().getId());
        assertTrue(versions.inForce(PolicyDocument.SUPERINTENDENT_GUIDELINES).isEmpty());
        assertEquals(2, versions.nextNumber(PolicyDocument.BOARD_POLICY));
        assertEquals(1, versions.nextNumber(PolicyDocument.SUPERINTENDENT_GUIDELINES));
    }
}
