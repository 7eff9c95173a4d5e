package org.district.socialmedia.consent.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.district.socialmedia.consent.entity.CoverageCount;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The District's row of the consent coverage tally (table consent_coverage_district, V88): the sums over every school
 * row of the tally as stored, whatever its day and whether stale: how many there are, how many have students, and
 * their forms ending. Only a count stores a school row's figures (a change marks the row stale and leaves its figures),
 * so the row moves with the school rows in the count's transaction, and never in a writer's: the writers of forms and
 * rosters take no lock the whole District shares. A count locks the row first, before its school's row (its lock
 * order), so that a rebuild holding it for every unit and a count never wait on each other crosswise.
 * The District's answer is then this row, less the school rows not clean for its day, plus those schools counted now.
 * Runs in the caller's transaction.
 */
@ApplicationScoped
public class CoverageDistrict {

    static final String KEY = "district";

    @PersistenceContext
    EntityManager em;

    /**
     * The row's sums and the units now, with the units the row does not hold as a clean count of the day: their stored
     * figures (a stale row, or one of another day), or none (a unit without a row, listed only when asked for).
     */
    public record Totals(long units, long schools, long formsEnding, long unitsNow, List<CoverageTally.SchoolFigures> notClean) {

        /** The row holds a school row for every unit (else the units without one must be asked for). */
        public boolean everyUnit() {
            return units == unitsNow;
        }
    }

    /** Takes the row's lock (a count's first step). */
    void lock() {
        em.createNativeQuery("SELECT id FROM consent_coverage_district WHERE id = 1 FOR UPDATE").getResultList();
    }

    /** A school row stored with new figures: before, its figures as stored until now (null: it had no row). */
    void moved(CoverageCount before, CoverageCount after) {
        long units = before == null ? 1 : 0;
        long schools = (after.enrolled() > 0 ? 1 : 0) - (before != null && before.enrolled() > 0 ? 1 : 0);
        long formsEnding = after.formsEnding() - (before == null ? 0 : before.formsEnding());
        if (units != 0 || schools != 0 || formsEnding != 0) {
            em.createNativeQuery("UPDATE consent_coverage_district SET units = units + ?1, schools = schools + ?2, forms_ending = forms_ending + ?3 WHERE id = 1")
                    .setParameter(1, units).setParameter(2, schools).setParameter(3, formsEnding).executeUpdate();
        }
    }

    /**
     * The row and the school rows not clean for the day, read in one statement (one snapshot: a count commits its school
     * row and this row together, so each school is either in both or in neither), and the units now. Each part is a
     * range of an index: the row's key, three ranges of ix_consent_coverage_tally_school (stale of the day, before it,
     * after it), the primary key of org_unit. With {@code withoutRow}, also the units without a school row, which reads
     * every unit: only when the units now are more than the row holds.
     */
    public Totals totals(LocalDate day, boolean withoutRow) {
        String notClean = "SELECT unit_id, enrolled, forms_ending, 0, 0 FROM consent_coverage_tally WHERE class_id = 0 AND ";
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT -1, units, schools, forms_ending, (SELECT COUNT(*) FROM org_unit) FROM consent_coverage_district WHERE id = 1"
                        + " UNION ALL " + notClean + "counted_for = ?1 AND stale = TRUE"
                        + " UNION ALL " + notClean + "counted_for < ?1"
                        + " UNION ALL " + notClean + "counted_for > ?1"
                        + (withoutRow ? " UNION ALL SELECT u.id, NULL, NULL, 0, 0 FROM org_unit u WHERE NOT EXISTS"
                        + " (SELECT 1 FROM consent_coverage_tally t WHERE t.unit_id = u.id AND t.class_id = 0)" : ""))
                .setParameter(1, Date.valueOf(day)).getResultList();
        long units = -1;
        long schools = 0;
        long formsEnding = 0;
        long unitsNow = 0;
        List<CoverageTally.SchoolFigures> others = new ArrayList<>();
        for (Object[] row : rows) {
            long id = ((Number) row[0]).longValue();
            if (id == -1) {
                units = number(row[1]);
                schools = number(row[2]);
                formsEnding = number(row[3]);
                unitsNow = number(row[4]);
            } else {
                others.add(new CoverageTally.SchoolFigures(id, row[1] == null ? null : number(row[1]), row[2] == null ? null : number(row[2])));
            }
        }
        return new Totals(units, schools, formsEnding, unitsNow, others);
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    // ---------------------------------------------------------------- the recount

    /** The row against the sums of the school rows now, read in one statement, and again under its lock if they differ. */
    List<String> differences() {
        List<String> differences = compared();
        if (!differences.isEmpty()) {
            lock();
            differences = compared();
        }
        return differences;
    }

    private List<String> compared() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT (SELECT units FROM consent_coverage_district WHERE id = 1),"
                + " (SELECT schools FROM consent_coverage_district WHERE id = 1), (SELECT forms_ending FROM consent_coverage_district WHERE id = 1),"
                + " COUNT(*), COALESCE(SUM(CASE WHEN enrolled > 0 THEN 1 ELSE 0 END), 0), COALESCE(SUM(forms_ending), 0)"
                + " FROM consent_coverage_tally WHERE class_id = 0").getResultList();
        Object[] row = rows.get(0);
        String stored = row[0] == null ? "nothing" : figures(row[0], row[1], row[2]);
        String recounted = figures(row[3], row[4], row[5]);
        return stored.equals(recounted) ? List.of() : List.of(KEY + ": stored " + stored + ", recounted " + recounted);
    }

    private static String figures(Object units, Object schools, Object formsEnding) {
        return "school rows " + number(units) + ", with students " + number(schools) + ", forms ending " + number(formsEnding);
    }

    /** The row set to the sums of the school rows, under its lock (made if missing); answers 1 if it changed. */
    int rebuild() {
        if (em.createNativeQuery("SELECT id FROM consent_coverage_district WHERE id = 1 FOR UPDATE").getResultList().isEmpty()) {
            em.createNativeQuery("INSERT INTO consent_coverage_district (id, units, schools, forms_ending) VALUES (1, -1, 0, 0)").executeUpdate();
        }
        if (compared().isEmpty()) {
            return 0;
        }
        em.createNativeQuery("UPDATE consent_coverage_district SET units = (SELECT COUNT(*) FROM consent_coverage_tally WHERE class_id = 0),"
                + " schools = (SELECT COUNT(*) FROM consent_coverage_tally WHERE class_id = 0 AND enrolled > 0),"
                + " forms_ending = (SELECT COALESCE(SUM(forms_ending), 0) FROM consent_coverage_tally WHERE class_id = 0) WHERE id = 1").executeUpdate();
        return 1;
    }
}
