package org.district.socialmedia.consent.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.district.socialmedia.consent.entity.ConsentItem;
import org.district.socialmedia.consent.entity.CoverageCount;
import org.district.socialmedia.platform.control.DistrictTime;
import org.district.socialmedia.platform.control.Tally;
import org.district.socialmedia.students.entity.RosterChanged;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Consent coverage kept per school and class (table consent_coverage_tally, V62): counted by the consent timer
 * for the District's day, made stale in the transaction of every change that moves it (a form recorded, a
 * revocation, a student entered, a roster written or undone), and counted again by the timer's next pass. The
 * school's row is the lock: a change marks it, a count locks it before it reads, so no change in flight is lost.
 * A count also moves the District's row by its school's change ({@link CoverageDistrict}), whose lock it takes first.
 * Runs in the caller's transaction.
 */
@ApplicationScoped
public class CoverageTally implements Tally {

    static final String NAME = "consent-coverage";
    private static final String COLUMNS = "unit_id, class_id, counted_for, stale, enrolled, photo, video, full_name, first_name, student_work, voice,"
            + " forms_ending";

    @PersistenceContext
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    DistrictTime districtTime;
    @Inject
    CoverageDistrict district;

    /** A school's stored counts for a day, if it has a clean (not stale) count for it. */
    public record Stored(long unitId, List<CoverageCount> counts) {
    }

