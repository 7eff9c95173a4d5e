package org.district.socialmedia.oversight;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import org.district.socialmedia.accounts.entity.AccountGrant;
import org.district.socialmedia.accounts.entity.AccountStatus;
import org.district.socialmedia.accounts.entity.DistrictAccount;
import org.district.socialmedia.accounts.entity.GrantStatus;
import org.district.socialmedia.consent.entity.ConsentForm;
import org.district.socialmedia.consent.entity.ConsentItem;
import org.district.socialmedia.consent.entity.ConsentStatus;
import org.district.socialmedia.it.Api;
import org.district.socialmedia.it.Deployments;
import org.district.socialmedia.it.JsonBodies;
import org.district.socialmedia.it.TestTransactions;
import org.district.socialmedia.notifications.entity.OutboxMessage;
import org.district.socialmedia.oversight.control.AccountReports;
import org.district.socialmedia.oversight.control.BoardReportSweep;
import org.district.socialmedia.oversight.control.BoardReportWorker;
import org.district.socialmedia.oversight.control.ConsentReports;
import org.district.socialmedia.oversight.control.RequestReports;
import org.district.socialmedia.oversight.entity.AccountFigures;
import org.district.socialmedia.oversight.entity.ConsentCoverage;
import org.district.socialmedia.oversight.entity.ReportPeriod;
import org.district.socialmedia.oversight.entity.RequestFigures;
import org.district.socialmedia.platform.control.DistrictTime;
import org.district.socialmedia.requests.entity.CycleEnd;
import org.district.socialmedia.requests.entity.ReviewCycle;
import org.district.socialmedia.students.entity.Enrollment;
import org.district.socialmedia.students.entity.Student;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The oversight reports on the real WAR with the demo data: each figure computed again here, independently,
 * from the rows (in the container); the API's contract and role checks, the Board report PDF, and the
 * monthly timer's exactly-once mail (as a client).
 */
@ExtendWith(ArquillianExtension.class)
class ReportsIT {

    /** The demo District's zone (DISTRICT_TIME_ZONE's default), for the tests that run as a client. */
    private static final ZoneId DISTRICT = ZoneId.of("America/Los_Angeles");
    private static final String[] REPORTS = {"/api/reports/requests", "/api/reports/consent-coverage", "/api/reports/accounts",
            "/api/reports/takedowns"};

    @Deployment
    static WebArchive deployment() {
        return Deployments.inContainer();
    }

    @Inject
    RequestReports requestReports;
    @Inject
    AccountReports accountReports;
    @Inject
    ConsentReports consentReports;
    @Inject
    BoardReportSweep boardReportSweep;
    @Inject
    BoardReportWorker boardReportWorker;
    @Inject
    TestTransactions tx;
    @Inject
    DistrictTime districtTime;
    @Inject
    Clock clock;

    // ------------------------------------------------------------------ in the container: the figures, recomputed

    @Test
    void requestFiguresAgreeWithTheReviewCyclesCountedOneByOne() {
        LocalDate today = LocalDate.now(clock.withZone(districtTime.timeZone()));
        ReportPeriod period = new ReportPeriod(today.minusDays(90), today, districtTime.timeZone());
        RequestFigures figures = requestReports.figures(period, null, clock.instant());

        List<ReviewCycle> cycles = tx.inNewTransaction(em -> em.createQuery("SELECT c FROM ReviewCycle c", ReviewCycle.class).getResultList());
        List<Long> seconds = new ArrayList<>();
        long late = 0;
        Map<YearMonth, Long> perMonth = new HashMap<>();
        for (ReviewCycle c : cycles) {
            boolean response = c.getEndReason() == CycleEnd.DECIDED || c.getEndReason() == CycleEnd.INFO_REQUESTED;
            if (!response || c.getEndedAt().isBefore(period.start()) || !c.getEndedAt().isBefore(period.end())) {
                continue;
            }
            seconds.add(Duration.between(c.getStartedAt(), c.getEndedAt()).getSeconds());
            late += c.getEndedAt().compareTo(c.getDeadline()) > 0 ? 1 : 0;
            perMonth.merge(YearMonth.from(c.getEndedAt().atZone(districtTime.timeZone())), 1L, Long::sum);
        }
        assertTrue(seconds.size() >= 3, "the demo data holds at least three responses: " + seconds);
        assertEquals(seconds.size(), figures.answered());
        assertEquals(late, figures.late());
        seconds.sort(null);
        int n = seconds.size();
        double median = n % 2 == 1 ? seconds.get(n / 2) : (seconds.get(n / 2 - 1) + seconds.get(n / 2)) / 2.0;
        assertEquals(Math.round(median / 360.0) / 10.0, figures.medianHours(), 0.051);
        assertEquals(Math.round(seconds.get((int) Math.ceil(0.9 * n) - 1) / 360.0) / 10.0, figures.p90Hours(), 0.051);
        for (RequestFigures.MonthFigures m : figures.byMonth()) {
            assertEquals(perMonth.getOrDefault(YearMonth.parse(m.month()), 0L), m.answered(), m.month());
        }
        assertEquals(figures.answered(), figures.outcomes().stream().mapToLong(RequestFigures.Count::count).sum());
        assertEquals(figures.answered(), figures.byReviewer().stream().mapToLong(RequestFigures.ReviewerFigures::answered).sum());
    }

