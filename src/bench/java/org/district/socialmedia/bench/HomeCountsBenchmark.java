package org.district.socialmedia.bench;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import org.district.socialmedia.accounts.control.AccountFilter;
import org.district.socialmedia.acknowledgements.boundary.AcknowledgementService;
import org.district.socialmedia.accounts.control.AccountQueries;
import org.district.socialmedia.accounts.control.GrantFilter;
import org.district.socialmedia.accounts.control.RightsAuthority;
import org.district.socialmedia.accounts.entity.ComplianceIssue;
import org.district.socialmedia.consent.boundary.ConsentService;
import org.district.socialmedia.consent.boundary.TakedownService;
import org.district.socialmedia.consent.control.ConsentAccess;
import org.district.socialmedia.notifications.entity.OutboxMessage;
import org.district.socialmedia.parents.boundary.ConsentRequests;
import org.district.socialmedia.platform.entity.SweepStatus;
import org.district.socialmedia.requests.boundary.RequestService;
import org.district.socialmedia.requests.boundary.ReviewService;
import org.district.socialmedia.requests.control.DeadlineSlots;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import static org.district.socialmedia.bench.BenchDatabase.percentile;

/**
 * What the home page's counts (issue 22, HomeCountSource) cost per page view, on databases made by the
 * district-scale generator (DistrictDataGenerator): for each demo role, all of that role's counts in one
 * transaction, through the application's own count queries in EclipseLink (the persistence unit in
 * RESOURCE_LOCAL, as ConsoleBenchmark does). Then the H2 plans of the counts' statements, to show each
 * is an index lookup or range, not a scan.
 *
 * <pre>./mvnw -Pbench-home verify -Dbench.dirs=/data/scale-0.01,/data/scale-0.1</pre>
 * (each a gen.dir of the generator, holding social-media.mv.db); -Dbench.runs=200 -Dbench.warm=30. On PostgreSQL
 * -Dbench.urls=JDBC_URL with DB_USER and DB_PASSWORD (see {@link GeneratedDatabase}): the counts only, no plans.
 */
public final class HomeCountsBenchmark {

    private static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");

