package org.district.socialmedia.oversight.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import org.district.socialmedia.consent.control.CoverageCounter;
import org.district.socialmedia.consent.control.CoverageTally;
import org.district.socialmedia.consent.entity.ConsentItem;
import org.district.socialmedia.consent.entity.ConsentStatus;
import org.district.socialmedia.consent.entity.CoverageCount;
import org.district.socialmedia.consent.entity.TakedownTask;
import org.district.socialmedia.oversight.entity.ConsentCoverage;
import org.district.socialmedia.oversight.entity.Durations;
import org.district.socialmedia.oversight.entity.ReportPeriod;
import org.district.socialmedia.oversight.entity.TakedownFigures;
import org.district.socialmedia.oversight.entity.TimeClass;

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

    static final int ENDING_WITHIN_DAYS = 30;
    private static final int STUDENTS_PER_QUERY = 1000;

    @PersistenceContext
    EntityManager em;
    @Inject
    CoverageTally tally;
    @Inject
    TakedownRollups takedownRollups;

    public record ClassName(Long id, String title, String school) {
    }

    /**
     * Coverage on a day: the consent component's stored counts of the schools that have a clean one for that day
     * (kept by the consent timer and made stale by every change: {@link CoverageTally}), the others counted from
     * their rows now. The same figures either way.
     *
     * @param item null for every item
     */
    public ConsentCoverage coverage(Long unitId, ConsentItem item, LocalDate day) {
        Set<ConsentItem> items = item == null ? EnumSet.allOf(ConsentItem.class) : EnumSet.of(item);
        Map<Long, List<CoverageCount>> counts = tally.stored(unitId, day);
        Map<Long, String> unitNames = new HashMap<>();
        TypedQuery<Object[]> units = em.createQuery("SELECT u.id, u.name FROM OrgUnit u" + (unitId == null ? "" : " WHERE u.id = :unit"), Object[].class);
        if (unitId != null) {
            units.setParameter("unit", unitId);
        }
        for (Object[] u : units.getResultList()) {
            unitNames.put((Long) u[0], (String) u[1]);
            if (!counts.containsKey((Long) u[0])) {
                counts.put((Long) u[0], CoverageCounter.count(em, (Long) u[0], day));
            }
        }
        TypedQuery<ClassName> classNames = em.createQuery("SELECT NEW " + ClassName.class.getName() + "(c.id, c.title, c.school.name)"
                + " FROM SchoolClass c WHERE c.active = TRUE" + (unitId == null ? "" : " AND c.school.id = :unit"), ClassName.class);
        if (unitId != null) {
            classNames.setParameter("unit", unitId);
        }
        Map<Long, ClassName> classes = new HashMap<>();
        for (ClassName c : classNames.getResultList()) {
            classes.put(c.id(), c);
        }
        List<ConsentCoverage.Row> schoolRows = new ArrayList<>();
        List<ConsentCoverage.Row> classRows = new ArrayList<>();
        for (List<CoverageCount> unitCounts : counts.values()) {
            for (CoverageCount c : unitCounts) {
                if (c.isSchool() && c.enrolled() > 0) {
                    String name = unitNames.get(c.unitId());
                    schoolRows.add(row(c.unitId(), name, name, c, items));
                } else if (!c.isSchool() && classes.containsKey(c.classId())) {
                    ClassName name = classes.get(c.classId());
                    classRows.add(row(c.classId(), name.title(), name.school(), c, items));
                }
            }
        }
        schoolRows.sort((a, b) -> a.name().compareToIgnoreCase(b.name()));
        classRows.sort((a, b) -> (a.school() + "\u0000" + a.name()).compareToIgnoreCase(b.school() + "\u0000" + b.name()));
        return new ConsentCoverage(day.toString(), items.stream().map(Enum::name).toList(), schoolRows, classRows,
                formsEnding(unitId, day));
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

    /**
     * Forms in force whose period ends within the next 30 days: for the District a range of the expiry index; for
     * a school by its students' ids, a thousand a query (by the student's school H2 walked every form of the
     * District ending in the window to keep the school's: 5 s at 10% of the District).
     */
    long formsEnding(Long unitId, LocalDate day) {
        String jpql = "SELECT COUNT(f.id) FROM ConsentForm f WHERE f.status = :active AND f.periodEnd >= :day AND f.periodEnd <= :until";
        if (unitId == null) {
            return ending(em.createQuery(jpql, Long.class), day);
        }
        List<Long> students = em.createQuery("SELECT s.id FROM Student s WHERE s.school.id = :unit", Long.class)
                .setParameter("unit", unitId).getResultList();
        long count = 0;
        for (int i = 0; i < students.size(); i += STUDENTS_PER_QUERY) {
            count += ending(em.createQuery(jpql + " AND f.student.id IN :ids", Long.class)
                    .setParameter("ids", students.subList(i, Math.min(students.size(), i + STUDENTS_PER_QUERY))), day);
        }
        return count;
    }

    private static long ending(TypedQuery<Long> q, LocalDate day) {
        return q.setParameter("active", ConsentStatus.ACTIVE).setParameter("day", day).setParameter("until", day.plusDays(ENDING_WITHIN_DAYS))
                .getSingleResult();
    }

    /** The tasks open now (counted), and the times of those done in the period from the daily roll-ups (today live). */
    public TakedownFigures takedowns(ReportPeriod period, Long unitId) {
        TypedQuery<Long> open = em.createQuery("SELECT COUNT(t.id) FROM TakedownTask t WHERE t.status = :open"
                + (unitId == null ? "" : " AND t.student.school.id = :unit"), Long.class).setParameter("open", TakedownTask.Status.OPEN);
        if (unitId != null) {
            open.setParameter("unit", unitId);
        }
        List<TimeClass> times = takedownRollups.times(period.from(), period.to(), unitId);
        return new TakedownFigures(period.from().toString(), period.to().toString(), open.getSingleResult(),
                times.stream().mapToLong(TimeClass::count).sum(), Durations.medianHoursOfClasses(times), Durations.p90HoursOfClasses(times));
    }
}