    @Test
    void accountFiguresAgreeWithTheRegistryCountedOneByOne() {
        LocalDate today = LocalDate.now(clock.withZone(districtTime.timeZone()));
        Instant now = clock.instant();
        AccountFigures figures = accountReports.figures(null, today, now);
        long[] bands = new long[4];
        long expiring = 0;
        long flagged = 0;
        List<DistrictAccount> accounts = tx.inNewTransaction(em -> em.createQuery("SELECT a FROM DistrictAccount a", DistrictAccount.class).getResultList());
        long checklistsOverdue = 0;
        for (DistrictAccount a : accounts) {
            if (a.getStatus() != AccountStatus.ARCHIVED) {
                bands[Math.min(a.getActiveAdmins(), 3)]++;
                checklistsOverdue += !now.isBefore(a.getAttestationOverdueAt()) ? 1 : 0;
            }
        }
        List<AccountGrant> grants = tx.inNewTransaction(em -> em.createQuery("SELECT g FROM AccountGrant g", AccountGrant.class).getResultList());
        for (AccountGrant g : grants) {
            if (g.getStatus() == GrantStatus.ACTIVE) {
                expiring += g.getEndsOn() != null && !g.getEndsOn().isBefore(today) && !g.getEndsOn().isAfter(today.plusDays(30)) ? 1 : 0;
                flagged += g.getFlaggedReviewId() != null ? 1 : 0;
            }
        }
        assertTrue(bands[0] + bands[1] + bands[2] + bands[3] > 0, "the demo data has accounts");
        assertEquals(List.of(bands[0], bands[1], bands[2], bands[3]),
                figures.byAdministrators().stream().map(RequestFigures.Count::count).toList());
        assertEquals(bands[0] + bands[1] + bands[2] + bands[3], figures.accounts());
        assertEquals(expiring, figures.grantsExpiringIn30Days());
        assertEquals(flagged + checklistsOverdue, figures.overdueAttestations(), "flagged rights and overdue checklists");
    }

    private static int markStale(EntityManager em, long unit) {
        return em.createNativeQuery("UPDATE account_compliance_tally SET stale = TRUE WHERE unit_id = ?").setParameter(1, unit).executeUpdate();
    }

    @Test
    void aSchoolsOverdueAttestationsAreItsFlaggedRightsAndOverdueChecklistsCountedOneByOne() {
        LocalDate today = LocalDate.now(clock.withZone(districtTime.timeZone()));
        Instant now = clock.instant();
        // the demo data flags no right: one right in force flagged here by a review of its own (an id the sequence,
        // in steps of 50, never gives; a native UPDATE, so the grant's version stays), and both undone after
        long reviewId = 987_651;
        Object[] grant = tx.inNewTransaction(em -> em.createQuery("SELECT g.id, g.account.unit.id FROM AccountGrant g"
                        + " WHERE g.status = :active AND g.flaggedReviewId IS NULL ORDER BY g.id", Object[].class)
                .setParameter("active", GrantStatus.ACTIVE).setMaxResults(1).getSingleResult());
        long unit = (Long) grant[1];
        tx.inNewTransaction(em -> {
            em.createNativeQuery("INSERT INTO access_review (id, opens_on, deadline, status, opened_at, opened_by, lapse_unreviewed,"
                            + " reminders_before, grants_flagged, grants_lapsed, version) VALUES (?, ?, ?, 'CLOSED', ?, 'reportsit', FALSE, '', 1, 0, 1)")
                    .setParameter(1, reviewId).setParameter(2, Date.valueOf(LocalDate.of(1999, 1, 4)))
                    .setParameter(3, Date.valueOf(LocalDate.of(1999, 1, 25))).setParameter(4, now.atOffset(ZoneOffset.UTC)).executeUpdate();
            em.createNativeQuery("UPDATE account_grant SET flagged_review_id = ? WHERE id = ?").setParameter(1, reviewId)
                    .setParameter(2, grant[0]).executeUpdate();
            // as a review's deadline does: the school's row of the compliance tally, which keeps its flagged rights (V84), marked
            return markStale(em, unit);
        });
        try {
            long[] expected = tx.inNewTransaction(em -> {
                long[] counted = new long[2];
                for (DistrictAccount a : em.createQuery("SELECT a FROM DistrictAccount a", DistrictAccount.class).getResultList()) {
                    if (a.getStatus() != AccountStatus.ARCHIVED && a.getUnit().getId() == unit && !now.isBefore(a.getAttestationOverdueAt())) {
                        counted[0]++;
                    }
                }
                for (AccountGrant g : em.createQuery("SELECT g FROM AccountGrant g", AccountGrant.class).getResultList()) {
                    if (g.getStatus() == GrantStatus.ACTIVE && g.getFlaggedReviewId() != null && g.getAccount().getUnit().getId() == unit) {
                        counted[1]++;
                    }
                }
                return counted;
            });
            assertTrue(expected[1] > 0, "the school has the flagged right");
            assertEquals(expected[0] + expected[1], accountReports.figures(unit, today, now).overdueAttestations(),
                    "the school's flagged rights and overdue checklists");
        } finally {
            tx.inNewTransaction(em -> {
                em.createNativeQuery("UPDATE account_grant SET flagged_review_id = NULL WHERE flagged_review_id = ?").setParameter(1, reviewId)
                        .executeUpdate();
                markStale(em, unit);
                return em.createNativeQuery("DELETE FROM access_review WHERE id = ?").setParameter(1, reviewId).executeUpdate();
            });
        }
    }

