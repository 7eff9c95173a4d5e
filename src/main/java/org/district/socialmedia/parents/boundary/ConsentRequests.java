package org.district.socialmedia.parents.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.district.socialmedia.audit.control.AuditLog;
import org.eclipse.persistence.config.HintValues;
import org.eclipse.persistence.config.QueryHints;
import org.district.socialmedia.consent.boundary.ConsentService;
import org.district.socialmedia.consent.control.ConsentAccess;
import org.district.socialmedia.consent.entity.ConsentForm;
import org.district.socialmedia.consent.entity.ConsentItem;
import org.district.socialmedia.parents.control.LinkIssuer;
import org.district.socialmedia.parents.control.ParentMail;
import org.district.socialmedia.parents.entity.ParentLink;
import org.district.socialmedia.parents.entity.ParentRequest;
import org.district.socialmedia.parents.entity.Progress;
import org.district.socialmedia.parents.entity.TargetKind;
import org.district.socialmedia.people.entity.OrgUnit;
import org.district.socialmedia.platform.entity.AccessDeniedException;
import org.district.socialmedia.platform.entity.InvalidInputException;
import org.district.socialmedia.platform.entity.Role;
import org.district.socialmedia.settings.boundary.DistrictSettingsService;
import org.district.socialmedia.settings.entity.ConsentLinkSettings;
import org.district.socialmedia.students.entity.Enrollment;
import org.district.socialmedia.students.entity.Guardian;
import org.district.socialmedia.students.entity.SchoolClass;
import org.district.socialmedia.students.entity.Student;

import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A consent clerk's consent requests to the parents of their own school's students (a student, a class or
 * the whole school), and their progress. Every parent or guardian listed with an email gets a personal link,
 * unless one of theirs for that student is still open.
 */
@Stateless
@RolesAllowed({Role.CONSENT_CLERK_NAME, Role.AUDITOR_NAME})
public class ConsentRequests {

    public static final String OBJECT_TYPE = "ParentRequest";
    /** Students per IN list of the reads before sending, and per flush: a school is thousands of links, and the links
     *  written before are let go (cleared), so a flush or the commit does not compare them again and again. */
    private static final int CHUNK = 500;

    @PersistenceContext
    EntityManager em;
    @Inject
    ConsentService consent;
    @Inject
    LinkIssuer issuer;
    @Inject
    ParentMail mail;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;
    @Inject
    DistrictSettingsService settings;

    public record ClassChoice(Long id, String title) implements Serializable {
    }

    /** What a request did: links sent, and the students none of whose parents has an email on file. */
    public record Sent(Long requestId, int links, List<String> studentsWithoutEmail) implements Serializable {
    }

    /** A personal link still waiting for the parent's answer: the list the clerk's home count links to. */
    public record UnansweredRow(Long linkId, String student, String studentId, String parent, String schoolClass,
                                Instant sentAt, Instant expiresAt, boolean opened, int remindersSent) implements Serializable {
    }

    public record RequestRow(Long id, TargetKind kind, String target, String createdBy, Instant createdAt) implements Serializable {
    }

    /** Whether the caller sends requests (a school's consent clerk); auditors only follow the progress. */
    public boolean maySend() {
        ConsentAccess.Scope scope = consent.scope();
        return scope.mayChange() && scope.schoolId() != null;
    }

    /** The active classes of the clerk's school. */
    public List<ClassChoice> classes() {
        Long school = consent.scope().schoolId();
        if (school == null) {
            return List.of();
        }
        return em.createNamedQuery(SchoolClass.ACTIVE_AT_SCHOOL, SchoolClass.class).setParameter("schoolId", school)
                .getResultStream().map(c -> new ClassChoice(c.getId(), c.getTitle())).toList();
    }

