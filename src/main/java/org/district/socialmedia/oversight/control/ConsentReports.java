package org.district.socialmedia.oversight.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import org.district.socialmedia.consent.entity.ConsentForm;
import org.district.socialmedia.consent.entity.ConsentItem;
import org.district.socialmedia.consent.entity.ConsentStatus;
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
import java.util.TreeMap;

/** Consent coverage per school and class on a day, the forms ending soon, and the takedowns' figures. */
@Stateless
public class ConsentReports {

    static final int ENDING_WITHIN_DAYS = 30;

    @PersistenceContext
    EntityManager em;
    @Inject
    TakedownRollups takedownRollups;

    public record StudentRow(Long studentId, Long schoolId, String school) {
    }

    public record EnrollmentRow(Long studentId, Long classId, String title, String school) {
    }

    /**
     * @param item null for every item
     */
    public ConsentCoverage coverage(Long unitId, ConsentItem item, LocalDate day) {
        Set<ConsentItem> items = item == null ? EnumSet.allOf(ConsentItem.class) : EnumSet.of(item);
        Map<Long, Set<ConsentItem>> allowed = allowedItems(unitId, day);

        Map<Long, String> schoolNames = new TreeMap<>();
        Map<Long, List<Long>> bySchool = new LinkedHashMap<>();
        TypedQuery<StudentRow> students = em.createQuery("SELECT NEW " + StudentRow.class.getName()
                + "(s.id, s.school.id, s.school.name) FROM Student s WHERE s.active = TRUE"
                + (unitId == null ? "" : " AND s.school.id = :unit"), StudentRow.class);
        if (unitId != null) {
            students.setParameter("unit", unitId);
        }
        for (StudentRow s : students.getResultList()) {
            schoolNames.put(s.schoolId(), s.school());
            bySchool.computeIfAbsent(s.schoolId(), k -> new ArrayList<>()).add(s.studentId());
        }
        List<ConsentCoverage.Row> schools = new ArrayList<>();
        bySchool.forEach((id, ids) -> schools.add(row(id, schoolNames.get(id), schoolNames.get(id), ids, items, allowed)));
        schools.sort((a, b) -> a.name().compareToIgnoreCase(b.name()));

        Map<Long, EnrollmentRow> classInfo = new HashMap<>();
        Map<Long, List<Long>> byClass = new LinkedHashMap<>();
        TypedQuery<EnrollmentRow> enrollments = em.createQuery("SELECT NEW " + EnrollmentRow.class.getName()
                + "(e.student.id, e.schoolClass.id, e.schoolClass.title, e.schoolClass.school.name) FROM Enrollment e"
                + " WHERE e.active = TRUE AND e.schoolClass.active = TRUE AND e.student.active = TRUE"
                + (unitId == null ? "" : " AND e.schoolClass.school.id = :unit"), EnrollmentRow.class);
        if (unitId != null) {
            enrollments.setParameter("unit", unitId);
        }
        for (EnrollmentRow e : enrollments.getResultList()) {
            classInfo.putIfAbsent(e.classId(), e);
            byClass.computeIfAbsent(e.classId(), k -> new ArrayList<>()).add(e.studentId());
        }
        List<ConsentCoverage.Row> classes = new ArrayList<>();
        byClass.forEach((id, ids) -> classes.add(row(id, classInfo.get(id).title(), classInfo.get(id).school(),
                ids.stream().distinct().toList(), items, allowed)));
        classes.sort((a, b) -> (a.school() + "\u0000" + a.name()).compareToIgnoreCase(b.school() + "\u0000" + b.name()));

        return new ConsentCoverage(day.toString(), items.stream().map(Enum::name).toList(), schools, classes,
                formsEnding(unitId, day));
    }

    private static ConsentCoverage.Row row(Long id, String name, String school, List<Long> studentIds, Set<ConsentItem> items,
                                           Map<Long, Set<ConsentItem>> allowed) {
        Map<String, Long> covered = new LinkedHashMap<>();
        Map<String, Double> share = new LinkedHashMap<>();
        for (ConsentItem item : items) {
            long n = studentIds.stream().filter(s -> allowed.getOrDefault(s, Set.of()).contains(item)).count();
            covered.put(item.name(), n);
            share.put(item.name(), Durations.share(n, studentIds.size()));
        }
        return new ConsentCoverage.Row(id, name, school, studentIds.size(), covered, share);
    }

    /** Per student, the items some form in its period allows on {@code day}, revocations in effect taken out. */
    Map<Long, Set<ConsentItem>> allowedItems(Long unitId, LocalDate day) {
        TypedQuery<ConsentForm> q = em.createQuery("SELECT f FROM ConsentForm f WHERE f.periodStart <= :day AND f.periodEnd >= :day"
                        + (unitId == null ? "" : " AND f.student.school.id = :unit"), ConsentForm.class)
                .setParameter("day", day)
                .setHint("eclipselink.batch.type", "IN").setHint("eclipselink.batch", "f.revocations")
                .setHint("eclipselink.batch", "f.student");
        if (unitId != null) {
            q.setParameter("unit", unitId);
        }
        Map<Long, Set<ConsentItem>> allowed = new HashMap<>();
        for (ConsentForm form : q.getResultList()) {
            Set<ConsentItem> consented = form.itemsAfterRevocations(day);
            Set<ConsentItem> studentItems = allowed.computeIfAbsent(form.getStudent().getId(), k -> EnumSet.noneOf(ConsentItem.class));
            for (ConsentItem item : ConsentItem.values()) {
                if (item.allowedBy(consented)) {
                    studentItems.add(item);
                }
            }
        }
        return allowed;
    }

    /** Forms in force whose period ends within the next 30 days (served by the expiry index). */
    long formsEnding(Long unitId, LocalDate day) {
        TypedQuery<Long> q = em.createQuery("SELECT COUNT(f.id) FROM ConsentForm f WHERE f.status = :active"
                        + " AND f.periodEnd >= :day AND f.periodEnd <= :until" + (unitId == null ? "" : " AND f.student.school.id = :unit"), Long.class)
                .setParameter("active", ConsentStatus.ACTIVE).setParameter("day", day).setParameter("until", day.plusDays(ENDING_WITHIN_DAYS));
        if (unitId != null) {
            q.setParameter("unit", unitId);
        }
        return q.getSingleResult();
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
