package org.district.socialmedia.bench;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import jakarta.persistence.metamodel.EntityType;
import org.district.socialmedia.accounts.entity.AccountGrant;
import org.district.socialmedia.accounts.entity.AccountStatus;
import org.district.socialmedia.accounts.entity.AttestationPlan;
import org.district.socialmedia.accounts.entity.DistrictAccount;
import org.district.socialmedia.accounts.entity.GrantStatus;
import org.district.socialmedia.audit.control.AuditChain;
import org.district.socialmedia.audit.control.JavaSeAuditChain;
import org.district.socialmedia.consent.entity.ConsentForm;
import org.district.socialmedia.consent.entity.ConsentStatus;
import org.district.socialmedia.it.JavaSeUnit;
import org.district.socialmedia.people.control.PasswordHasher;
import org.district.socialmedia.people.entity.StaffUser;
import org.district.socialmedia.platform.entity.Role;
import org.district.socialmedia.requests.entity.Authorization;
import org.district.socialmedia.requests.entity.AuthorizationStatus;
import org.district.socialmedia.requests.boundary.ReviewService;
import org.district.socialmedia.requests.control.RequestAgeTally;
import org.district.socialmedia.requests.control.RequestDeadlineTally;
import org.district.socialmedia.requests.control.RequestStatusTally;
import org.district.socialmedia.requests.entity.RequestLine;
import org.district.socialmedia.requests.entity.RequestOutcome;
import org.district.socialmedia.requests.entity.RequestStatus;
import org.district.socialmedia.requests.entity.SocialMediaRequest;
import org.district.socialmedia.settings.entity.AuthorizationTerm;
import org.district.socialmedia.settings.entity.DistrictSettings;
import org.district.socialmedia.settings.entity.EscalationPlan;
import org.district.socialmedia.students.entity.Enrollment;
import org.glassfish.soteria.identitystores.hash.Pbkdf2PasswordHashImpl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The district data generator at a tiny scale (0.001: 150 staff, 1,100 students, 5,000 forms, 10,000 audit
 * rows) into in-memory H2 databases made by the real migrations: the counts follow the scale, the same
 * seed gives the same rows, the application's own code reads every row and finds its rules kept, and the
 * audit chain verifies.
 */
class DistrictDataGeneratorTest {

    private static final double SCALE = 0.001;
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
    private static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");
    private static final Instant NOW = TODAY.atStartOfDay(ZONE).toInstant();
    private static final DistrictDataGenerator.Plan PLAN = new DistrictDataGenerator.Plan(SCALE, 42, TODAY, "demo");
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    private static String url;
    private static Connection sql;
    private static EntityManagerFactory emf;
    private static EntityManager em;

    @BeforeAll
    static void generate() throws Exception {
        url = newDatabase();
        DistrictDataGenerator.run(url, "sa", "sa", PLAN, QUIET);
        sql = DriverManager.getConnection(url, "sa", "sa");
        Map<String, String> props = JavaSeUnit.onH2(url);
        props.put("eclipselink.logging.level", "SEVERE");
        emf = Persistence.createEntityManagerFactory("social-media", props);
        em = emf.createEntityManager();
    }

    @AfterAll
    static void close() throws SQLException {
        em.close();
        emf.close();
        sql.close();
    }

    private static String newDatabase() {
        return "jdbc:h2:mem:gen-" + UUID.randomUUID() + ";MODE=LEGACY;DB_CLOSE_DELAY=-1";
    }