    /**
     * Sends a consent request. {@code target}: the student's District id (STUDENT), the class's id (CLASS),
     * nothing (SCHOOL: the clerk's own school).
     */
    @RolesAllowed(Role.CONSENT_CLERK_NAME)
    public Sent send(TargetKind kind, String target) {
        ConsentAccess.Scope scope = consent.scope();
        if (scope.schoolId() == null || !scope.mayChange()) {
            throw new AccessDeniedException("Only a consent clerk of a school sends consent requests");
        }
        if (kind == null) {
            throw new InvalidInputException("kind", "Choose a student, a class or the whole school");
        }
        OrgUnit school = em.find(OrgUnit.class, scope.schoolId());
        LocalDate today = clock.instant().atZone(settings.current().timeZone()).toLocalDate();
        // the students by id, in the order they are sent: a school's are read a chunk at a time below
        List<Long> studentIds;
        Long classId = null;
        String label;
        switch (kind) {
            case STUDENT -> {
                Student s = target == null || target.isBlank() ? null : em.createNamedQuery(Student.BY_DISTRICT_ID, Student.class)
                        .setParameter("districtId", target.strip()).getResultStream().findFirst().orElse(null);
                if (s == null || !scope.reaches(s) || !s.isActive()) {
                    throw new InvalidInputException("studentId", "No active student of your school has the District id " + (target == null ? "" : target.strip()));
                }
                studentIds = List.of(s.getId());
                label = s.getDistrictId();
            }
            case CLASS -> {
                classId = parseId(target);
                SchoolClass schoolClass = classId == null ? null : em.find(SchoolClass.class, classId);
                if (schoolClass == null || schoolClass.getSchool() == null || !schoolClass.getSchool().getId().equals(school.getId())) {
                    throw new InvalidInputException("classId", "Choose a class of your school");
                }
                // a student enrolled twice in the class is listed twice, as the roster lists them
                studentIds = em.createNamedQuery(Enrollment.ROSTER, Enrollment.class).setParameter("classId", classId)
                        .setParameter("day", today).getResultStream().map(e -> e.getStudent().getId()).toList();
                label = schoolClass.getTitle();
            }
            default -> {
                studentIds = em.createQuery("SELECT s.id FROM Student s WHERE s.school.id = :school AND s.active = TRUE ORDER BY s.id", Long.class)
                        .setParameter("school", school.getId()).getResultList();
                label = school.getName();
            }
        }
        Instant now = clock.instant();
        ParentRequest request = new ParentRequest(school, kind, label, scope.username(), now);
        em.persist(request);
        em.flush();
        Long requestId = request.getId();
        ConsentLinkSettings rules = settings.consentLinks();
        // (student id, guardian id) of the links still open, and of those made here: one link per parent and student
        Set<List<Long>> open = new HashSet<>();
        int links = 0;
        List<String> without = new ArrayList<>();
        for (int i = 0; i < studentIds.size(); i += CHUNK) {
            List<Long> chunk = studentIds.subList(i, Math.min(studentIds.size(), i + CHUNK));
            if (i > 0) {
                // the chunk before is written: no longer managed, it costs nothing at the next flush or the commit
                em.flush();
                em.clear();
                request = em.find(ParentRequest.class, requestId);
            }
            // everything the loop needs is read before it: a query among the new rows would flush them each time
            Map<Long, Student> students = studentsOf(chunk);
            SchoolClass schoolClass = classId == null ? null : em.find(SchoolClass.class, classId);
            Map<Long, SchoolClass> classOf = classId != null ? Map.of() : classesOf(chunk, today);
            Map<Long, List<Guardian>> guardiansOf = guardiansOf(chunk);
            open.addAll(openLinks(chunk, now));
            for (Long id : chunk) {
                Student student = students.get(id);
                boolean reached = false;
                for (Guardian guardian : guardiansOf.getOrDefault(id, List.of())) {
                    if (!guardian.isActive() || guardian.getEmail() == null || guardian.getEmail().isBlank()) {
                        continue;
                    }
                    reached = true;
                    if (!open.add(List.of(id, guardian.getId()))) {
                        continue;
                    }
                    LinkIssuer.Issued issued = issuer.issue(request, student, guardian,
                            schoolClass != null ? schoolClass : classOf.get(id), null, rules);
                    mail.request(issued.link(), issued.token(), 0);
                    links++;
                }
                if (!reached) {
                    without.add(student.getDistrictId());
                }
            }
        }
        audit.record("PARENT_REQUEST_SENT", OBJECT_TYPE, requestId, kind + " " + label + ": " + links + " link(s) to parents of "
                + studentIds.size() + " student(s); " + without.size() + " without a parent's email");
        return new Sent(requestId, links, List.copyOf(without));
    }