    @Test
    void consentCoverageAgreesWithEachStudentsFormsCheckedOneByOne() {
        LocalDate today = LocalDate.now(clock.withZone(districtTime.timeZone()));
        ConsentCoverage coverage = consentReports.coverage(null, null, today);
        Map<String, Long> enrolled = new HashMap<>();
        Map<String, Long> photo = new HashMap<>();
        Map<String, Long> firstName = new HashMap<>();
        tx.inNewTransaction(em -> {
            for (Student s : em.createQuery("SELECT s FROM Student s WHERE s.active = TRUE", Student.class).getResultList()) {
                String school = s.getSchool().getName();
                enrolled.merge(school, 1L, Long::sum);
                boolean mayPhoto = false;
                boolean mayFirstName = false;
                for (ConsentForm f : em.createNamedQuery(ConsentForm.FOR_STUDENT, ConsentForm.class)
                        .setParameter("studentId", s.getId()).getResultList()) {
                    if (f.coversDay(today)) {
                        mayPhoto |= ConsentItem.PHOTO.allowedBy(f.itemsAfterRevocations(today));
                        mayFirstName |= ConsentItem.FIRST_NAME.allowedBy(f.itemsAfterRevocations(today));
                    }
                }
                photo.merge(school, mayPhoto ? 1L : 0L, Long::sum);
                firstName.merge(school, mayFirstName ? 1L : 0L, Long::sum);
            }
            return null;
        });
        assertEquals(enrolled.size(), coverage.schools().size());
        assertTrue(photo.values().stream().mapToLong(Long::longValue).sum() > 0, "the demo data has consent to photographs");
        for (ConsentCoverage.Row row : coverage.schools()) {
            assertEquals(enrolled.get(row.name()), row.enrolled(), row.name());
            assertEquals(photo.get(row.name()), row.covered().get("PHOTO"), row.name());
            assertEquals(firstName.get(row.name()), row.covered().get("FIRST_NAME"), row.name());
        }
    }