    private static long count(String query) throws SQLException {
        try (Statement s = sql.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void eachTargetCountIsTheScaleTimesTheDistrictsRounded() throws SQLException {
        // the six units are the minimum (the demo users' three schools and three departments)
        Map<String, Long> expected = Map.of("org_unit", 6L, "staff_user", 150L, "student", 1_100L, "consent_form", 5_000L,
                "sm_request", 500L, "district_account", 100L, "account_grant", 1_000L, "audit_entry", 10_000L, "audit_seal", 10_000L);
        for (Map.Entry<String, Long> e : expected.entrySet()) {
            assertEquals(e.getValue(), count("SELECT COUNT(*) FROM " + e.getKey()), e.getKey());
        }
        assertEquals(Math.round(150_000 * SCALE), PLAN.staff());
        assertEquals(Math.round(10_000_000 * SCALE), PLAN.auditRows());
        assertTrue(count("SELECT COUNT(*) FROM guardian") > count("SELECT COUNT(*) FROM student"), "students have one or two guardians");
    }

    @Test
    void theSameSeedGivesTheSameRowsAndAnotherSeedOthers() throws Exception {
        // at the smallest sizes (each table's minimum), three databases in a few seconds
        DistrictDataGenerator.Plan tiny = new DistrictDataGenerator.Plan(0.0001, 42, TODAY, "demo");
        String[] urls = {newDatabase(), newDatabase(), newDatabase()};
        DistrictDataGenerator.run(urls[0], "sa", "sa", tiny, QUIET);
        DistrictDataGenerator.run(urls[1], "sa", "sa", tiny, QUIET);
        DistrictDataGenerator.run(urls[2], "sa", "sa", new DistrictDataGenerator.Plan(0.0001, 43, TODAY, "demo"), QUIET);
        try (Connection a = DriverManager.getConnection(urls[0], "sa", "sa"); Connection b = DriverManager.getConnection(urls[1], "sa", "sa");
             Connection other = DriverManager.getConnection(urls[2], "sa", "sa")) {
            assertEquals(checksum(a), checksum(b));
            assertNotEquals(checksum(a), checksum(other));
        }
    }

    /**
     * SHA-256 over selected tables in id order. password_hash is left out: the hash has a random salt.
     * audit_seal's hashes cover every audit row.
     */
    private static String checksum(Connection c) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (String table : List.of("org_unit", "staff_user", "staff_user_role", "district_account", "account_grant", "rights_notice",
                "sm_request", "sm_request_line", "sm_review_cycle", "sm_authorization", "account_operator", "escalation_event",
                "student", "guardian", "student_guardian", "enrollment", "consent_form", "consent_revocation", "audit_seal",
                "audit_chain", "directory_version")) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table + " ORDER BY 1, 2")) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        if (!meta.getColumnName(i).equalsIgnoreCase("password_hash")) {
                            sha.update(String.valueOf(rs.getObject(i)).getBytes(StandardCharsets.UTF_8));
                            sha.update((byte) 0);
                        }
                    }
                }
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    @Test
    void theDirectoryVersionHasMovedOnFromTheMigrationsAtTheDistrictsNow() throws SQLException {
        assertEquals(1, count("SELECT COUNT(*) FROM directory_version"));
        assertEquals(2, count("SELECT version FROM directory_version WHERE id = 1"), "the migration's 1, raised once for the accounts");
        assertEquals(1, count("SELECT COUNT(*) FROM directory_version WHERE changed_at = TIMESTAMP WITH TIME ZONE '" + NOW + "'"));
    }

    @Test
    void theAuditChainVerifiesWithTheApplicationsOwnChecksAndNothingIsLeftToSeal() throws SQLException {
        AuditChain.Verification v = JavaSeAuditChain.on(em).verify();
        assertTrue(v.valid(), v.toString());
        assertEquals(10_000, v.checkedRows());
        assertEquals(0, v.unsealedRows());
        assertNull(JavaSeAuditChain.checkWithJdbc(sql).broken());
        em.getTransaction().begin();
        assertEquals(0, JavaSeAuditChain.on(em).sealBatch(), "the sealer finds nothing to catch up on");
        em.getTransaction().commit();
    }

    @Test
    void everyStateTheApplicationKnowsIsThere() throws SQLException {
        assertEquals(names(RequestStatus.values()), values("SELECT DISTINCT status FROM sm_request"));
        assertEquals(names(ConsentStatus.values()), values("SELECT DISTINCT status FROM consent_form"));
        assertEquals(names(GrantStatus.values()), values("SELECT DISTINCT status FROM account_grant"));
        assertEquals(names(AccountStatus.values()), values("SELECT DISTINCT status FROM district_account"));
        assertEquals(Set.of("ALL", "ACCOUNTS", "PLATFORMS"), values("SELECT DISTINCT channel FROM consent_form"));
        assertTrue(count("SELECT COUNT(*) FROM consent_revocation r JOIN consent_form f ON f.id = r.form_id WHERE f.status = 'ACTIVE'") > 0,
                "forms in force with part of their scope revoked");
        assertTrue(count("SELECT COUNT(*) FROM sm_request WHERE next_escalation_at <= " + "TIMESTAMP WITH TIME ZONE '"
                + NOW + "'") > 0, "requests due for the escalation sweep");
        assertTrue(count("SELECT COUNT(*) FROM account_grant WHERE status = 'ACTIVE' AND ends_on <= DATE '" + TODAY.plusDays(30) + "'") > 0,
                "rights expiring within 30 days");
        // the takedowns report's facts: tasks of revocations, done after they were made, each with its assignee
        assertTrue(count("SELECT COUNT(*) FROM takedown_task WHERE status = 'DONE' AND done_at > created_at") > 0, "takedowns done");
        assertEquals(0, count("SELECT COUNT(*) FROM takedown_task WHERE (status = 'DONE') <> (done_at IS NOT NULL)"));
        assertEquals(0, count("SELECT COUNT(*) FROM takedown_task t WHERE NOT EXISTS (SELECT 1 FROM takedown_task_assignee a"
                + " WHERE a.task_id = t.id) OR NOT EXISTS (SELECT 1 FROM consent_revocation r WHERE r.id = t.revocation_id AND r.form_id = t.form_id)"));
    }

    private static Set<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.toSet());
    }

    private static Set<String> values(String query) throws SQLException {
        Set<String> values = new HashSet<>();
        try (Statement s = sql.createStatement(); ResultSet rs = s.executeQuery(query)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    @Test
    void theOpenRequestsPerStatusTallyAgreesWithTheRows() throws SQLException {
        for (RequestStatus status : RequestStatusTally.COUNTED) {
            assertEquals(count("SELECT COUNT(*) FROM sm_request WHERE status = '" + status + "'"),
                    count("SELECT requests FROM request_status_tally WHERE status = '" + status + "'"), status.name());
        }
    }

    @Test
    void theDeadlineTallyCountsTheSubmittedRequestsDueInTheNextTwoDaysAsTheQueueDoes() throws SQLException {
        Instant now = Instant.now();
        long listed = em.createQuery("SELECT COUNT(r.id) FROM SocialMediaRequest r WHERE r.status = :submitted"
                        + " AND r.queueKey > :now AND r.queueKey <= :soon", Long.class).setParameter("submitted", RequestStatus.SUBMITTED)
                .setParameter("now", now).setParameter("soon", now.plus(ReviewService.DUE_SOON)).getSingleResult();
        assertEquals(listed, RequestDeadlineTally.submittedDue(em, now, now.plus(ReviewService.DUE_SOON)));
        assertEquals(count("SELECT COUNT(*) FROM sm_request WHERE status = 'SUBMITTED'"),
                count("SELECT SUM(requests) FROM request_deadline_tally WHERE slot >= 0"));
    }

    @Test
    void theAgeTallyCountsTheOpenRequestsSubmittedAfterEachBandsStartAsTheRowsDo() throws SQLException {
        Instant now = Instant.now();
        List<Instant> since = List.of(now.minus(Duration.ofDays(3)), now.minus(Duration.ofDays(8)), now.minus(Duration.ofDays(15)));
        long[] counted = new long[since.size()];
        for (int i = 0; i < counted.length; i++) {
            counted[i] = em.createQuery("SELECT COUNT(r.id) FROM SocialMediaRequest r WHERE r.status IN :open AND r.submittedAt > :since",
                    Long.class).setParameter("open", RequestStatusTally.COUNTED).setParameter("since", since.get(i)).getSingleResult();
        }
        assertArrayEquals(counted, RequestAgeTally.openSubmittedAfter(em, since));
        assertEquals(count("SELECT COUNT(*) FROM sm_request WHERE status IN ('SUBMITTED', 'INFO_REQUESTED', 'OVERDUE')"),
                count("SELECT SUM(requests) FROM request_age_tally WHERE status <> 'GUARD'"));
    }

    @Test
    void theSignInUsersExistWithTheirRolesAndTheirPasswordWorks() {
        PasswordHasher hasher = new PasswordHasher(new Pbkdf2PasswordHashImpl());
        for (DistrictDataGenerator.DemoUser demo : DistrictDataGenerator.DEMO_USERS) {
            StaffUser user = em.createNamedQuery(StaffUser.BY_USERNAME, StaffUser.class).setParameter("username", demo.username())
                    .getSingleResult();
            assertTrue(user.isActive(), demo.username());
            assertEquals(demo.roles(), user.getRoles(), demo.username());
            assertTrue(hasher.verify("demo".toCharArray(), user.getPasswordHash()), demo.username());
        }
        StaffUser any = em.find(StaffUser.class, 100L);
        assertFalse(hasher.verify("wrong".toCharArray(), any.getPasswordHash()));
    }

    @Test
    void theApplicationReadsEveryRowOfEveryEntity() {
        for (EntityType<?> type : em.getMetamodel().getEntities()) {
            em.clear();
            // a value the mapping cannot read (an unknown enum name, a null in a primitive) fails here
            em.createQuery("SELECT e FROM " + type.getName() + " e", type.getJavaType()).getResultList();
        }
    }

    @Test
    void theRowsKeepTheRulesTheEntitiesKeep() throws SQLException {
        em.clear();
        Set<Long> noticeDone = new HashSet<>(em.createQuery("SELECT n.subjectId FROM RightsNotice n WHERE n.subject = 'GRANT' "
                + "AND n.stage = :stage", Long.class).setParameter("stage", AccountGrant.STAGE_NOTICE).getResultList());
        assertEquals(0, count("SELECT COUNT(*) FROM account_grant WHERE ends_key <> COALESCE(ends_on, DATE '"
                + AccountGrant.OPEN_ENDED_KEY + "')"), "ends_key");
        assertEquals(0, count("SELECT COUNT(*) FROM account_grant g WHERE g.holder_key <> "
                + "(SELECT LOWER(u.full_name) FROM staff_user u WHERE u.id = g.holder_id)"), "holder_key");
        assertEquals(0, count("SELECT COUNT(*) FROM district_account a WHERE active_admins <> "
                + "(SELECT COUNT(*) FROM account_grant g WHERE g.account_id = a.id AND g.status = 'ACTIVE')"), "active_admins");
        for (AccountGrant g : em.createQuery("SELECT g FROM AccountGrant g", AccountGrant.class).getResultList()) {
            if (g.getStatus() == GrantStatus.ACTIVE) {
                assertTrue(g.isInForceOn(TODAY), g.toString());
                assertEquals(g.nextCheck(ZONE, 14, noticeDone.contains(g.getId())), g.getNextCheckAt(), "the rights timer's schedule of " + g);
            } else {
                assertNull(g.getNextCheckAt());
            }
        }
        Map<Long, String[]> keys = new java.util.HashMap<>();
        try (Statement s = sql.createStatement(); ResultSet rs = s.executeQuery("SELECT id, handle_key, unit_key FROM district_account")) {
            while (rs.next()) {
                keys.put(rs.getLong(1), new String[]{rs.getString(2), rs.getString(3)});
            }
        }
        for (DistrictAccount a : em.createQuery("SELECT a FROM DistrictAccount a", DistrictAccount.class).getResultList()) {
            assertEquals(DistrictAccount.handleKey(a.getHandle()), keys.get(a.getId())[0]);
            assertEquals(DistrictAccount.unitKey(a.getUnit()), keys.get(a.getId())[1]);
        }
        for (ConsentForm f : em.createQuery("SELECT f FROM ConsentForm f", ConsentForm.class).getResultList()) {
            switch (f.getStatus()) {
                case ACTIVE -> assertTrue(!f.itemsAfterRevocations(null).isEmpty() && !f.getPeriodEnd().isBefore(TODAY), f.toString());
                case REVOKED -> assertTrue(f.itemsAfterRevocations(null).isEmpty(), f.toString());
                case EXPIRED -> assertTrue(f.getPeriodEnd().isBefore(TODAY), f.toString());
            }
            assertFalse(f.getSignedOn().isAfter(TODAY));
        }
        int due = 0;
        for (SocialMediaRequest r : em.createQuery("SELECT r FROM SocialMediaRequest r", SocialMediaRequest.class).getResultList()) {
            assertFalse(r.getLines().isEmpty());
            if (r.getStatus() == RequestStatus.DECIDED) {
                assertEquals(RequestOutcome.derive(r.getLines().stream().map(RequestLine::getOutcome).toList()), r.getOutcome());
            }
            if (r.getStatus().isAwaitingReviewer()) {
                assertTrue(r.currentCycle().isRunning());
                assertEquals(r.getDeadline(), r.currentCycle().getDeadline());
                EscalationPlan plan = new EscalationPlan(r.getDeadline(), EscalationPlan.parseReminders(r.getRemindersBefore()),
                        r.getOverdueRepeat());
                if (r.getNextEscalationAt().isAfter(NOW)) {
                    assertEquals(plan.nextAfter(NOW), r.getNextEscalationAt(), "the sweep's next look at " + r);
                } else {
                    due++;
                }
            } else {
                assertNull(r.getNextEscalationAt());
            }
            assertEquals(r.getReviewCycle(), r.getCycles().size());
        }
        assertTrue(due > 0);
    }

    @Test
    void everyAuthorizationHasTheTermTheApplicationGivesItAndActiveOnesTheirReminderScheduled() {
        em.clear();
        DistrictSettings settings = DistrictDataGenerator.settings();
        AuthorizationTerm term = settings.rights().authorizationTerm();
        int active = 0;
        int revoked = 0;
        for (Authorization a : em.createQuery("SELECT a FROM Authorization a", Authorization.class).getResultList()) {
            LocalDate grantedOn = a.getGrantedAt().atZone(ZONE).toLocalDate();
            assertNotNull(a.getEndsOn(), "every authorization has a last day since V55: " + a);
            assertTrue(a.getEndsOn().isAfter(grantedOn), a.toString());
            if (a.getStatus() == AuthorizationStatus.ACTIVE) {
                active++;
                assertEquals(term.endForExisting(grantedOn, TODAY, settings.rights().schoolYearEnd()), a.getEndsOn(), a.toString());
                assertTrue(a.getEndsOn().isAfter(TODAY.plusDays(AuthorizationTerm.REMINDER_DAYS)), "still active, reminded ahead: " + a);
                assertEquals(AuthorizationTerm.remindAt(a.getEndsOn(), ZONE).toInstant(), a.getNextTermAt(), "the term timer's next look at " + a);
                if (term.equals(AuthorizationTerm.DEFAULT)) {
                    assertEquals(settings.rights().schoolYearEnd(), MonthDay.from(a.getEndsOn()), "by default the school year's end: " + a);
                }
            } else {
                revoked++;
                assertEquals(term.endFor(grantedOn, settings.rights().schoolYearEnd()), a.getEndsOn(), a.toString());
                assertNull(a.getNextTermAt(), "a revoked authorization's term is not looked at: " + a);
            }
        }
        assertTrue(active > 0 && revoked > 0, active + " active, " + revoked + " revoked");
    }

    @Test
    void everyAccountHasItsYearlyChecklistDueWithTheRightsTimersNextLookAndSomeAreOverdue() {
        em.clear();
        int overdue = 0;
        for (DistrictAccount a : em.createQuery("SELECT a FROM DistrictAccount a", DistrictAccount.class).getResultList()) {
            assertNotNull(a.getAttestationDueOn(), a.toString());
            assertEquals(AttestationPlan.overdueAt(a.getAttestationDueOn(), ZONE), a.getAttestationOverdueAt(), a.toString());
            if (a.getAttestationDueOn().isBefore(TODAY)) {
                overdue++;
                assertNull(a.getAttestationNextCheckAt(), "an overdue checklist's notice went out: nothing to look at " + a);
            } else {
                assertNotNull(a.getAttestationNextCheckAt(), "the rights timer looks at it before it is due: " + a);
            }
        }
        assertTrue(overdue > 0, "some checklists overdue, for the reports");
    }

    @Test
    void theClerksSchoolHasClassesOf35WithFormsAndTheSuperintendentAQueue() {
        Long wes = em.createQuery("SELECT u.id FROM OrgUnit u WHERE u.code = 'WES'", Long.class).getSingleResult();
        Long firstClass = em.createQuery("SELECT MIN(c.id) FROM SchoolClass c WHERE c.school.id = :school", Long.class)
                .setParameter("school", wes).getSingleResult();
        List<Enrollment> roster = em.createNamedQuery(Enrollment.ROSTER, Enrollment.class).setParameter("classId", firstClass)
                .setParameter("day", TODAY).getResultList();
        assertEquals(DistrictDataGenerator.CLASS_SIZE, roster.size());
        List<ConsentForm> forms = em.createNamedQuery(ConsentForm.FOR_STUDENTS, ConsentForm.class)
                .setParameter("studentIds", roster.stream().map(e -> e.getStudent().getId()).toList()).getResultList();
        assertTrue(forms.stream().anyMatch(f -> f.getStatus() == ConsentStatus.ACTIVE));
        assertFalse(em.createNamedQuery(SocialMediaRequest.IN_STATUSES_BY_DEADLINE, SocialMediaRequest.class)
                .setParameter("statuses", EnumSet.of(RequestStatus.SUBMITTED, RequestStatus.OVERDUE)).setMaxResults(25).getResultList()
                .isEmpty());
        assertTrue(em.createNamedQuery(SocialMediaRequest.BY_REQUESTER, SocialMediaRequest.class).setParameter("username", "employee1")
                .getResultList().size() >= RequestStatus.values().length);
        assertTrue(em.createQuery("SELECT COUNT(g) FROM AccountGrant g WHERE g.holder.username = 'siteadmin' AND g.status = :s", Long.class)
                .setParameter("s", GrantStatus.ACTIVE).getSingleResult() > 0);
        assertTrue(em.createQuery("SELECT COUNT(s) FROM StaffUser s WHERE :role MEMBER OF s.roles", Long.class)
                .setParameter("role", Role.SITE_ADMIN).getSingleResult() > 1);
    }

    @Test
    void aDatabaseThatIsNotEmptyIsRefused() {
        Exception e = assertThrows(IllegalStateException.class, () -> DistrictDataGenerator.run(url, "sa", "sa", PLAN, QUIET));
        assertTrue(e.getMessage().contains("is not empty"), e.getMessage());
    }

}