    /** The school's requests, newest first. */
    public List<RequestRow> requests() {
        ConsentAccess.Scope scope = consent.scope();
        var q = em.createQuery("SELECT r FROM ParentRequest r WHERE " + (scope.readsAll() ? "1 = 1" : "r.school.id = :school")
                + " ORDER BY r.createdAt DESC, r.id DESC", ParentRequest.class);
        if (!scope.readsAll()) {
            q.setParameter("school", scope.schoolId() == null ? -1L : scope.schoolId());
        }
        return q.setMaxResults(50).getResultStream()
                .map(r -> new RequestRow(r.getId(), r.getTargetKind(), r.getTarget(), r.getCreatedBy(), r.getCreatedAt())).toList();
    }

    /** Progress per class, and for the school as a last row, of one request (null: every request of the school). */
    public List<Progress> progress(Long requestId, String noClassLabel, String totalLabel) {
        ConsentAccess.Scope scope = consent.scope();
        StringBuilder jpql = new StringBuilder("SELECT l FROM ParentLink l LEFT JOIN FETCH l.schoolClass WHERE l.request IS NOT NULL");
        if (!scope.readsAll()) {
            jpql.append(" AND l.request.school.id = :school");
        }
        if (requestId != null) {
            jpql.append(" AND l.request.id = :request");
        }
        var q = em.createQuery(jpql.append(" ORDER BY l.id").toString(), ParentLink.class);
        if (!scope.readsAll()) {
            q.setParameter("school", scope.schoolId() == null ? -1L : scope.schoolId());
        }
        if (requestId != null) {
            q.setParameter("request", requestId);
        }
        List<ParentLink> links = q.getResultList();
        Map<Long, Set<ConsentItem>> items = new HashMap<>();
        List<Long> formIds = links.stream().map(ParentLink::getFormId).filter(java.util.Objects::nonNull).distinct().toList();
        for (int i = 0; i < formIds.size(); i += 500) {
            em.createQuery("SELECT f FROM ConsentForm f WHERE f.id IN :ids", ConsentForm.class)
                    .setParameter("ids", formIds.subList(i, Math.min(formIds.size(), i + 500)))
                    .getResultStream().forEach(f -> items.put(f.getId(), f.items()));
        }
        List<Progress.Link> rows = links.stream().map(l -> new Progress.Link(
                l.getSchoolClass() == null ? noClassLabel : l.getSchoolClass().getTitle(), l.getOpenedAt() != null,
                l.getFormId() != null, l.isDeclined(), l.getFormId() == null ? null : items.get(l.getFormId()))).toList();
        List<Progress.Link> sorted = new ArrayList<>(rows);
        sorted.sort(java.util.Comparator.comparing(Progress.Link::group, String.CASE_INSENSITIVE_ORDER));
        return Progress.of(sorted, totalLabel);
    }

    /** How many links of the clerk's own school's requests wait for a parent's answer: the home page's count. */
    @RolesAllowed(Role.CONSENT_CLERK_NAME)
    public long countUnanswered() {
        Long school = consent.scope().schoolId();
        return school == null ? 0 : Counts.countUnanswered(em, school, clock.instant());
    }

    /** The links the count counts, those ending first at the top. */
    @RolesAllowed(Role.CONSENT_CLERK_NAME)
    public List<UnansweredRow> unanswered() {
        Long school = consent.scope().schoolId();
        if (school == null) {
            return List.of();
        }
        return em.createQuery("SELECT l FROM ParentLink l JOIN FETCH l.student JOIN FETCH l.guardian LEFT JOIN FETCH l.schoolClass"
                        + " WHERE l.request.school.id = :school AND l.answeredAt IS NULL AND l.expiresAt > :now"
                        + " ORDER BY l.expiresAt, l.id", ParentLink.class)
                .setParameter("school", school).setParameter("now", clock.instant()).getResultStream()
                .map(l -> new UnansweredRow(l.getId(), l.getStudent().getGivenName() + " " + l.getStudent().getFamilyName(),
                        l.getStudent().getDistrictId(), l.getGuardian().getGivenName() + " " + l.getGuardian().getFamilyName(),
                        l.getSchoolClass() == null ? null : l.getSchoolClass().getTitle(), l.getCreatedAt(), l.getExpiresAt(),
                        l.getOpenedAt() != null, l.getRemindersSent())).toList();
    }

