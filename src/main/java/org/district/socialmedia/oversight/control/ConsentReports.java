package org.district.socialmedia.oversight.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import org.district.socialmedia.consent.control.CoverageDistrict;
import org.district.socialmedia.consent.control.CoverageTally;
import org.district.socialmedia.consent.entity.ConsentItem;
import org.district.socialmedia.consent.entity.CoverageCount;
import org.district.socialmedia.consent.entity.TakedownTask;
import org.district.socialmedia.oversight.entity.AnswerTimes;
import org.district.socialmedia.oversight.entity.ConsentCoverage;
import org.district.socialmedia.oversight.entity.Durations;
import org.district.socialmedia.oversight.entity.ReportPeriod;
import org.district.socialmedia.oversight.entity.TakedownFigures;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Consent coverage per school and class on a day, the forms ending soon, and the takedowns' figures. */
@Stateless
public class ConsentReports {

    /** The most school rows of the District one answer holds (the API's size). */
    public static final int PAGE_MAX = 1000;

    @PersistenceContext
    EntityManager em;
    @Inject
    CoverageTally tally;
    @Inject
    CoverageDistrict district;
    @Inject
    TakedownRollups takedownRollups;

    public record ClassName(Long id, String title, String school) {
    }

    /**
     * Coverage on a day: the consent component's stored counts of the schools that have a clean one for that day
     * (kept by the consent timer and made stale by every change: {@link CoverageTally}), the others counted from
     * their rows now. The same figures either way. For the whole District (no unit) a row per school only, and no
     * class rows (63,000 at full scale): a school's classes are the answer for that school. Every school row.
     *
     * @param item null for every item
     */
    public ConsentCoverage coverage(Long unitId, ConsentItem item, LocalDate day) {
        return coverage(unitId, item, day, 0, Integer.MAX_VALUE);
    }

    /**
     * The same with the District's school rows paged: {@code size} of them from the {@code first} (0 on), in name
     * order. The totals are the whole District's. A school's answer is not paged (its classes are a school's).
     */
    public ConsentCoverage coverage(Long unitId, ConsentItem item, LocalDate day, int first, int size) {
        Set<ConsentItem> items = item == null ? EnumSet.allOf(ConsentItem.class) : EnumSet.of(item);
        return unitId == null ? districtCoverage(items, day, first, size) : schoolCoverage(unitId, items, day);
    }

    /**
     * A page of rows per school. The District's totals are its row of the tally ({@link CoverageDistrict}: the sums of
     * every school row), less the school rows not clean for the day, plus those units counted now; the page is the
     * units with students in name order from an index, only its rows read. Neither reads every unit while the consent
     * timer keeps up (docs/performance.md).
     */
    private ConsentCoverage districtCoverage(Set<ConsentItem> items, LocalDate day, int first, int size) {
        CoverageDistrict.Totals totals = district.totals(day, false);
        if (!totals.everyUnit()) {
            // a unit without a school row yet (new, not counted by the timer): read again with those units, in one statement
            totals = district.totals(day, true);
        }
        long schools = totals.schools();
        long formsEnding = totals.formsEnding();
        Map<Long, CoverageCount> countedNow = new HashMap<>();
        List<Long> countedWithStudents = new ArrayList<>();
        for (CoverageTally.SchoolFigures unit : totals.notClean()) {
            CoverageCount school = tally.recount(unit.unitId(), day).get(CoverageCount.SCHOOL);
            countedNow.put(unit.unitId(), school);
            if (unit.enrolled() != null) {
                schools -= unit.enrolled() > 0 ? 1 : 0;
                formsEnding -= unit.formsEnding();
            }
            schools += school.enrolled() > 0 ? 1 : 0;
            formsEnding += school.formsEnding();
            if (school.enrolled() > 0) {
                countedWithStudents.add(unit.unitId());
            }
        }
        List<ConsentCoverage.Row> schoolRows = new ArrayList<>();
        for (CoverageTally.PageUnit unit : tally.schoolsByName(day, first, size, countedNow.keySet(), countedWithStudents)) {
            CoverageCount school = countedNow.get(unit.unitId());
            if (school == null) {
                // a school whose row went stale since the totals were read is counted now, as it would have been then
                school = unit.counted() != null ? unit.counted() : tally.recount(unit.unitId(), day).get(CoverageCount.SCHOOL);
            }
            schoolRows.add(row(unit.unitId(), unit.name(), unit.name(), school, items));
        }
        return new ConsentCoverage(day.toString(), items.stream().map(Enum::name).toList(), schoolRows, List.of(), formsEnding,
                schools, first);
    }

