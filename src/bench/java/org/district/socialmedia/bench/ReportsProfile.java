package org.district.socialmedia.bench;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import org.district.socialmedia.oversight.control.AccountReports;
import org.district.socialmedia.oversight.control.RequestMonths;
import org.district.socialmedia.oversight.control.RequestReports;
import org.district.socialmedia.oversight.control.RequestRollups;
import org.district.socialmedia.oversight.control.RollupDays;
import org.district.socialmedia.oversight.entity.AnswerTimes;
import org.district.socialmedia.oversight.entity.ReportPeriod;
import org.district.socialmedia.oversight.entity.RequestFigures;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Where the time of the requests and accounts reports goes, part by part, on a database that ReportsBenchmark has set
 * up (roll-ups made, compliance tally counted): each part timed on its own in the same JVM, median and p95 of
 * -Dbench.runs after -Dbench.warm, for the District and the demo clerk's school. The parts are the report's own calls
 * (RequestRollups.responses is taken apart as it reads: rolled days, month counts, month hours, today live; then the
 * medians' tenths as RequestFigures.of asks for them, counted; then the open requests by age band).
 *
 * <pre>./mvnw -B -o -Pbench-reports verify -Dbench.dirs=DIR -Dmain.args="-Xmx2g -cp %classpath org.district.socialmedia.bench.ReportsProfile"</pre>
 * On PostgreSQL -Dbench.urls=JDBC_URL instead of (or besides) -Dbench.dirs, with DB_USER and DB_PASSWORD, as ReportsBenchmark.
 */
public final class ReportsProfile {

    private static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");

    private ReportsProfile() {
    }

    public static void main(String[] args) throws Exception {
        int runs = Integer.getInteger("bench.runs", 20);
        int warm = Integer.getInteger("bench.warm", 3);
        for (GeneratedDatabase database : GeneratedDatabase.named()) {
            database.migrate();
            Map<String, String> props = database.unit();
            props.put("eclipselink.logging.level.metadata", "SEVERE");
            // -Declipselink.logging.level.sql=FINE -Declipselink.logging.parameters=true: the statements as sent
            System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("eclipselink."))
                    .forEach(k -> props.put(k, System.getProperty(k)));
            EntityManagerFactory emf = Persistence.createEntityManagerFactory("social-media", props);
            try {
                profile(database.label(), emf, runs, warm);
            } finally {
                emf.close();
            }
        }
    }

    private static void profile(String label, EntityManagerFactory emf, int runs, int warm) throws Exception {
        Instant now = Instant.now();
        LocalDate today = now.atZone(ZONE).toLocalDate();
        ReportPeriod year = ReportPeriod.parse(YearMonth.from(today).minusMonths(11).atDay(1).toString(), today.toString(), today, ZONE);
        long clerkSchool = BenchDatabase.inTransaction(emf, em -> ((Number) em.createNativeQuery(
                "SELECT unit_id FROM staff_user WHERE username = 'clerk'").getSingleResult()).longValue());
        System.out.printf(Locale.ROOT, "%n%s (load average before: %s)%n%-52s %9s %9s   %s%n", label,
                Files.readString(Path.of("/proc/loadavg")).strip(), "part", "median", "p95", "a figure");
        for (Long unit : Arrays.asList(null, clerkSchool)) {
            String who = unit == null ? "District" : "school";
            long u = unit == null ? 0 : unit;
            Map<String, Function<EntityManager, Object>> parts = new LinkedHashMap<>();
            parts.put(who + " requests: whole call", em -> beans(em).get(RequestReports.class).figures(year, unit, now).answered());
            parts.put(who + "   days rolled + last", em -> beans(em).get(RollupDays.class).rolled(RequestRollups.ROLLUP, year.from(), year.to(), today).size()
                    + beans(em).get(RollupDays.class).last(RequestRollups.ROLLUP).getDayOfMonth());
            parts.put(who + "   month counts", em -> beans(em).get(RequestMonths.class).counts(u, months(year, today)).size());
            parts.put(who + "   month hours (read)", em -> hoursRead(beans(em).get(RequestMonths.class).times(u, months(year, today))));
            parts.put(who + "   today live", em -> beans(em).get(RequestRollups.class).liveCells(today, today, unit).size());
            parts.put(who + "   responses (all of the above)", em -> beans(em).get(RequestRollups.class).responses(year.from(), year.to(), unit).counts().size());
            parts.put(who + "   figures from responses (tenths asked)", em -> {
                BeanWiring beans = beans(em);
                RequestRollups.Responses r = beans.get(RequestRollups.class).responses(year.from(), year.to(), unit);
                int[] asked = new int[2];
                AnswerTimes counted = new AnswerTimes(List.of(), wanted -> {
                    asked[0]++;
                    asked[1] += wanted.size();
                    return List.of();
                });
                RequestFigures.of(year, r.counts(), r.times().and(counted), beans.get(RequestReports.class).kindLabels(), Map.of());
                return asked[0] + " tenth reads of " + asked[1] + " hours";
            });
            parts.put(who + "   open by age", em -> beans(em).get(RequestReports.class).openByAge(unit, now).values());
            parts.put(who + " requests: whole call again", em -> beans(em).get(RequestReports.class).figures(year, unit, now).answered());
            parts.put(who + " accounts: whole call", em -> beans(em).get(AccountReports.class).figures(unit, today, Instant.now()).accounts());
            String only = System.getProperty("profile.only", "");
            if (!only.isBlank()) {
                // some parts alone, e.g. for a JFR recording of the calls or the statements they send
                parts.keySet().removeIf(k -> !k.contains(only));
            }
            for (Map.Entry<String, Function<EntityManager, Object>> part : parts.entrySet()) {
                Object[] figure = new Object[1];
                double[] ms = BenchDatabase.timed(emf, runs, warm, em -> figure[0] = part.getValue().apply(em));
                System.out.printf(Locale.ROOT, "%-52s %9.1f %9.1f   %s%n", part.getKey(), BenchDatabase.percentile(ms, 50),
                        BenchDatabase.percentile(ms, 95), figure[0]);
            }
        }
        System.out.printf(Locale.ROOT, "(load average after: %s)%n", Files.readString(Path.of("/proc/loadavg")).strip());
    }

    private static BeanWiring beans(EntityManager em) {
        return new BeanWiring(em, Clock.systemUTC());
    }

    /** The months of the period whose rolled-up days all lie in it: with a period from a month's first day, all of them. */
    private static Set<YearMonth> months(ReportPeriod period, LocalDate today) {
        TreeSet<YearMonth> months = new TreeSet<>();
        for (YearMonth m = YearMonth.from(period.from()); !m.isAfter(YearMonth.from(today.minusDays(1))); m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }

    private static String hoursRead(AnswerTimes times) {
        List<String> out = new ArrayList<>();
        out.add(times.count(AnswerTimes.Scope.ALL) + " responses");
        return String.join(", ", out);
    }
}