    /** The count as a query on any EntityManager (the home counts' benchmark calls it outside the container). */
    public static final class Counts {
        private Counts() {
        }

        /** Per request of the school (index on parent_request (school_id, ...)), the unanswered links still open
         *  (index on parent_link (request_id, answered_at, expires_at)): no scan of the school's answered links. */
        public static long countUnanswered(EntityManager em, Long schoolId, Instant now) {
            return em.createQuery("SELECT COUNT(l.id) FROM ParentLink l WHERE l.request.school.id = :school"
                            + " AND l.answeredAt IS NULL AND l.expiresAt > :now", Long.class)
                    .setParameter("school", schoolId).setParameter("now", now).getSingleResult();
        }
    }

    /** The (student id, guardian id) pairs that have a link still open: not signed and not expired. */
    private Set<List<Long>> openLinks(List<Long> ids, Instant now) {
        Set<List<Long>> open = new HashSet<>();
        for (int i = 0; i < ids.size(); i += CHUNK) {
            em.createQuery("SELECT l.student.id, l.guardian.id FROM ParentLink l WHERE l.student.id IN :ids AND l.formId IS NULL"
                            + " AND l.expiresAt > :now", Object[].class)
                    .setParameter("ids", ids.subList(i, Math.min(ids.size(), i + CHUNK))).setParameter("now", now)
                    .getResultStream().forEach(row -> open.add(List.of((Long) row[0], (Long) row[1])));
        }
        return open;
    }

    /**
     * The students of these ids. Read-only, as their guardians and classes below: the links only point at them,
     * so EclipseLink keeps no working copy of each to compare at every flush (a school's are thousands of rows).
     */
    private Map<Long, Student> studentsOf(List<Long> ids) {
        Map<Long, Student> students = new HashMap<>();
        for (int i = 0; i < ids.size(); i += CHUNK) {
            em.createQuery("SELECT s FROM Student s WHERE s.id IN :ids", Student.class).setHint(QueryHints.READ_ONLY, HintValues.TRUE)
                    .setParameter("ids", ids.subList(i, Math.min(ids.size(), i + CHUNK)))
                    .getResultStream().forEach(s -> students.put(s.getId(), s));
        }
        return students;
    }

    /** Each student's guardians, a query per {@link #CHUNK} students rather than one per student. */
    private Map<Long, List<Guardian>> guardiansOf(List<Long> ids) {
        Map<Long, List<Guardian>> guardians = new HashMap<>();
        for (int i = 0; i < ids.size(); i += CHUNK) {
            em.createQuery("SELECT s.id, g FROM Student s JOIN s.guardians g WHERE s.id IN :ids ORDER BY s.id, g.id", Object[].class)
                    .setHint(QueryHints.READ_ONLY, HintValues.TRUE).setParameter("ids", ids.subList(i, Math.min(ids.size(), i + CHUNK)))
                    .getResultStream().forEach(row -> guardians.computeIfAbsent((Long) row[0], k -> new ArrayList<>()).add((Guardian) row[1]));
        }
        return guardians;
    }

    /** Each student's first active class (by title), for the progress per class. */
    private Map<Long, SchoolClass> classesOf(List<Long> ids, LocalDate today) {
        Map<Long, SchoolClass> classes = new HashMap<>();
        for (int i = 0; i < ids.size(); i += CHUNK) {
            em.createQuery("SELECT e FROM Enrollment e JOIN FETCH e.schoolClass c WHERE e.student.id IN :ids AND e.active = TRUE"
                            + " AND c.active = TRUE ORDER BY c.title", Enrollment.class).setHint(QueryHints.READ_ONLY, HintValues.TRUE)
                    .setParameter("ids", ids.subList(i, Math.min(ids.size(), i + CHUNK)))
                    .getResultStream().forEach(e -> classes.putIfAbsent(e.getStudent().getId(), e.getSchoolClass()));
        }
        return classes;
    }

    private static Long parseId(String text) {
        try {
            return text == null ? null : Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
