package org.district.socialmedia.bench;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import org.district.socialmedia.accounts.control.AccountComplianceTally;
import org.district.socialmedia.accounts.RightsCounted;
import org.district.socialmedia.accounts.control.AccountQueries;
import org.district.socialmedia.consent.control.CoverageDistrict;
import org.district.socialmedia.consent.control.CoverageTally;
import org.district.socialmedia.oversight.control.AccountReports;
import org.district.socialmedia.oversight.control.ConsentReports;
import org.district.socialmedia.oversight.control.RequestReports;
import org.district.socialmedia.oversight.control.RequestRollups;
import org.district.socialmedia.oversight.control.TakedownRollups;
import org.district.socialmedia.oversight.entity.AccountFigures;
import org.district.socialmedia.oversight.entity.AnswerTimes;
import org.district.socialmedia.oversight.entity.Durations;
import org.district.socialmedia.oversight.entity.ReportPeriod;
import org.district.socialmedia.oversight.entity.RequestFigures;
import org.district.socialmedia.oversight.entity.TimeClass;
import org.district.socialmedia.platform.control.DistrictTime;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import static org.district.socialmedia.bench.BenchDatabase.percentile;

/**
 * What the oversight figures (issue 22, item 5) cost on databases made by the district-scale generator: the
 * control classes behind the dashboard, the reports API and the Board report, each asked as the endpoint asks
 * with no filter (the whole District, the dashboard's default twelve months), in EclipseLink outside the
 * container (the persistence unit in RESOURCE_LOCAL, as HomeCountsBenchmark does). No HTTP, no JSON: the
 * database work that grows with the District.
 *
 * <pre>./mvnw -Pbench-reports verify -Dbench.dirs=/data/scale-0.01,/data/scale-0.1</pre>
 * (each a gen.dir of the generator, an H2 folder). On PostgreSQL: -Dbench.urls=jdbc:postgresql://HOST:5432/DB (comma-separated,
 * each a DB_URL the generator filled) with the environment's DB_USER and DB_PASSWORD, as for the generator; without -Dbench.dirs
 * only those (see {@link GeneratedDatabase}).
 * -Dbench.runs=20 -Dbench.warm=3; -Dbench.only=requests,takedowns for some endpoints only (without consent-coverage, the
 * consent timer's day and its recount are left out: at full scale they take an hour). A database without takedown tasks
 * (made by a generator before they were generated) gets them first, as the generator makes them now.
 * -Dbench.setupOnly=true does only that set-up (migration, takedown tasks, roll-ups, the check of the figures), without
 * the bench lock; -Dbench.timedOnly=true then skips the check and times the endpoints under it. The roll-ups and their
 * check are left out when neither requests nor takedowns is asked for. For accounts the set-up counts every unit's
 * compliance figures into the tally (V74) as the rights timer does, and checks the report against the accounts.
 * -Dbench.skipCoverageDay=true leaves out the consent timer's day and its recount too (a set-up on the same database on
 * the same District day made them: at 0.1 they take a quarter of an hour, which a timed run under the lock need not repeat).
 * -Dbench.coverageShare=K/N counts the day for the K-th of N shares of the units only (units by id modulo N), so that N
 * set-ups (one per core) share it at full scale; -Dbench.skipRecount=true leaves out the recount's check after it.
 */
public final class ReportsBenchmark {

    private static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");
    /** -Dbench.only=requests,takedowns: only these endpoints (the others can take minutes a call). */
    private static final String ONLY = System.getProperty("bench.only", "");

