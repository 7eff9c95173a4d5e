package org.district.socialmedia.consent.control;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.district.socialmedia.consent.entity.ConsentForm;
import org.district.socialmedia.consent.entity.ConsentItem;
import org.district.socialmedia.consent.entity.CoverageCount;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
        Map<Long, Set<ConsentItem>> allowed = new HashMap<>();
        collect(allowed, em.createQuery("SELECT f FROM ConsentForm f WHERE f.periodStart <= :day AND f.periodEnd >= :day"
                + " AND f.student.school.id = :unit", ConsentForm.class).setParameter("unit", unitId), day);
        // students of another school in this school's classes: their forms too
        Set<Long> own = new HashSet<>(students);
        List<Long> others = byClass.values().stream().flatMap(Set::stream).distinct().filter(s -> !own.contains(s)).toList();
        for (int i = 0; i < others.size(); i += IN_LIST) {
            collect(allowed, em.createQuery("SELECT f FROM ConsentForm f WHERE f.periodStart <= :day AND f.periodEnd >= :day"
                            + " AND f.student.id IN :ids", ConsentForm.class)
                    .setParameter("ids", others.subList(i, Math.min(others.size(), i + IN_LIST))), day);
        }
        List<CoverageCount> counts = new ArrayList<>();
        if (!students.isEmpty()) {
            counts.add(count(unitId, CoverageCount.SCHOOL, students, allowed));
        }
        byClass.forEach((classId, ids) -> counts.add(count(unitId, classId, ids, allowed)));
        return counts;
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