    private HomeCountsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = Integer.getInteger("bench.runs", 200);
        int warm = Integer.getInteger("bench.warm", 30);
        for (GeneratedDatabase database : GeneratedDatabase.named()) {
            run(database, runs, warm);
        }
    }

    private static void run(GeneratedDatabase database, int runs, int warm) throws Exception {
        // a District generated before a tally's migration (V82's deadline tally, say) gets it, as the server would at its
        // start: the counts read the tallies
        database.migrate();
        long clerkSchool;
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            System.out.printf(Locale.ROOT, "%n%s: %,d requests, %,d students, %,d consent forms, %,d accounts, %,d grants%n", database.label(),
                    single(s, "SELECT COUNT(*) FROM sm_request"), single(s, "SELECT COUNT(*) FROM student"),
                    single(s, "SELECT COUNT(*) FROM consent_form"), single(s, "SELECT COUNT(*) FROM district_account"),
                    single(s, "SELECT COUNT(*) FROM account_grant"));
            clerkSchool = single(s, "SELECT unit_id FROM staff_user WHERE username = 'clerk'");
        }
        Map<String, String> props = database.unit();
        props.put("eclipselink.logging.level.metadata", "SEVERE");
        EntityManagerFactory emf = Persistence.createEntityManagerFactory("social-media", props);
        Instant now = Instant.now();
        LocalDate today = now.atZone(ZONE).toLocalDate();
        RightsAuthority.Caller siteAdmin = new RightsAuthority.Caller("siteadmin", null, false, false, true, false, false);
        ConsentAccess.Scope clerk = new ConsentAccess.Scope("clerk", clerkSchool, true, false);
        // one home page view per role: every count its sources ask for (HomeReviewCounts, HomeRequestCounts, ...)
        Map<String, Consumer<EntityManager>> views = new LinkedHashMap<>();
        Map<String, List<Long>> figures = new LinkedHashMap<>();
        views.put("reviewer (3 counts)", em -> figures.put("reviewer", Arrays.stream(ReviewService.QueueFilter.values())
                .filter(f -> f != ReviewService.QueueFilter.ALL).map(f -> ReviewService.Counts.count(em, f, now).count()).toList()));
        // the reviewer's counts one by one: which one the time goes to
        for (ReviewService.QueueFilter f : List.of(ReviewService.QueueFilter.DUE_SOON, ReviewService.QueueFilter.OVERDUE,
                ReviewService.QueueFilter.WAITING_FOR_EMPLOYEE)) {
            views.put("  of which " + f.name().toLowerCase(Locale.ROOT), em -> figures.put("queue " + f,
                    List.of(ReviewService.Counts.count(em, f, now).count())));
        }
        // the same three with due soon counted row by row, as before the deadline tally (V82): the two must agree
        views.put("reviewer, due soon by rows", em -> figures.put("reviewer, by rows", List.of(
                ReviewService.Counts.byRows(em, ReviewService.QueueFilter.DUE_SOON, now).count(),
                ReviewService.Counts.count(em, ReviewService.QueueFilter.OVERDUE, now).count(),
                ReviewService.Counts.count(em, ReviewService.QueueFilter.WAITING_FOR_EMPLOYEE, now).count())));
        views.put("  of which due soon", em -> figures.put("due soon, by rows", List.of(
                ReviewService.Counts.byRows(em, ReviewService.QueueFilter.DUE_SOON, now).count())));
        views.put("employee1 (4 counts)", em -> figures.put("employee1", List.of(RequestService.Counts.countOpen(em, "employee1"),
                RequestService.Counts.countEndingSoon(em, "employee1", today),
                TakedownService.Counts.countOpenAssignedTo(em, "employee1"), AcknowledgementService.Counts.countDue(em, "employee1"))));
        // the page's four (HomeConsentCounts' takedowns, HomeAccountCounts' three); checklists due by today plus the
        // first reminder of the default ATTESTATION_REMINDERS (P30D), as AccountChecklists.dueBy
        AccountFilter checklistsDue = new AccountFilter(null, null, null, null, null, false, today.plusDays(30));
        views.put("siteadmin (4 counts)", em -> figures.put("siteadmin", List.of(TakedownService.Counts.countOpenAssignedTo(em, "siteadmin"),
                AccountQueries.countExpiringAdministered(em, "siteadmin", today).count(),
                AccountQueries.countAccounts(em, siteAdmin, checklistsDue, now).count(),
                AccountQueries.countAccounts(em, siteAdmin, new AccountFilter(null, null, null, null,
                        ComplianceIssue.FEWER_THAN_TWO_ADMINS, false), now).count())));
        // the site administrator's counts alone: which one the time goes to
        views.put("  of which rights expiring", em -> figures.put("expiring", List.of(
                AccountQueries.countExpiringAdministered(em, "siteadmin", today).count())));
        // the grants page's own query for the same rows (what the count used before V51): the two must agree
        views.put("  (the page's query)", em -> figures.put("expiring, page", List.of(AccountQueries.countGrants(em, siteAdmin,
                GrantFilter.EXPIRING_SOON, today, now).count())));
        views.put("  of which checklists due", em -> figures.put("checklists", List.of(AccountQueries.countAccounts(em, siteAdmin,
                checklistsDue, now).count())));
        views.put("  of which few admins", em -> figures.put("few", List.of(AccountQueries.countAccounts(em, siteAdmin,
                new AccountFilter(null, null, null, null, ComplianceIssue.FEWER_THAN_TWO_ADMINS, false), now).count())));
        views.put("clerk (2 counts)", em -> figures.put("clerk", List.of(ConsentService.Counts.countRenewals(em, clerk, today),
                ConsentRequests.Counts.countUnanswered(em, clerkSchool, now))));
        views.put("  of which renewals due", em -> figures.put("renewals", List.of(ConsentService.Counts.countRenewals(em, clerk, today))));
        views.put("sysadmin (2 counts)", em -> figures.put("sysadmin", List.of(em.createQuery(
                        "SELECT COUNT(m) FROM OutboxMessage m WHERE m.status = :s", Long.class).setParameter("s", OutboxMessage.Status.FAILED)
                .getSingleResult(), (long) em.createQuery("SELECT s FROM SweepStatus s ORDER BY s.name", SweepStatus.class)
                .getResultList().size())));
        try {
            // the machine is shared: its load belongs beside the figures
            System.out.printf(Locale.ROOT, "(load average before: %s)%n", Files.readString(Path.of("/proc/loadavg")).strip());
            System.out.printf(Locale.ROOT, "%-24s %6s %9s %9s %9s   %s%n", "home page of", "runs", "median", "p95", "max", "counts");
            for (Map.Entry<String, Consumer<EntityManager>> view : views.entrySet()) {
                double[] ms = BenchDatabase.timed(emf, runs, warm, view.getValue());
                System.out.printf(Locale.ROOT, "%-24s %6d %9.2f %9.2f %9.2f   %s%n", view.getKey(), runs, percentile(ms, 50),
                        percentile(ms, 95), ms[ms.length - 1], figures.values().stream().reduce((a, b) -> b).orElse(List.of()));
            }
            System.out.printf(Locale.ROOT, "(load average after: %s)%n", Files.readString(Path.of("/proc/loadavg")).strip());
            System.out.printf(Locale.ROOT, "due soon from the deadline tally %s, by rows %s: %s%n", figures.get("queue DUE_SOON"),
                    figures.get("due soon, by rows"), figures.get("queue DUE_SOON").equals(figures.get("due soon, by rows")) ? "the same"
                            : "DIFFERENT");
        } finally {
            emf.close();
        }
        if (database.h2()) {
            // the statements below are H2's (DATEADD) and so is EXPLAIN's answer
            explain(database.url(), clerkSchool, today);
        }
    }

    /** The plans H2 chooses for the counts' statements (as EclipseLink writes them, shortened to what decides the plan). */
    private static void explain(String url, long school, LocalDate today) throws Exception {
        Map<String, String> statements = new LinkedHashMap<>();
        statements.put("review queue, due soon by rows (before V82)", "SELECT COUNT(ID) FROM sm_request WHERE queue_key > CURRENT_TIMESTAMP"
                + " AND queue_key <= DATEADD(DAY, 2, CURRENT_TIMESTAMP) AND status = 'SUBMITTED'");
        DeadlineSlots.Window w = DeadlineSlots.window(Instant.now(), Instant.now().plus(ReviewService.DUE_SOON));
        statements.put("due soon, the tally's slots", "SELECT SUM(requests) FROM request_deadline_tally WHERE slot >= " + w.slotsFrom()
                + " AND slot <= " + w.slotsTo());
        statements.put("due soon, passed in the first slot", "SELECT COUNT(ID) FROM sm_request WHERE status = 'SUBMITTED'"
                + " AND queue_key >= TIMESTAMP WITH TIME ZONE '" + w.lessFrom().toString().replace('T', ' ').replace("Z", "+00")
                + "' AND queue_key <= CURRENT_TIMESTAMP");
        statements.put("due soon, the last slot's part", "SELECT COUNT(ID) FROM sm_request WHERE status = 'SUBMITTED'"
                + " AND queue_key >= TIMESTAMP WITH TIME ZONE '" + w.plusFrom().toString().replace('T', ' ').replace("Z", "+00")
                + "' AND queue_key <= DATEADD(DAY, 2, CURRENT_TIMESTAMP)");
        statements.put("own open requests", "SELECT COUNT(r.id) FROM sm_request r, staff_user p WHERE p.username = 'employee1'"
                + " AND r.requester_id = p.id AND r.status IN ('SUBMITTED', 'INFO_REQUESTED', 'OVERDUE')");
        statements.put("takedowns assigned", "SELECT COUNT(t.id) FROM takedown_task t, takedown_task_assignee a"
                + " WHERE a.username = 'employee1' AND a.task_id = t.id AND t.status = 'OPEN'");
        statements.put("review queue, overdue", "SELECT COUNT(ID) FROM sm_request WHERE queue_key <= CURRENT_TIMESTAMP"
                + " AND (status = 'OVERDUE' OR status = 'SUBMITTED')");
        statements.put("review queue, waiting", "SELECT COUNT(ID) FROM sm_request WHERE queue_key = TIMESTAMP WITH TIME ZONE"
                + " '9999-12-30 00:00:00+00' AND status = 'INFO_REQUESTED'");
        statements.put("own authorizations ending", "SELECT COUNT(a.id) FROM sm_authorization a, staff_user p WHERE p.username = 'employee1'"
                + " AND a.employee_id = p.id AND a.status = 'ACTIVE' AND a.ends_on BETWEEN DATE '" + today + "' AND DATE '"
                + today.plusDays(30) + "'");
        statements.put("consent requests not answered", "SELECT COUNT(l.id) FROM parent_link l, parent_request r WHERE r.school_id = "
                + school + " AND l.request_id = r.id AND l.answered_at IS NULL AND l.expires_at > CURRENT_TIMESTAMP");
        statements.put("failed emails", "SELECT COUNT(id) FROM outbox_message WHERE status = 'FAILED'");
        statements.put("renewals, clerk's school", "SELECT COUNT(s.id) FROM student s WHERE s.active = TRUE AND s.school_id = " + school
                + " AND NOT EXISTS (SELECT g.id FROM consent_form g WHERE g.student_id = s.id AND g.status = 'ACTIVE'"
                + " AND g.period_start <= DATE '" + today + "' AND g.period_end > DATE '" + today.plusDays(30) + "')");
        try (Connection c = DriverManager.getConnection(url, "sa", "sa"); Statement s = c.createStatement()) {
            for (Map.Entry<String, String> e : statements.entrySet()) {
                try (ResultSet rs = s.executeQuery("EXPLAIN " + e.getValue())) {
                    rs.next();
                    System.out.printf(Locale.ROOT, "%nplan, %s:%n%s%n", e.getKey(), rs.getString(1));
                }
            }
        }
    }

    private static long single(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