    @Override
    public String name() {
        return NAME;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(districtTime.timeZone()));
    }

    // ---------------------------------------------------------------- the writers' side

    /** A change to this student's forms or enrollments: their school and the schools of their classes. */
    public void studentChanged(long studentId) {
        em.createNativeQuery("UPDATE consent_coverage_tally SET stale = TRUE WHERE class_id = 0 AND stale = FALSE AND unit_id IN"
                        + " (SELECT s.school_id FROM student s WHERE s.id = ?1 UNION SELECT c.school_id FROM enrollment e"
                        + " JOIN school_class c ON c.id = e.class_id WHERE e.student_id = ?1)")
                .setParameter(1, studentId).executeUpdate();
    }

    /** A school's students, classes or enrollments changed. */
    void rosterChanged(@Observes RosterChanged change) {
        em.createNativeQuery("UPDATE consent_coverage_tally SET stale = TRUE WHERE class_id = 0 AND unit_id = ?1")
                .setParameter(1, change.schoolId()).executeUpdate();
    }

    // ---------------------------------------------------------------- the timer's side

    /** The units (schools and departments) with no clean count for the District's day: the timer's work. */
    public List<Long> due(int max) {
        return due(today(), max);
    }

    List<Long> due(LocalDate day, int max) {
        Set<Long> clean = new HashSet<>(clean(day));
        return em.createQuery("SELECT u.id FROM OrgUnit u ORDER BY u.id", Long.class).getResultList().stream()
                .filter(id -> !clean.contains(id)).limit(max).toList();
    }

    private List<Long> clean(LocalDate day) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("SELECT unit_id FROM consent_coverage_tally WHERE class_id = 0 AND stale = FALSE AND counted_for = ?1")
                .setParameter(1, Date.valueOf(day)).getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    /**
     * Counts one unit again for the District's day and stores it, its school row locked first (a change in flight
     * commits before the count reads, one that comes after marks the row again). Idempotent; answers whether
     * anything stored changed.
     */
    public boolean count(long unitId) {
        return store(unitId, today());
    }

    boolean store(long unitId, LocalDate day) {
        district.lock();
        @SuppressWarnings("unchecked")
        List<Object> locked = em.createNativeQuery("SELECT unit_id FROM consent_coverage_tally WHERE unit_id = ?1 AND class_id = 0 FOR UPDATE")
                .setParameter(1, unitId).getResultList();
        Map<Long, CoverageCount> after = recount(unitId, day);
        Map<Long, CoverageCount> before = storedRows(unitId, null);
        em.createNativeQuery("DELETE FROM consent_coverage_tally WHERE unit_id = ?1 AND class_id <> 0").setParameter(1, unitId).executeUpdate();
        CoverageCount school = after.get(CoverageCount.SCHOOL);
        for (CoverageCount c : after.values()) {
            if (!c.isSchool()) {
                insert(c, day);
            }
        }
        boolean changed = !differences(before, after, day).isEmpty();
        // the school's row is updated in place, never deleted: a change waiting on its lock then marks the new count
        if (locked.isEmpty()) {
            insert(school, day);
        } else {
            em.createNativeQuery("UPDATE consent_coverage_tally SET counted_for = ?2, stale = FALSE, enrolled = ?3, photo = ?4, video = ?5,"
                            + " full_name = ?6, first_name = ?7, student_work = ?8, voice = ?9, forms_ending = ?10 WHERE unit_id = ?1 AND class_id = 0")
                    .setParameter(1, unitId).setParameter(2, Date.valueOf(day)).setParameter(3, school.enrolled())
                    .setParameter(4, school.covered()[0]).setParameter(5, school.covered()[1]).setParameter(6, school.covered()[2])
                    .setParameter(7, school.covered()[3]).setParameter(8, school.covered()[4]).setParameter(9, school.covered()[5])
                    .setParameter(10, school.formsEnding()).executeUpdate();
        }
        district.moved(before.get(CoverageCount.SCHOOL), school);
        return changed;
    }

    private void insert(CoverageCount c, LocalDate day) {
        em.createNativeQuery("INSERT INTO consent_coverage_tally (" + COLUMNS + ") VALUES (?1, ?2, ?3, FALSE, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)")
                .setParameter(1, c.unitId()).setParameter(2, c.classId()).setParameter(3, Date.valueOf(day))
                .setParameter(4, c.enrolled()).setParameter(5, c.covered()[0]).setParameter(6, c.covered()[1])
                .setParameter(7, c.covered()[2]).setParameter(8, c.covered()[3]).setParameter(9, c.covered()[4])
                .setParameter(10, c.covered()[5]).setParameter(11, c.formsEnding()).executeUpdate();
    }

    // ---------------------------------------------------------------- the report's side

    /**
     * The stored counts of the day for one unit or (null) every unit, by unit: only units whose school row is
     * clean and of that day. A unit with none must be counted from its rows ({@link CoverageCounter}).
     */
    public Map<Long, List<CoverageCount>> stored(Long unitId, LocalDate day) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT t." + COLUMNS.replace(", ", ", t.") + " FROM consent_coverage_tally t"
                        + " JOIN consent_coverage_tally s ON s.unit_id = t.unit_id AND s.class_id = 0"
                        + " WHERE s.stale = FALSE AND s.counted_for = ?1 AND t.counted_for = ?1"
                        // the unit on both sides: else H2 reads every school row of the day (ix_consent_coverage_tally_school) first
                        + (unitId == null ? "" : " AND t.unit_id = " + unitId.longValue() + " AND s.unit_id = " + unitId.longValue()))
                .setParameter(1, Date.valueOf(day)).getResultList();
        Map<Long, List<CoverageCount>> byUnit = new LinkedHashMap<>();
        for (Object[] row : rows) {
            CoverageCount c = count(row);
            byUnit.computeIfAbsent(c.unitId(), k -> new ArrayList<>()).add(c);
        }
        return byUnit;
    }

    /**
     * A unit and the students and forms ending of its school row, both null when it has none (it must be counted from
     * its rows).
     */
    public record SchoolFigures(long unitId, Long enrolled, Long formsEnding) {
    }

    /** A unit of a page of the District's schools, with its school row's counts if they are clean for the day (else null). */
    public record PageUnit(long unitId, String name, CoverageCount counted) {
    }

    /**
     * A page of the District's units with students, in name order (then id), the database's, which ix_org_unit_name_key
     * (V88) gives without sorting every unit: {@code size} of them (Integer.MAX_VALUE: all) from the {@code first} (0 on).
     * A unit has students by its school row, except the units counted now ({@code countedNow}, the District's totals
     * counted them: those with students are {@code countedWithStudents}). A row made stale since the totals were read
     * still holds the figures of its last count. No list of every unit's id: the lists are of the units counted now.
     */
    public List<PageUnit> schoolsByName(LocalDate day, int first, int size, Collection<Long> countedNow, Collection<Long> countedWithStudents) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT u.id, u.name, t." + COLUMNS.replace(", ", ", t.") + " FROM org_unit u"
                        + " LEFT JOIN consent_coverage_tally t ON t.unit_id = u.id AND t.class_id = 0 WHERE (t.enrolled > 0"
                        + (countedNow.isEmpty() ? "" : " AND u.id NOT IN (" + ids(countedNow) + ")") + ")"
                        + (countedWithStudents.isEmpty() ? "" : " OR u.id IN (" + ids(countedWithStudents) + ")")
                        + " ORDER BY u.name_key, u.id" + (first > 0 ? " OFFSET " + first + " ROWS" : "")
                        + (size < Integer.MAX_VALUE ? " FETCH FIRST " + size + " ROWS ONLY" : ""))
                .getResultList();
        List<PageUnit> units = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            Object[] tally = Arrays.copyOfRange(row, 2, row.length);
            boolean clean = tally[0] != null && !Boolean.TRUE.equals(tally[3]) && day.equals(localDate(tally[2]));
            units.add(new PageUnit(((Number) row[0]).longValue(), (String) row[1], clean ? count(tally) : null));
        }
        return units;
    }

    private static String ids(Collection<Long> ids) {
        return String.join(",", ids.stream().map(String::valueOf).toList());
    }

    private static CoverageCount count(Object[] row) {
        long[] covered = new long[ConsentItem.values().length];
        for (int i = 0; i < covered.length; i++) {
            covered[i] = ((Number) row[5 + i]).longValue();
        }
        return new CoverageCount(((Number) row[0]).longValue(), ((Number) row[1]).longValue(), ((Number) row[4]).longValue(), covered,
                ((Number) row[5 + covered.length]).longValue());
    }

    /** A unit's rows whatever their state, by class (0: the school). */
    private Map<Long, CoverageCount> storedRows(long unitId, LocalDate day) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT " + COLUMNS + " FROM consent_coverage_tally WHERE unit_id = ?1")
                .setParameter(1, unitId).getResultList();
        Map<Long, CoverageCount> byClass = new HashMap<>();
        for (Object[] row : rows) {
            if (day == null || day.equals(localDate(row[2]))) {
                CoverageCount c = count(row);
                byClass.put(c.classId(), c);
            }
        }
        return byClass;
    }

    private static LocalDate localDate(Object value) {
        return value instanceof Date d ? d.toLocalDate() : value instanceof LocalDate l ? l : LocalDate.parse(value.toString());
    }

    // ---------------------------------------------------------------- the recount

    /**
     * Every clean count of its day against a count of the rows now; a stale or older one is not a claim. A school
     * found different is compared again under its school row's lock, as a count takes it: each statement here reads
     * what is committed when it starts, so a change that commits between them (its school marked stale in the same
     * commit) would otherwise show as a difference it is not.
     */
    @Override
    public List<String> differences() {
        // the District's row first: its lock, if it takes it, comes before a school's, as in a count
        List<String> differences = new ArrayList<>(district.differences());
        @SuppressWarnings("unchecked")
        List<Object[]> schools = em.createNativeQuery("SELECT unit_id, counted_for FROM consent_coverage_tally WHERE class_id = 0 AND stale = FALSE"
                + " ORDER BY unit_id").getResultList();
        for (Object[] school : schools) {
            long unitId = ((Number) school[0]).longValue();
            LocalDate day = localDate(school[1]);
            if (!differences(storedRows(unitId, day), recount(unitId, day), day).isEmpty()) {
                differences.addAll(confirmed(unitId, day));
            }
        }
        return differences;
    }

    /** A school's differences read again with its school row locked: none if that row is no longer a clean count of the day. */
    private List<String> confirmed(long unitId, LocalDate day) {
        @SuppressWarnings("unchecked")
        List<Object[]> school = em.createNativeQuery("SELECT stale, counted_for FROM consent_coverage_tally WHERE unit_id = ?1 AND class_id = 0 FOR UPDATE")
                .setParameter(1, unitId).getResultList();
        if (school.isEmpty() || Boolean.TRUE.equals(school.get(0)[0]) || !day.equals(localDate(school.get(0)[1]))) {
            return List.of();
        }
        return differences(storedRows(unitId, day), recount(unitId, day), day);
    }

    /**
     * The unit's counts from its rows by class, the school's row always there (enrolled 0 for none), with its
     * students' forms ending within 30 days: what a count stores, and what a report counts for a school without a
     * clean count for the day.
     */
    public Map<Long, CoverageCount> recount(long unitId, LocalDate day) {
        Map<Long, CoverageCount> counts = new LinkedHashMap<>();
        counts.put(CoverageCount.SCHOOL, new CoverageCount(unitId, CoverageCount.SCHOOL, 0, new long[ConsentItem.values().length]));
        for (CoverageCount c : CoverageCounter.count(em, unitId, day)) {
            counts.put(c.classId(), c);
        }
        counts.put(CoverageCount.SCHOOL, counts.get(CoverageCount.SCHOOL).withFormsEnding(CoverageCounter.formsEnding(em, unitId, day)));
        return counts;
    }

    static List<String> differences(Map<Long, CoverageCount> stored, Map<Long, CoverageCount> recounted, LocalDate day) {
        List<String> differences = new ArrayList<>();
        for (CoverageCount r : recounted.values()) {
            CoverageCount s = stored.get(r.classId());
            if (!r.sameFigures(s)) {
                differences.add(r.key() + " on " + day + ": stored " + (s == null ? "nothing" : s.figures()) + ", recounted " + r.figures());
            }
        }
        for (CoverageCount s : stored.values()) {
            if (!recounted.containsKey(s.classId())) {
                differences.add(s.key() + " on " + day + ": stored " + s.figures() + ", recounted nothing");
            }
        }
        return differences;
    }

    /** Every unit counted again for the District's day, then the District's row; answers how many units' stored counts (and that row) changed. */
    @Override
    public int rebuild() {
        LocalDate day = today();
        int changed = 0;
        for (Long unitId : em.createQuery("SELECT u.id FROM OrgUnit u ORDER BY u.id", Long.class).getResultList()) {
            changed += store(unitId, day) ? 1 : 0;
        }
        return changed + district.rebuild();
    }
}