    /**
     * The answer's shape: for the District a row per school and no class rows; for a school its own row and a row per
     * class of the school. Each figure counted again here from the rows (the photographs item), and the forms ending
     * within 30 days of the District against the forms and against the schools' own counts summed.
     */
    @Test
    void consentCoverageIsPerSchoolForTheDistrictAndPerClassForOneSchool() {
        LocalDate today = LocalDate.now(clock.withZone(districtTime.timeZone()));
        Map<Long, Long> enrolled = new HashMap<>();
        Map<Long, Long> photo = new HashMap<>();
        Map<Long, Long> classEnrolled = new HashMap<>();
        Map<Long, Long> classPhoto = new HashMap<>();
        Map<Long, Long> classSchool = new HashMap<>();
        List<Long> units = new ArrayList<>();
        long[] ending = new long[1];
        tx.inNewTransaction(em -> {
            Map<Long, Boolean> mayPhoto = new HashMap<>();
            for (Student s : em.createQuery("SELECT s FROM Student s WHERE s.active = TRUE", Student.class).getResultList()) {
                boolean may = false;
                for (ConsentForm f : em.createNamedQuery(ConsentForm.FOR_STUDENT, ConsentForm.class)
                        .setParameter("studentId", s.getId()).getResultList()) {
                    may |= f.coversDay(today) && ConsentItem.PHOTO.allowedBy(f.itemsAfterRevocations(today));
                }
                mayPhoto.put(s.getId(), may);
                enrolled.merge(s.getSchool().getId(), 1L, Long::sum);
                photo.merge(s.getSchool().getId(), may ? 1L : 0L, Long::sum);
            }
            for (Enrollment e : em.createQuery("SELECT e FROM Enrollment e", Enrollment.class).getResultList()) {
                if (e.isActive() && e.getSchoolClass().isActive() && e.getStudent().isActive()) {
                    Long c = e.getSchoolClass().getId();
                    classEnrolled.merge(c, 1L, Long::sum);
                    classPhoto.merge(c, mayPhoto.get(e.getStudent().getId()) ? 1L : 0L, Long::sum);
                    classSchool.put(c, e.getSchoolClass().getSchool().getId());
                }
            }
            units.addAll(em.createQuery("SELECT u.id FROM OrgUnit u", Long.class).getResultList());
            for (ConsentForm f : em.createQuery("SELECT f FROM ConsentForm f", ConsentForm.class).getResultList()) {
                ending[0] += f.getStatus() == ConsentStatus.ACTIVE && !f.getPeriodEnd().isBefore(today)
                        && !f.getPeriodEnd().isAfter(today.plusDays(30)) ? 1 : 0;
            }
            return null;
        });
        assertTrue(classEnrolled.size() >= 2, "the demo data has classes with students: " + classEnrolled);

        ConsentCoverage district = consentReports.coverage(null, null, today);
        assertEquals(List.of(), district.classes(), "no class rows for the District");
        assertEquals(enrolled.keySet(), district.schools().stream().map(ConsentCoverage.Row::id).collect(Collectors.toSet()),
                "a row per school with active students");
        for (ConsentCoverage.Row row : district.schools()) {
            assertEquals(enrolled.get(row.id()), row.enrolled(), row.name());
            assertEquals(photo.get(row.id()), row.covered().get("PHOTO"), row.name());
        }
        assertEquals(ending[0], district.formsEndingIn30Days(), "forms ending within 30 days, counted from the forms");

        long endingOfSchools = 0;
        for (Long unit : units) {
            ConsentCoverage school = consentReports.coverage(unit, null, today);
            endingOfSchools += school.formsEndingIn30Days();
            if (enrolled.containsKey(unit)) {
                assertEquals(1, school.schools().size(), "the school's own row: " + unit);
                assertEquals(unit, school.schools().get(0).id());
                assertEquals(enrolled.get(unit), school.schools().get(0).enrolled(), "unit " + unit);
                assertEquals(photo.get(unit), school.schools().get(0).covered().get("PHOTO"), "unit " + unit);
            } else {
                assertEquals(List.of(), school.schools(), "no active students in unit " + unit);
            }
            Set<Long> expectedClasses = classSchool.entrySet().stream().filter(e -> e.getValue().equals(unit)).map(Map.Entry::getKey)
                    .collect(Collectors.toSet());
            assertEquals(expectedClasses, school.classes().stream().map(ConsentCoverage.Row::id).collect(Collectors.toSet()),
                    "a row per class of unit " + unit);
            for (ConsentCoverage.Row row : school.classes()) {
                assertEquals(classEnrolled.get(row.id()), row.enrolled(), row.name());
                assertEquals(classPhoto.get(row.id()), row.covered().get("PHOTO"), row.name());
            }
        }
        assertEquals(district.formsEndingIn30Days(), endingOfSchools, "the District's forms ending are its schools' summed");
    }