    /** The school's row and a row per class of the school with students. */
    private ConsentCoverage schoolCoverage(long unitId, Set<ConsentItem> items, LocalDate day) {
        List<CoverageCount> counts = tally.stored(unitId, day).get(unitId);
        if (counts == null) {
            counts = new ArrayList<>(tally.recount(unitId, day).values());
        }
        long formsEnding = counts.stream().filter(CoverageCount::isSchool).mapToLong(CoverageCount::formsEnding).sum();
        String unitName = em.createQuery("SELECT u.name FROM OrgUnit u WHERE u.id = :unit", String.class)
                .setParameter("unit", unitId).getSingleResult();
        Map<Long, ClassName> classes = new HashMap<>();
        for (ClassName c : em.createQuery("SELECT NEW " + ClassName.class.getName() + "(c.id, c.title, c.school.name)"
                + " FROM SchoolClass c WHERE c.active = TRUE AND c.school.id = :unit", ClassName.class).setParameter("unit", unitId).getResultList()) {
            classes.put(c.id(), c);
        }
        List<ConsentCoverage.Row> schoolRows = new ArrayList<>();
        List<ConsentCoverage.Row> classRows = new ArrayList<>();
        for (CoverageCount c : counts) {
            if (c.isSchool() && c.enrolled() > 0) {
                schoolRows.add(row(unitId, unitName, unitName, c, items));
            } else if (!c.isSchool() && classes.containsKey(c.classId())) {
                ClassName name = classes.get(c.classId());
                classRows.add(row(c.classId(), name.title(), name.school(), c, items));
            }
        }
        classRows.sort((a, b) -> (a.school() + "\u0000" + a.name()).compareToIgnoreCase(b.school() + "\u0000" + b.name()));
        return new ConsentCoverage(day.toString(), items.stream().map(Enum::name).toList(), schoolRows, classRows, formsEnding,
                schoolRows.size(), 0);
    }

    private static ConsentCoverage.Row row(Long id, String name, String school, CoverageCount count, Set<ConsentItem> items) {
        Map<String, Long> covered = new LinkedHashMap<>();
        Map<String, Double> share = new LinkedHashMap<>();
        for (ConsentItem item : items) {
            covered.put(item.name(), count.covered(item));
            share.put(item.name(), Durations.share(count.covered(item), count.enrolled()));
        }
        return new ConsentCoverage.Row(id, name, school, count.enrolled(), covered, share);
    }

    /** The tasks open now (counted), and the times of those done in the period from the daily roll-ups (today live). */
    public TakedownFigures takedowns(ReportPeriod period, Long unitId) {
        // the status counted, not the id: PostgreSQL then counts the open tasks from ix_takedown_task_done alone, where
        // the id read a table page per open task (689 at full scale; docs/performance.md)
        TypedQuery<Long> open = em.createQuery("SELECT COUNT(t.status) FROM TakedownTask t WHERE t.status = :open"
                + (unitId == null ? "" : " AND t.student.school.id = :unit"), Long.class).setParameter("open", TakedownTask.Status.OPEN);
        if (unitId != null) {
            open.setParameter("unit", unitId);
        }
        AnswerTimes times = takedownRollups.times(period.from(), period.to(), unitId);
        // the median's and the 90th percentile's hours' tenths in one read
        times.readHoursOf(List.of(AnswerTimes.Scope.ALL), List.of(AnswerTimes.Scope.ALL));
        return new TakedownFigures(period.from().toString(), period.to().toString(), open.getSingleResult(),
                times.count(AnswerTimes.Scope.ALL), times.medianHours(AnswerTimes.Scope.ALL), times.p90Hours(AnswerTimes.Scope.ALL));
    }
}
