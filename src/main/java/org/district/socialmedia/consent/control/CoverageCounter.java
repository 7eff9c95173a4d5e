package org.district.socialmedia.consent.control;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.district.socialmedia.consent.entity.ConsentForm;
import org.district.socialmedia.consent.entity.ConsentItem;
import org.district.socialmedia.consent.entity.ConsentStatus;
import org.district.socialmedia.consent.entity.CoverageCount;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One school's consent coverage on a day counted from its rows: its active students, the students enrolled in
 * its active classes (from whichever school), and their forms in their period with the revocations in effect
 * by that day taken out. What the tally stores and what a recount compares it with.
 */
public final class CoverageCounter {

    private static final int IN_LIST = 1000;
    /** The forms "ending soon" of the coverage: in force and ending within this many days of the day. */
    public static final int ENDING_WITHIN_DAYS = 30;

    public record Enrolled(Long studentId, Long classId) {
    }

    private CoverageCounter() {
    }

    /** The school's row (if it has active students) then a row per class with active enrollments. */
    public static List<CoverageCount> count(EntityManager em, long unitId, LocalDate day) {
        List<Long> students = em.createQuery("SELECT s.id FROM Student s WHERE s.active = TRUE AND s.school.id = :unit", Long.class)
                .setParameter("unit", unitId).getResultList();
        Map<Long, Set<Long>> byClass = new LinkedHashMap<>();
        for (Enrolled e : em.createQuery("SELECT NEW " + Enrolled.class.getName() + "(e.student.id, e.schoolClass.id) FROM Enrollment e"
                        + " WHERE e.active = TRUE AND e.schoolClass.active = TRUE AND e.student.active = TRUE"
                        + " AND e.schoolClass.school.id = :unit ORDER BY e.schoolClass.id", Enrolled.class)
                .setParameter("unit", unitId).getResultList()) {
            byClass.computeIfAbsent(e.classId(), k -> new HashSet<>()).add(e.studentId());
        }
        // the forms by student id (ix_consent_form_student), a thousand students a query: H2 read the District's
        // forms in their period to keep one school's when asked by the student's school
        Set<Long> everyone = new LinkedHashSet<>(students);
        byClass.values().forEach(everyone::addAll);
        List<Long> ids = new ArrayList<>(everyone);
        Map<Long, Set<ConsentItem>> allowed = new HashMap<>();
        for (int i = 0; i < ids.size(); i += IN_LIST) {
            collect(allowed, em.createQuery("SELECT f FROM ConsentForm f WHERE f.student.id IN :ids"
                            + " AND f.periodStart <= :day AND f.periodEnd >= :day", ConsentForm.class)
                    .setParameter("ids", ids.subList(i, Math.min(ids.size(), i + IN_LIST))), day);
        }
        List<CoverageCount> counts = new ArrayList<>();
        if (!students.isEmpty()) {
            counts.add(count(unitId, CoverageCount.SCHOOL, students, allowed));
        }
        byClass.forEach((classId, enrolled) -> counts.add(count(unitId, classId, enrolled, allowed)));
        return counts;
    }

    /**
     * The school's students' (active or not) forms in force whose period ends within 30 days of the day, by the
     * students' ids, a thousand a query (ix_consent_form_student): by the student's school H2 walked every form of
     * the District ending in the window to keep the school's.
     */
    public static long formsEnding(EntityManager em, long unitId, LocalDate day) {
        List<Long> students = em.createQuery("SELECT s.id FROM Student s WHERE s.school.id = :unit", Long.class)
                .setParameter("unit", unitId).getResultList();
        long count = 0;
        for (int i = 0; i < students.size(); i += IN_LIST) {
            count += em.createQuery("SELECT COUNT(f.id) FROM ConsentForm f WHERE f.student.id IN :ids AND f.status = :active"
                            + " AND f.periodEnd >= :day AND f.periodEnd <= :until", Long.class)
                    .setParameter("ids", students.subList(i, Math.min(students.size(), i + IN_LIST)))
                    .setParameter("active", ConsentStatus.ACTIVE).setParameter("day", day)
                    .setParameter("until", day.plusDays(ENDING_WITHIN_DAYS)).getSingleResult();
        }
        return count;
    }

    private static void collect(Map<Long, Set<ConsentItem>> allowed, TypedQuery<ConsentForm> query, LocalDate day) {
        // revocations and students read in a query each for all the forms, not one per form
        List<ConsentForm> forms = query.setParameter("day", day).setHint("eclipselink.batch.type", "IN")
                .setHint("eclipselink.batch", "f.revocations").setHint("eclipselink.batch", "f.student").getResultList();
        for (ConsentForm form : forms) {
            Set<ConsentItem> consented = form.itemsAfterRevocations(day);
            Set<ConsentItem> items = allowed.computeIfAbsent(form.getStudent().getId(), k -> EnumSet.noneOf(ConsentItem.class));
            for (ConsentItem item : ConsentItem.values()) {
                if (item.allowedBy(consented)) {
                    items.add(item);
                }
            }
        }
    }

    private static CoverageCount count(long unitId, long classId, Collection<Long> students, Map<Long, Set<ConsentItem>> allowed) {
        long[] covered = new long[ConsentItem.values().length];
        for (Long student : students) {
            for (ConsentItem item : allowed.getOrDefault(student, Set.of())) {
                covered[item.ordinal()]++;
            }
        }
        return new CoverageCount(unitId, classId, students.size(), covered);
    }
}
