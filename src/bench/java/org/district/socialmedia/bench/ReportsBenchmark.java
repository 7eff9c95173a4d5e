package org.district.socialmedia.bench;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import org.district.socialmedia.consent.control.CoverageTally;
import org.district.socialmedia.it.JavaSeUnit;
import org.district.socialmedia.oversight.control.AccountReports;
import org.district.socialmedia.oversight.control.ConsentReports;
import org.district.socialmedia.oversight.control.RequestReports;
import org.district.socialmedia.oversight.control.RequestRollups;
import org.district.socialmedia.oversight.control.TakedownRollups;
import org.district.socialmedia.oversight.entity.ReportPeriod;
import org.district.socialmedia.platform.control.DistrictTime;

import java.lang.reflect.Field;
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
 * -Dbench.runs=20 -Dbench.warm=3; -Dbench.only=requests,takedowns for some endpoints only.
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
        for (Path path : BenchDatabase.generatedDirs()) {
            run(path, "jdbc:h2:file:" + path.toAbsolutePath() + "/social-media;MODE=LEGACY", runs, warm);
        }
    }

    private static void run(Path dir, String url, int runs, int warm) throws Exception {
        // a database generated before the roll-ups' migration (V60) gets it, as the server would at its start
        BenchDatabase.migrate(url, "sa", "sa", "H2");
        // H2 hands back the last result of an unchanged query on unchanged tables: each run must count for real
        Map<String, String> props = JavaSeUnit.onH2(url + ";OPTIMIZE_REUSE_RESULTS=FALSE");
        props.put("eclipselink.logging.level.metadata", "SEVERE");
        EntityManagerFactory emf = Persistence.createEntityManagerFactory("social-media", props);
        Instant now = Instant.now();
        LocalDate today = now.atZone(ZONE).toLocalDate();
        ReportPeriod year = ReportPeriod.parse(YearMonth.from(today).minusMonths(11).atDay(1).toString(), today.toString(), today, ZONE);
        // the consent timer's work for the day (V62): each unit's coverage counted and stored, one transaction each,
        // as ConsentSweep's pass does; the report then reads the stored counts
        long rollStart = System.nanoTime();
        int units = 0;
        for (Long unitId : inTransaction(emf, em -> em.createQuery("SELECT u.id FROM OrgUnit u", Long.class).getResultList())) {
            inTransaction(emf, em -> tally(em).count(unitId));
            units++;
        }
        System.out.printf(Locale.ROOT, "%nconsent coverage counted and stored for %d units in %.1f s (the consent timer's work of a day)%n",
                units, (System.nanoTime() - rollStart) / 1e9);
        // what the operators' recount does first: the stored counts against a count of the rows
        long recountStart = System.nanoTime();
        List<String> differences = inTransaction(emf, em -> tally(em).differences());
        System.out.printf(Locale.ROOT, "recount (Tally.differences) in %.1f s: %d differences%s%n", (System.nanoTime() - recountStart) / 1e9,
                differences.size(), differences.isEmpty() ? "" : " " + differences.subList(0, Math.min(5, differences.size())));
        // one school's figures too: the demo clerk's (Washington Elementary)
        long clerkSchool = inTransaction(emf, em -> ((Number) em.createNativeQuery("SELECT unit_id FROM staff_user WHERE username = 'clerk'")
                .getSingleResult()).longValue());
        rollUp(emf);
        Map<String, Function<EntityManager, Object>> endpoints = new LinkedHashMap<>();
        endpoints.put("GET /api/reports/requests", em -> new BeanWiring(em, Clock.systemUTC()).get(RequestReports.class)
                .figures(year, null, now).answered());
        endpoints.put("GET /api/reports/accounts", em -> with(new AccountReports(), em).figures(null, today, now).accounts());
        endpoints.put("GET /api/reports/consent-coverage", em -> consentReports(em).coverage(null, null, today).schools().size());
        endpoints.put("  ?unit= (the clerk's school)", em -> consentReports(em).coverage(clerkSchool, null, today).classes().size());
        endpoints.put("GET /api/reports/accounts?unit=", em -> with(new AccountReports(), em).figures(clerkSchool, today, now).accounts());
        endpoints.put("GET /api/reports/takedowns", em -> consentReports(em).takedowns(year, null).done());
        System.out.printf(Locale.ROOT, "%n%s%n%-36s %5s %9s %9s %9s   %s%n", dir, "figures of", "runs", "median", "p95", "max", "a figure");
        try {
            for (Map.Entry<String, Function<EntityManager, Object>> endpoint : endpoints.entrySet()) {
                if (!ONLY.isBlank() && Arrays.stream(ONLY.split(",")).noneMatch(o -> endpoint.getKey().endsWith("/" + o.strip()))) {
                    continue;
                }
                Object[] figure = new Object[1];
                double[] ms = BenchDatabase.timed(emf, runs, warm, em -> figure[0] = endpoint.getValue().apply(em));
                System.out.printf(Locale.ROOT, "%-36s %5d %9.1f %9.1f %9.1f   %s%n", endpoint.getKey(), runs, percentile(ms, 50),
                        percentile(ms, 95), ms[ms.length - 1], figure[0]);
            }
        } finally {
            emf.close();
        }
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
        CoverageTally tally = with(new CoverageTally(), em);
        set(tally, "clock", Clock.system(ZONE));
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
        set(reports, "tally", tally(em));
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