    /**
     * Two servers at once (two threads sending the same month), two passes of the timer besides, and the
     * automatic one: one mail for the month, with its PDF; the month's key refuses every other.
     */
    @Test
    void theBoardReportIsQueuedExactlyOncePerMonthWithItsPdf() throws Exception {
        Api api = Api.onTestServer();
        assertEquals(200, api.put("/api/settings", "sysadmin", "{\"boardReportRecipients\":\"board@district.example.org\"}").statusCode());
        try {
            YearMonth due = YearMonth.from(clock.instant().atZone(districtTime.timeZone())).minusMonths(1);
            // a run before this one on the same database (a kept test server, a second run) queued the month already
            tx.inNewTransaction(em -> em.createQuery("DELETE FROM BoardReportDelivery d WHERE d.reportMonth = :month")
                    .setParameter("month", due.toString()).executeUpdate());
            ExecutorService servers = Executors.newFixedThreadPool(2);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Integer>> sends = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    sends.add(servers.submit(() -> {
                        start.await();
                        try {
                            return boardReportWorker.send(due);
                        } catch (RuntimeException refusedByTheKey) {
                            return 0;
                        }
                    }));
                }
                start.countDown();
                int queued = 0;
                for (Future<Integer> send : sends) {
                    queued += send.get(60, TimeUnit.SECONDS);
                }
                assertTrue(queued <= 1, "at most one of two concurrent sends queues the month: " + queued);
            } finally {
                servers.shutdownNow();
            }
            boardReportSweep.sweep();
            boardReportSweep.sweep();
            assertEquals(null, boardReportWorker.dueMonth(), "nothing is due once the month is queued");
            assertEquals(0, boardReportWorker.send(due), "a second send of the month is refused");
            List<Long> messages = tx.inNewTransaction(em -> em.createQuery(
                            "SELECT m.id FROM OutboxMessage m WHERE m.eventType = 'BOARD_REPORT' AND m.messageId LIKE :about", Long.class)
                    .setParameter("about", "<board-report." + due + ".%").getResultList());
            assertEquals(1, messages.size(), "exactly one mail for " + due);
            byte[] pdf = tx.inNewTransaction(em -> em.createQuery("SELECT a.content FROM OutboxAttachment a WHERE a.messageId = :id", byte[].class)
                    .setParameter("id", messages.get(0)).getSingleResult());
            assertTrue(new String(pdf, 0, 5).startsWith("%PDF-"));
            OutboxMessage message = tx.inNewTransaction(em -> em.find(OutboxMessage.class, messages.get(0)));
            assertEquals("board@district.example.org", message.getRecipients());
            assertTrue(message.getTextBody().contains("of requests were answered") || message.getTextBody().contains("No request was answered"),
                    message.getTextBody());
            // other tests' mail servers need not see it
            tx.inNewTransaction(em -> {
                em.createQuery("DELETE FROM OutboxAttachment a WHERE a.messageId = :id").setParameter("id", messages.get(0)).executeUpdate();
                return em.createQuery("DELETE FROM OutboxMessage m WHERE m.id = :id").setParameter("id", messages.get(0)).executeUpdate();
            });
        } finally {
            api.put("/api/settings", "sysadmin", "{\"boardReportRecipients\":\"none\"}");
        }
    }

    // ------------------------------------------------------------------ as a client: the API

    @Test
    @RunAsClient
    void theApiAnswersTheContractsFieldsToTheOverseersOnly() {
        Api api = Api.onTestServer();
        for (String user : List.of("superintendent", "designee", "auditor")) {
            for (String path : REPORTS) {
                assertEquals(200, api.get(path, user).statusCode(), user + " " + path);
            }
        }
        for (String user : List.of("employee1", "siteadmin", "clerk", "sysadmin")) {
            for (String path : REPORTS) {
                assertEquals(403, api.get(path, user).statusCode(), user + " " + path);
            }
            assertEquals(403, api.getAccepting("/api/reports/board-report?month=2026-01", user, "application/pdf").statusCode(), user);
        }
        JsonObject requests = JsonBodies.object(api.get("/api/reports/requests", "auditor").body());
        for (String field : List.of("onTimeRate", "answered", "late", "medianHours", "p90Hours", "byMonth", "byReviewer")) {
            assertTrue(requests.containsKey(field), field + " in " + requests);
        }
        long answered = requests.getJsonNumber("answered").longValue();
        long late = requests.getJsonNumber("late").longValue();
        assertTrue(answered >= 3, requests.toString());
        assertEquals((double) Math.round((answered - late) * 10000.0 / answered) / 10000.0,
                requests.getJsonNumber("onTimeRate").doubleValue(), 0.00005);
        JsonArray byMonth = requests.getJsonArray("byMonth");
        assertEquals(12, byMonth.size(), "twelve months by default");
        assertEquals(answered, byMonth.stream().mapToLong(m -> m.asJsonObject().getJsonNumber("answered").longValue()).sum());

        JsonObject lhs = JsonBodies.object(api.get("/api/reports/consent-coverage?unit=LHS&item=photo", "auditor").body());
        assertEquals(List.of("PHOTO"), lhs.getJsonArray("items").getValuesAs(JsonValue::toString).stream().map(s -> s.replace("\"", "")).toList());
        assertTrue(lhs.getJsonArray("schools").size() <= 1, lhs.toString());
        assertNotNull(JsonBodies.object(api.get("/api/reports/accounts?unit=LHS", "designee").body()).getJsonArray("byAdministrators"));
        JsonObject takedowns = JsonBodies.object(api.get("/api/reports/takedowns?from=2026-01-01&to=2026-12-31", "auditor").body());
        assertTrue(takedowns.containsKey("open") && takedowns.containsKey("medianHours"), takedowns.toString());
    }

    @Test
    void theDistrictsSchoolsComeInPagesThatTogetherAreTheWholeAnswer() {
        LocalDate today = LocalDate.now(clock.withZone(districtTime.timeZone()));
        ConsentCoverage whole = consentReports.coverage(null, null, today);
        assertTrue(whole.schools().size() >= 2, "the demo District has schools with students: " + whole.schools());
        // one school's row made stale, as a change does until the timer counts it again: it is counted now, in its place
        Long staleSchool = whole.schools().get(1).id();
        tx.inNewTransaction(em -> em.createNativeQuery("UPDATE consent_coverage_tally SET stale = TRUE WHERE unit_id = ? AND class_id = 0")
                .setParameter(1, staleSchool).executeUpdate());
        List<ConsentCoverage.Row> paged = new ArrayList<>();
        for (int first = 0; first < whole.schools().size(); first++) {
            ConsentCoverage page = consentReports.coverage(null, null, today, first, 1);
            assertEquals(whole.schools().size(), page.schoolsTotal(), "every page gives the District's number of schools");
            assertEquals(first, page.first());
            assertEquals(1, page.schools().size(), "page from " + first);
            assertEquals(whole.formsEndingIn30Days(), page.formsEndingIn30Days(), "the forms ending are the District's on every page");
            paged.addAll(page.schools());
        }
        // the database's name order (its collation's), the same on every page and in the whole answer
        assertEquals(whole.schools().stream().map(ConsentCoverage.Row::id).toList(), paged.stream().map(ConsentCoverage.Row::id).toList(),
                "the pages, one after the other, are the whole answer");
        for (ConsentCoverage.Row row : paged) {
            ConsentCoverage.Row same = whole.schools().stream().filter(r -> r.id().equals(row.id())).findFirst().orElseThrow();
            assertEquals(same.enrolled(), row.enrolled(), row.name());
            assertEquals(same.covered(), row.covered(), row.name());
        }
        assertEquals(List.of(), consentReports.coverage(null, null, today, whole.schools().size(), 1).schools(), "past the last school");
        assertEquals(whole.schools(), consentReports.coverage(null, null, today, 0, ConsentReports.PAGE_MAX).schools(), "one page of all");
    }

    @Test
    @RunAsClient
    void badFiltersAreRefusedWithTheFieldNamed() {
        Api api = Api.onTestServer();
        HttpResponse<String> badDate = api.get("/api/reports/requests?from=yesterday", "auditor");
        assertEquals(400, badDate.statusCode());
        assertTrue(badDate.body().contains("from"), badDate.body());
        assertEquals(400, api.get("/api/reports/requests?from=2026-11-30&to=2026-11-01", "auditor").statusCode());
        assertEquals(400, api.get("/api/reports/accounts?unit=NO-SUCH-UNIT", "auditor").statusCode());
        assertEquals(400, api.get("/api/reports/consent-coverage?item=SMELL", "auditor").statusCode());
        for (String page : List.of("first=-1", "size=0", "size=1001")) {
            HttpResponse<String> bad = api.get("/api/reports/consent-coverage?" + page, "auditor");
            assertEquals(400, bad.statusCode(), page);
            assertTrue(bad.body().contains(page.substring(0, page.indexOf('='))), bad.body());
        }
        HttpResponse<String> future = api.getAccepting("/api/reports/board-report?month=2999-01", "auditor", "application/pdf");
        assertEquals(400, future.statusCode());
        assertTrue(future.body().contains("month"), future.body());
    }

    @Test
    @RunAsClient
    void theBoardReportOfAPastMonthIsAReadablePdfFromTheApiAndThePortal() throws IOException {
        Api api = Api.onTestServer();
        String month = YearMonth.now().minusMonths(2).toString();
        HttpResponse<byte[]> pdf = api.getBytes("/api/reports/board-report?month=" + month, "superintendent", "Accept", "application/pdf");
        assertEquals(200, pdf.statusCode());
        assertTrue(new String(pdf.body(), 0, 5).startsWith("%PDF-"));
        PdfReader reader = new PdfReader(pdf.body());
        try {
            String text = new PdfTextExtractor(reader).getTextFromPage(1);
            assertTrue(text.contains("Board report"), text);
            assertTrue(text.contains("Requests for District-related social media use"), text);
        } finally {
            reader.close();
        }
        String session = api.signIn("auditor", Api.DEMO_PASSWORD);
        HttpResponse<String> portal = api.send("GET", "/oversight/board-report?month=" + month, session, null);
        assertEquals(200, portal.statusCode());
        assertTrue(portal.body().startsWith("%PDF-"));
        // the dashboard's link without a month: last month's, the one the timer mails
        String lastMonth = YearMonth.now(DISTRICT).minusMonths(1).toString();
        HttpResponse<String> withoutMonth = api.send("GET", "/oversight/board-report", session, null);
        assertEquals(200, withoutMonth.statusCode(), withoutMonth.body());
        assertTrue(withoutMonth.body().startsWith("%PDF-"));
        assertTrue(withoutMonth.headers().firstValue("Content-Disposition").orElse("").contains("board-report-" + lastMonth + ".pdf"),
                withoutMonth.headers().toString());
        HttpResponse<byte[]> anyType = api.getBytes("/api/reports/board-report", "designee", "Accept", "*/*");
        assertEquals(200, anyType.statusCode());
        assertEquals("application/pdf", anyType.headers().firstValue("Content-Type").orElse(""));
    }

    /**
     * The dashboard for the whole District shows the coverage per school and asks for a school for the coverage per
     * class; with a school chosen in the filters (a postback of the filters form) it shows that school's classes, the
     * rows the API gives for the school.
     */
    @Test
    @RunAsClient
    void theDashboardShowsTheClassesOfTheSchoolChosenInTheFilters() throws Exception {
        Api api = Api.onTestServer();
        String session = api.signIn("auditor", Api.DEMO_PASSWORD);
        HttpResponse<String> district = api.send("GET", "/oversight/dashboard.xhtml", session, null);
        assertEquals(200, district.statusCode());
        String body = district.body();
        assertTrue(body.contains("id=\"schoolCoverage\""), "the coverage per school");
        assertTrue(body.contains("id=\"classCoverageChooseSchool\""), "asks for a school for the classes");
        assertTrue(!body.contains("id=\"classCoverage\""), "no class table for the District");

        // the school filter is a type-ahead box (a District's thousand schools are not listed in the page): what it
        // posts once a school is taken from its suggestions is the school's id, with its label as the text
        assertTrue(body.contains("id=\"filters:unit_input\"") && !body.contains(">Lincoln High School</option>"), "a type-ahead box");
        JsonArray lincoln = JsonBodies.object(api.get("/api/reports/consent-coverage?unit=LHS", "auditor").body()).getJsonArray("schools");
        assertEquals("Lincoln High School", lincoln.getJsonObject(0).getString("name"));
        String unitId = String.valueOf(lincoln.getJsonObject(0).getJsonNumber("id").longValue());
        // the filters form as a browser posts it: its hidden fields (the view state, PrimeFaces' CSP nonce), the dates, the school
        String filters = body.substring(body.indexOf("<form id=\"filters\""));
        filters = filters.substring(0, filters.indexOf("</form>"));
        StringBuilder form = new StringBuilder("filters%3Afrom=" + input(body, "filters:from") + "&filters%3Ato=" + input(body, "filters:to")
                + "&filters%3Aunit_input=" + URLEncoder.encode("Lincoln High School (LHS)", StandardCharsets.UTF_8)
                + "&filters%3Aunit_hinput=" + unitId + "&filters%3Aapply=Show");
        // PrimeFaces' script adds the page's CSP nonce to a form it submits
        Matcher nonce = Pattern.compile("'nonce-([^']+)'").matcher(district.headers().firstValue("Content-Security-Policy").orElse(""));
        if (nonce.find()) {
            form.append("&primefaces.nonce=").append(URLEncoder.encode(nonce.group(1), StandardCharsets.UTF_8));
        }
        Matcher hidden = Pattern.compile("<input[^>]*type=\"hidden\"[^>]*>").matcher(filters);
        while (hidden.find()) {
            Matcher name = Pattern.compile("name=\"([^\"]+)\"").matcher(hidden.group());
            Matcher value = Pattern.compile("value=\"([^\"]*)\"").matcher(hidden.group());
            if (name.find() && !name.group(1).equals("filters:unit_hinput")) {
                form.append('&').append(URLEncoder.encode(name.group(1), StandardCharsets.UTF_8)).append('=')
                        .append(value.find() ? URLEncoder.encode(value.group(1).replace("&amp;", "&"), StandardCharsets.UTF_8) : "");
            }
        }
        HttpResponse<String> school = postDashboard(session, form.toString());
        assertEquals(200, school.statusCode(), school.headers().map() + " " + form);
        String page = school.body();
        assertTrue(!page.contains("id=\"classCoverageChooseSchool\""), "a school is chosen");
        assertTrue(page.contains("id=\"classCoverage\""), "the class table of the school");
        String table = page.substring(page.indexOf("id=\"classCoverage\""));
        table = table.substring(table.indexOf("<tbody"), table.indexOf("</tbody>"));
        JsonArray classes = JsonBodies.object(api.get("/api/reports/consent-coverage?unit=" + unitId, "auditor").body()).getJsonArray("classes");
        assertTrue(classes.size() > 0, "the demo data's Lincoln High School has classes with students: " + classes);
        assertEquals(classes.size(), table.split("<tr").length - 1, "a row per class of the school: " + table);
        // the titles hold commas and quotes (as real exports do): compared with the page's text unescaped
        String text = table.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        for (JsonValue c : classes) {
            assertTrue(text.contains(">" + c.asJsonObject().getString("name") + "</th>"), c + " in " + table);
        }

        // a school gone by the time the form is sent: said next to the box
        HttpResponse<String> gone = postDashboard(session, form.toString().replace("filters%3Aunit_hinput=" + unitId + "&",
                "filters%3Aunit_hinput=" + Long.MAX_VALUE + "&"));
        assertEquals(200, gone.statusCode());
        assertTrue(gone.body().contains("That school or department does not exist (any more): choose another"), gone.body());
    }

    /** The dashboard's filters form posted in the session. */
    private static HttpResponse<String> postDashboard(String session, String form) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + System.getProperty("it.http.port", "8180") + "/oversight/dashboard.xhtml"))
                .header("Cookie", "JSESSIONID=" + session).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The value of a text field of the page (attributes in any order). */
    private static String input(String page, String name) {
        Matcher tag = Pattern.compile("<input[^>]*name=\"" + Pattern.quote(name) + "\"[^>]*>").matcher(page);
        assertTrue(tag.find(), name);
        Matcher value = Pattern.compile("value=\"([^\"]*)\"").matcher(tag.group());
        assertTrue(value.find(), tag.group());
        return URLEncoder.encode(value.group(1), StandardCharsets.UTF_8);
    }

    /**
     * Item 2's acknowledgements: the dashboard's section holds one row per unit of the acknowledgements
     * component's coverage, for the Superintendent and auditors; designated reviewers, whom the access table does
     * not let read the acknowledgement coverage, do not get the section.
     */
    @Test
    @RunAsClient
    void theAcknowledgementCoverageIsOnTheDashboardForThoseWhoMayReadIt() {
        Api api = Api.onTestServer();
        HttpResponse<String> started = api.post("/api/acknowledgements/campaigns", "superintendent", "{\"reason\":\"Dashboard test.\"}");
        assertEquals(201, started.statusCode(), started.body());
        String id = started.body().replaceAll("\\D+", "");
        try {
            JsonArray units = JsonBodies.object(api.get("/api/acknowledgements/coverage", "auditor").body()).getJsonArray("units");
            assertTrue(units.size() >= 2, units.toString());
            for (String user : List.of("superintendent", "auditor")) {
                HttpResponse<String> page = api.send("GET", "/oversight/dashboard.xhtml", api.signIn(user, Api.DEMO_PASSWORD), null);
                assertEquals(200, page.statusCode());
                String body = page.body();
                assertTrue(body.contains("id=\"acknowledgementChart\""), user + ": the chart");
                String table = body.substring(body.indexOf("id=\"acknowledgementCoverage\""));
                table = table.substring(0, table.indexOf("</table>"));
                String rows = table.substring(table.indexOf("<tbody")).replaceAll(">\\s+<", "><");
                assertEquals(units.size(), rows.split("<tr").length - 1, user + ": a row per unit of the coverage");
                for (JsonValue unit : units) {
                    JsonObject u = unit.asJsonObject();
                    assertTrue(rows.contains(">" + u.getString("unitName") + "</td><td>" + u.getJsonNumber("total").longValue() + "</td><td>"
                            + u.getJsonNumber("done").longValue() + "</td>"), user + ": " + u + " in " + rows);
                }
                assertTrue(body.contains("Acknowledgement coverage as CSV"), user + ": the CSV export");
            }
            HttpResponse<String> reviewer = api.send("GET", "/oversight/dashboard.xhtml", api.signIn("designee", Api.DEMO_PASSWORD), null);
            assertEquals(200, reviewer.statusCode());
            assertTrue(reviewer.body().contains("id=\"requestsHeading\""), "the designee reads the dashboard");
            assertTrue(!reviewer.body().contains("acknowledgementsHeading"), "but not the acknowledgement coverage");
        } finally {
            api.post("/api/acknowledgements/campaigns/" + id + "/closing", "superintendent", "{}");
        }
    }
}