    private ReportsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = Integer.getInteger("bench.runs", 20);
        int warm = Integer.getInteger("bench.warm", 3);
        for (GeneratedDatabase database : GeneratedDatabase.named()) {
            run(database, runs, warm);
        }
    }

    private static void run(GeneratedDatabase database, int runs, int warm) throws Exception {
        // a database generated before the roll-ups' migration (V60) gets it, as the server would at its start
        database.migrate();
        Map<String, String> props = database.unit();
        props.put("eclipselink.logging.level.metadata", "SEVERE");
        EntityManagerFactory emf = Persistence.createEntityManagerFactory("social-media", props);
        Instant now = Instant.now();
        LocalDate today = now.atZone(ZONE).toLocalDate();
        ReportPeriod year = ReportPeriod.parse(YearMonth.from(today).minusMonths(11).atDay(1).toString(), today.toString(), today, ZONE);
        addTakedownTasks(emf, database);
        // one school's figures too: the demo clerk's (Washington Elementary)
        long clerkSchool = inTransaction(emf, em -> ((Number) em.createNativeQuery("SELECT unit_id FROM staff_user WHERE username = 'clerk'")
                .getSingleResult()).longValue());
        if (wanted("consent-coverage") && !Boolean.getBoolean("bench.skipCoverageDay")) {
            coverageDay(emf);
        }
        if (wanted("accounts")) {
            complianceTally(emf, clerkSchool, today);
        }
        // the roll-ups serve the requests and takedowns reports only (at 0.1 they take minutes on a new District)
        if (wanted("requests") || wanted("takedowns")) {
            rollUp(emf);
            if (!Boolean.getBoolean("bench.timedOnly") && wanted("requests")) {
                checkRollups(emf, year, now);
            }
            if (!Boolean.getBoolean("bench.timedOnly") && wanted("takedowns")) {
                checkTakedowns(emf, year, clerkSchool);
            }
        }
        if (Boolean.getBoolean("bench.setupOnly")) {
            // the set-up is a data fill (no bench lock); the timed run after it finds the roll-ups made and skips the check
            emf.close();
            return;
        }
        Map<String, Function<EntityManager, Object>> endpoints = new LinkedHashMap<>();
        endpoints.put("GET /api/reports/requests", em -> new BeanWiring(em, Clock.systemUTC()).get(RequestReports.class)
                .figures(year, null, now).answered());
        endpoints.put("GET /api/reports/requests?unit=", em -> new BeanWiring(em, Clock.systemUTC()).get(RequestReports.class)
                .figures(year, clerkSchool, now).answered());
        // the API's default: the first 100 schools and departments of the list; the whole list is the CSV's (and the Board report's)
        endpoints.put("GET /api/reports/accounts", em -> new BeanWiring(em, Clock.systemUTC()).get(AccountReports.class)
                .figures(null, today, Instant.now(), 0, 100).accounts());
        endpoints.put("  accounts, a page of 10 units", em -> new BeanWiring(em, Clock.systemUTC()).get(AccountReports.class)
                .figures(null, today, Instant.now(), 0, 10).accounts());
        endpoints.put("  accounts, every unit (the CSV)", em -> new BeanWiring(em, Clock.systemUTC()).get(AccountReports.class)
                .figures(null, today, Instant.now()).compliance().size());
        // the API's default: the first 100 schools; the whole answer is the CSV's (and the Board report's)
        endpoints.put("GET /api/reports/consent-coverage", em -> consentReports(em).coverage(null, null, today, 0, 100).schoolsTotal());
        // a page no longer than the small District's schools: what grows with the District, apart from the page's own rows
        endpoints.put("  a page of 10 schools", em -> consentReports(em).coverage(null, null, today, 0, 10).schoolsTotal());
        endpoints.put("  every school (the CSV)", em -> consentReports(em).coverage(null, null, today).schools().size());
        endpoints.put("  ?unit= (the clerk's school)", em -> consentReports(em).coverage(clerkSchool, null, today).classes().size());
        endpoints.put("GET /api/reports/accounts?unit=", em -> new BeanWiring(em, Clock.systemUTC()).get(AccountReports.class)
                .figures(clerkSchool, today, Instant.now()).accounts());
        endpoints.put("GET /api/reports/takedowns", em -> consentReports(em).takedowns(year, null).done());
        System.out.printf(Locale.ROOT, "%n%s (load average before: %s)%n%-36s %5s %9s %9s %9s   %s%n", database.label(), loadAverage(), "figures of", "runs",
                "median", "p95", "max", "a figure");
        try {
            for (Map.Entry<String, Function<EntityManager, Object>> endpoint : endpoints.entrySet()) {
                String key = endpoint.getKey();
                String group = key.contains("requests") ? "requests" : key.contains("accounts") ? "accounts"
                        : key.contains("takedowns") ? "takedowns" : "consent-coverage";
                if (!wanted(group)) {
                    continue;
                }
                Object[] figure = new Object[1];
                double[] ms = BenchDatabase.timed(emf, runs, warm, em -> figure[0] = endpoint.getValue().apply(em));
                System.out.printf(Locale.ROOT, "%-36s %5d %9.2f %9.2f %9.2f   %s%n", endpoint.getKey(), runs, percentile(ms, 50),
                        percentile(ms, 95), ms[ms.length - 1], figure[0]);
            }
            System.out.printf(Locale.ROOT, "(load average after: %s)%n", loadAverage());
        } finally {
            emf.close();
        }
    }

    private static boolean wanted(String endpoint) {
        return ONLY.isBlank() || Arrays.stream(ONLY.split(",")).anyMatch(o -> o.strip().equals(endpoint));
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /**
     * The consent timer's work for the day (V62): each unit's coverage counted and stored, one transaction each, as
     * ConsentSweep's pass does; the report then reads the stored counts. Then the recount's comparison.
     */
    private static void coverageDay(EntityManagerFactory emf) {
        long rollStart = System.nanoTime();
        int units = 0;
        // -Dbench.coverageShare=K/N: only the K-th of N shares of the units (by id), so that N processes share the day
        String[] share = System.getProperty("bench.coverageShare", "1/1").split("/");
        int k = Integer.parseInt(share[0].strip());
        int n = Integer.parseInt(share[1].strip());
        for (Long unitId : inTransaction(emf, em -> em.createQuery("SELECT u.id FROM OrgUnit u ORDER BY u.id", Long.class).getResultList())) {
            if (Math.floorMod(unitId, n) != k - 1) {
                continue;
            }
            inTransaction(emf, em -> tally(em).count(unitId));
            units++;
        }
        System.out.printf(Locale.ROOT, "%nconsent coverage counted and stored for %d units (share %d/%d) in %.1f s (the consent timer's work of a day)%n",
                units, k, n, (System.nanoTime() - rollStart) / 1e9);
        if (Boolean.getBoolean("bench.skipRecount")) {
            // at full scale the recount takes as long as the day again; it is the operators' check, not an endpoint
            System.out.println("recount (Tally.differences) skipped (-Dbench.skipRecount=true)");
            return;
        }
        // what the operators' recount does first: the stored counts against a count of the rows
        long recountStart = System.nanoTime();
        List<String> differences = inTransaction(emf, em -> tally(em).differences());
        System.out.printf(Locale.ROOT, "recount (Tally.differences) in %.1f s: %d differences%s%n", (System.nanoTime() - recountStart) / 1e9,
                differences.size(), differences.isEmpty() ? "" : " " + differences.subList(0, Math.min(5, differences.size())));
    }

    /**
     * The rights timer's work for the accounts report's compliance tally (V74): every unit whose row does not hold (on
     * a database from the generator, which leaves the table empty: every unit) counted and stored, two transactions a
     * unit as RightsSweep's pass does. Then the recount's comparison, and the report from the tally against the same
     * figures counted from every account (the District and the clerk's school): the figures timed are the right ones.
     * In a timed run after the set-up it finds the few units whose next change came meanwhile, as the timer would.
     */
    private static void complianceTally(EntityManagerFactory emf, long clerkSchool, LocalDate today) {
        long start = System.nanoTime();
        List<Long> due = inTransaction(emf, em -> new BeanWiring(em, Clock.systemUTC()).get(AccountComplianceTally.class).due(100_000));
        for (Long unitId : due) {
            inTransaction(emf, em -> new BeanWiring(em, Clock.systemUTC()).get(AccountComplianceTally.class).prepare(unitId));
            inTransaction(emf, em -> new BeanWiring(em, Clock.systemUTC()).get(AccountComplianceTally.class).count(unitId));
        }
        System.out.printf(Locale.ROOT, "%naccount compliance tally: %d units counted and stored in %.1f s (the rights timer's work)%n",
                due.size(), (System.nanoTime() - start) / 1e9);
        if (Boolean.getBoolean("bench.timedOnly")) {
            return;
        }
        long checkStart = System.nanoTime();
        String outcome = inTransaction(emf, em -> {
            BeanWiring beans = new BeanWiring(em, Clock.systemUTC());
            Instant at = Instant.now();
            StringBuilder out = new StringBuilder();
            out.append("differences(): ").append(beans.get(AccountComplianceTally.class).differences().size());
            for (Long unit : Arrays.asList(null, clerkSchool)) {
                AccountFigures figures = beans.get(AccountReports.class).figures(unit, today, at);
                List<AccountFigures.ComplianceRow> reported = figures.compliance();
                List<AccountFigures.ComplianceRow> live = AccountQueries.compliance(em, at, unit).stream()
                        .map(c -> new AccountFigures.ComplianceRow(c.unitId(), c.unit(), c.accounts(), c.failing(), c.identification(),
                                c.privacy(), c.admins(), c.operators())).toList();
                RightsCounted rights = RightsCounted.of(figures);
                RightsCounted liveRights = RightsCounted.count(em, unit, today, at);
                out.append("; ").append(unit == null ? "District" : "unit " + unit).append(reported.equals(live)
                        ? ": the same " + reported.size() + " rows as counted from the accounts" : ": DIFFERENT from the accounts counted")
                        .append(rights.equals(liveRights) ? ", the same administrators, expiring rights and overdue attestations (" + rights + ")"
                                : ", administrators, expiring rights or overdue attestations DIFFERENT: " + rights + " / counted " + liveRights);
            }
            return out.toString();
        });
        System.out.printf(Locale.ROOT, "account compliance check in %.1f s: %s%n", (System.nanoTime() - checkStart) / 1e9, outcome);
    }

    /**
     * Takedown tasks for a database generated before the generator made them: one revocation in four gets a task, done
     * within minutes to four days of the revocation (seven in ten within a day), or open while that is still ahead, as
     * DistrictDataGenerator makes them now. The account is any of the District's: the report goes by the student's school.
     */
    private static void addTakedownTasks(EntityManagerFactory emf, GeneratedDatabase database) {
        long tasks = inTransaction(emf, em -> ((Number) em.createNativeQuery("SELECT COUNT(*) FROM takedown_task").getSingleResult()).longValue());
        if (tasks > 0) {
            System.out.printf(Locale.ROOT, "%n%,d takedown tasks%n", tasks);
            return;
        }
        if (!database.h2()) {
            // only H2 Districts were generated before the tasks were; the statement below is H2's (DATEADD)
            throw new IllegalStateException(database.label() + " has no takedown tasks: generate it again");
        }
        long start = System.nanoTime();
        int added = inTransaction(emf, em -> {
            String done = "DATEADD(SECOND, CASE WHEN MOD(r.id, 10) < 7 THEN 600 + MOD(r.id * 7919, 86400) ELSE 600 + MOD(r.id * 104729, 345600) END,"
                    + " r.recorded_at)";
            int n = em.createNativeQuery("INSERT INTO takedown_task (id, form_id, revocation_id, account_id, student_id, status, created_at,"
                    + " created_by, done_at, done_by, note, next_reminder_at, reminders_sent, version, post_ref)"
                    + " SELECT r.id, r.form_id, r.id, 1 + MOD(r.id, (SELECT MAX(id) FROM district_account)), f.student_id,"
                    + " CASE WHEN " + done + " > CURRENT_TIMESTAMP THEN 'OPEN' ELSE 'DONE' END, r.recorded_at, r.recorded_by,"
                    + " CASE WHEN " + done + " > CURRENT_TIMESTAMP THEN NULL ELSE " + done + " END,"
                    + " CASE WHEN " + done + " > CURRENT_TIMESTAMP THEN NULL ELSE r.recorded_by END, NULL,"
                    + " CASE WHEN " + done + " > CURRENT_TIMESTAMP THEN DATEADD(DAY, 1, r.recorded_at) ELSE NULL END, 0, 0, 0"
                    + " FROM consent_revocation r JOIN consent_form f ON f.id = r.form_id WHERE MOD(r.id, 4) = 0").executeUpdate();
            em.createNativeQuery("INSERT INTO takedown_task_assignee (task_id, username) SELECT id, created_by FROM takedown_task").executeUpdate();
            long max = ((Number) em.createNativeQuery("SELECT COALESCE(MAX(id), 0) FROM takedown_task").getSingleResult()).longValue();
            em.createNativeQuery("ALTER SEQUENCE takedown_task_seq RESTART WITH " + ((max + 49) / 50 * 50 + 50)).executeUpdate();
            return n;
        });
        System.out.printf(Locale.ROOT, "%n%,d takedown tasks added (none generated) in %.1f s%n", added, (System.nanoTime() - start) / 1e9);
    }

    /**
     * The requests report from the roll-ups against the same report read live from the review cycles (the District and
     * the clerk's school), and the roll-ups' own comparison with a recount: the figures measured are the right ones.
     */
    private static void checkRollups(EntityManagerFactory emf, ReportPeriod year, Instant now) {
        long start = System.nanoTime();
        String outcome = inTransaction(emf, em -> {
            BeanWiring beans = new BeanWiring(em, Clock.systemUTC());
            RequestReports reports = beans.get(RequestReports.class);
            RequestRollups rollups = beans.get(RequestRollups.class);
            StringBuilder out = new StringBuilder();
            Long clerkSchool = ((Number) em.createNativeQuery("SELECT unit_id FROM staff_user WHERE username = 'clerk'").getSingleResult()).longValue();
            for (Long unit : Arrays.asList(null, clerkSchool)) {
                RequestFigures rolled = reports.figures(year, unit, now);
                RequestFigures live = RequestFigures.ofCells(year, rollups.liveCells(year.from(), year.to(), unit), reports.kindLabels(),
                        reports.openByAge(unit, now));
                out.append(unit == null ? "District" : "unit " + unit).append(rolled.equals(live) ? ": the same figures as read live ("
                        + rolled.answered() + " responses, median " + rolled.medianHours() + " h, p90 " + rolled.p90Hours() + " h); "
                        : ": DIFFERENT from the figures read live: " + rolled + " / " + live + "; ");
            }
            List<String> differences = rollups.differences();
            out.append("request-responses differences(): ").append(differences.size())
                    .append(differences.isEmpty() ? "" : " " + differences.subList(0, Math.min(5, differences.size())));
            return out.toString();
        });
        System.out.printf(Locale.ROOT, "requests report check in %.1f s: %s%n", (System.nanoTime() - start) / 1e9, outcome);
    }

    /**
     * The takedowns report's times from the roll-ups (months, edge days, today live) against the same period read live
     * from the tasks, by tenth of an hour (count, shortest and longest), for the District and the clerk's school; then the
     * roll-up's comparison with a recount (days and months).
     */
    private static void checkTakedowns(EntityManagerFactory emf, ReportPeriod year, long clerkSchool) {
        long start = System.nanoTime();
        String outcome = inTransaction(emf, em -> {
            TakedownRollups rollups = new BeanWiring(em, Clock.systemUTC()).get(TakedownRollups.class);
            StringBuilder out = new StringBuilder();
            for (Long unit : Arrays.asList(null, clerkSchool)) {
                Map<Integer, TimeClass> rolled = byTenth(rollups.tenths(year.from(), year.to(), unit));
                Map<Integer, TimeClass> live = byTenth(rollups.liveTimes(year.from(), year.to(), unit));
                long tasks = live.values().stream().mapToLong(TimeClass::count).sum();
                out.append(unit == null ? "District" : "unit " + unit).append(rolled.equals(live)
                        ? ": the same times as read live (" + tasks + " tasks, " + live.size() + " tenths); "
                        : ": DIFFERENT from the times read live: " + rolled + " / " + live + "; ");
                // the figures as the report reads them: the months' hours, then the tenths of the ranks' hours
                AnswerTimes times = rollups.times(year.from(), year.to(), unit);
                times.readHoursOf(List.of(AnswerTimes.Scope.ALL), List.of(AnswerTimes.Scope.ALL));
                List<TimeClass> all = List.copyOf(live.values());
                String figures = times.count(AnswerTimes.Scope.ALL) + " tasks, median " + times.medianHours(AnswerTimes.Scope.ALL)
                        + " h, p90 " + times.p90Hours(AnswerTimes.Scope.ALL) + " h";
                String counted = tasks + " tasks, median " + Durations.medianHoursOfClasses(all) + " h, p90 " + Durations.p90HoursOfClasses(all) + " h";
                out.append(figures.equals(counted) ? "figures by the hours as counted (" + figures + "); "
                        : "figures by the hours " + figures + " DIFFERENT from " + counted + "; ");
            }
            List<String> differences = rollups.differences();
            out.append("takedown-times differences(): ").append(differences.size())
                    .append(differences.isEmpty() ? "" : " " + differences.subList(0, Math.min(5, differences.size())));
            return out.toString();
        });
        System.out.printf(Locale.ROOT, "takedowns report check in %.1f s: %s%n", (System.nanoTime() - start) / 1e9, outcome);
    }

    private static Map<Integer, TimeClass> byTenth(List<TimeClass> times) {
        Map<Integer, TimeClass> merged = new TreeMap<>();
        times.forEach(t -> merged.merge(t.tenths(), t, TimeClass::plus));
        return merged;
    }

    private static <T> T inTransaction(EntityManagerFactory emf, Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            T result = work.apply(em);
            em.getTransaction().commit();
            return result;
        } finally {
            em.close();
        }
    }

    private static CoverageTally tally(EntityManager em) {
        return tally(em, with(new CoverageDistrict(), em));
    }

    private static CoverageTally tally(EntityManager em, CoverageDistrict district) {
        CoverageTally tally = with(new CoverageTally(), em);
        set(tally, "clock", Clock.system(ZONE));
        set(tally, "district", district);
        set(tally, "districtTime", new DistrictTime() {
            @Override
            public ZoneId timeZone() {
                return ZONE;
            }

            @Override
            public Duration sweepInterval() {
                return Duration.ofMinutes(1);
            }
        });
        return tally;
    }

    private static ConsentReports consentReports(EntityManager em) {
        ConsentReports reports = with(new ConsentReports(), em);
        CoverageDistrict district = with(new CoverageDistrict(), em);
        set(reports, "tally", tally(em, district));
        set(reports, "district", district);
        set(reports, "takedownRollups", new BeanWiring(em, Clock.systemUTC()).get(TakedownRollups.class));
        return reports;
    }

    /**
     * The requests and takedowns reports' daily roll-ups of every day over, as the Board report timer makes them on a new District
     * (a month of days per pass, each pass in one transaction): the catch-up's time is printed, not measured again.
     */
    private static void rollUp(EntityManagerFactory emf) {
        long start = System.nanoTime();
        int days = 0;
        for (int pass = 1; pass > 0; days += pass) {
            pass = BenchDatabase.inTransaction(emf, em -> {
                BeanWiring beans = new BeanWiring(em, Clock.systemUTC());
                RequestRollups requests = beans.get(RequestRollups.class);
                TakedownRollups takedowns = beans.get(TakedownRollups.class);
                int done = 0;
                for (LocalDate day : requests.dueDays()) {
                    done += requests.rollUp(day);
                }
                for (LocalDate day : takedowns.dueDays()) {
                    done += takedowns.rollUp(day);
                }
                return done;
            });
        }
        System.out.printf(Locale.ROOT, "%nrequest and takedown roll-ups: %d days rolled up in %.1f s%n", days, (System.nanoTime() - start) / 1e9);
    }

    /** The bean with its persistence context set, as the container would inject it. */
    private static <T> T with(T bean, EntityManager em) {
        set(bean, "em", em);
        return bean;
    }

    private static void set(Object bean, String name, Object value) {
        try {
            Field field = bean.getClass().getDeclaredField(name);
            field.setAccessible(true);
            field.set(bean, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
