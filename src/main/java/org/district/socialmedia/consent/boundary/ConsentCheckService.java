package org.district.socialmedia.consent.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.district.socialmedia.accounts.control.WhoOperates;
import org.district.socialmedia.accounts.entity.AccountStatus;
import org.district.socialmedia.accounts.entity.DistrictAccount;
import org.district.socialmedia.audit.control.AuditLog;
import org.district.socialmedia.consent.entity.ConsentCheck;
import org.district.socialmedia.consent.entity.ConsentForm;
import org.district.socialmedia.consent.entity.ConsentItem;
import org.district.socialmedia.consent.entity.ConsentRules;
import org.district.socialmedia.people.entity.OrgUnit;
import org.district.socialmedia.platform.entity.AccessDeniedException;
import org.district.socialmedia.platform.entity.InvalidInputException;
import org.district.socialmedia.platform.entity.Role;
import org.district.socialmedia.settings.boundary.DistrictSettingsService;
import org.district.socialmedia.students.entity.Enrollment;
import org.district.socialmedia.students.entity.SchoolClass;
import org.district.socialmedia.students.entity.Student;

import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The check before posting: may this account show these items of these students today? Anyone who
 * operates the account (an active authorization linked to it) or holds administrative rights on it
 * may ask; the answer per student is allowed or not, with the reason, and nothing else about them.
 * Every check is kept (who, when, account, items, students, answers): the FERPA disclosure record,
 * and what a later revocation uses to find the posts to take down.
 */
@Stateless
@RolesAllowed({Role.EMPLOYEE_NAME, Role.SITE_ADMIN_NAME})
public class ConsentCheckService {

    /** More students than a class or a team in one check is a mistake, or a fishing expedition. */
    public static final int MAX_STUDENTS = 200;

    /** The API's request: {"accountId":..,"items":["PHOTO"],"studentIds":[".."]} or "classId" instead of studentIds. */
    public record CheckInput(Long accountId, List<String> items, List<String> studentIds, String classId) implements Serializable {
    }

    /** One student's answer; the API's names: studentId (the District id), allowed, reason (null when allowed). */
    public record Result(String studentId, boolean allowed, String reason) implements Serializable {
    }

    /** The answers, and for the page the students' names (which the person checking already knows). */
    public record Outcome(Long checkId, List<Result> results, Map<String, String> names) implements Serializable {
    }

    public record AccountChoice(Long id, String label) implements Serializable {
    }

    public record ClassChoice(String id, String label) implements Serializable {
    }

    @PersistenceContext
    EntityManager em;
    @Resource
    SessionContext context;
    @Inject
    Clock clock;
    @Inject
    AuditLog audit;
    @Inject
    DistrictSettingsService settings;

    /** The active accounts the caller may check posts for. */
    public List<AccountChoice> myAccounts() {
        String me = context.getCallerPrincipal().getName();
        List<DistrictAccount> accounts = WhoOperates.inUseBy(em, me);
        return accounts.stream().map(a -> new AccountChoice(a.getId(), a.platformLabel() + ": " + a.getHandle() + " ("
                + a.getUnit().getName() + ")")).toList();
    }

    /** The classes of the account's school, to check a whole roster at once. */
    public List<ClassChoice> classesFor(Long accountId) {
        DistrictAccount account = operated(accountId);
        return em.createNamedQuery(SchoolClass.ACTIVE_AT_SCHOOL, SchoolClass.class).setParameter("schoolId", account.getUnit().getId())
                .setMaxResults(500).getResultStream()
                .map(c -> new ClassChoice(c.getSourcedId(), c.getTitle() + (c.getClassCode() == null ? "" : " (" + c.getClassCode() + ")")))
                .toList();
    }

    /** The check for a post today, as the check page and {@code POST /api/consent-checks} ask it. */
    public Outcome check(CheckInput in) {
        return check(in, null, false);
    }

    /**
     * The check for a post on {@code day} (null: today, on the District's calendar); the class's roster
     * is today's. Recorded as a check run while recording a post when {@code forPost}: a revocation then
     * takes down the recorded post rather than every post the check cleared on the account.
     */
    public Outcome check(CheckInput in, LocalDate day, boolean forPost) {
        if (in == null) {
            throw new InvalidInputException("accountId", "Name the account the post is for");
        }
        DistrictAccount account = operated(in.accountId());
        Set<ConsentItem> items = ConsentService.items(in.items() == null ? null : new LinkedHashSet<>(in.items()));
        if (items.isEmpty()) {
            throw new InvalidInputException("items", "Say what the post shows of the students: PHOTO, VIDEO, FULL_NAME, FIRST_NAME, STUDENT_WORK or VOICE");
        }
        ZoneId zone = settings.current().timeZone();
        Instant now = clock.instant();
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalDate postDay = day == null ? today : day;
        List<Student> students = students(in, account, today);
        List<Long> ids = students.stream().map(Student::getId).toList();
        ConsentRules.Post post = new ConsentRules.Post(account.getId(), account.getPlatform().getId(), items, postDay);
        // this year's forms for everyone, the old ones only for students this year's leave without an answer
        Map<Long, ConsentRules.Answer> answers = ConsentRules.check(post, ids, forms(ConsentForm.NOT_ENDED_FOR_STUDENTS, ids, postDay),
                unanswered -> forms(ConsentForm.ENDED_FOR_STUDENTS, unanswered, postDay));
        ConsentCheck record = new ConsentCheck(post, answers, context.getCallerPrincipal().getName(), now, forPost);
        em.persist(record);
        em.flush();
        List<Result> results = new ArrayList<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (Student s : students) {
            ConsentRules.Answer answer = answers.get(s.getId());
            results.add(new Result(s.getDistrictId(), answer.allowed(), answer.reason() == null ? null : answer.reason().name()));
            names.put(s.getDistrictId(), s.displayName());
        }
        long refused = results.stream().filter(r -> !r.allowed()).count();
        audit.record("CONSENT_CHECKED", "ConsentCheck", record.getId(), account.platformLabel() + " " + account.getHandle()
                + ", items " + items + ", " + results.size() + " student(s), " + refused + " not allowed");
        return new Outcome(record.getId(), results, names);
    }

    private Map<Long, List<ConsentForm>> forms(String query, List<Long> studentIds, LocalDate day) {
        return em.createNamedQuery(query, ConsentForm.class).setParameter("studentIds", studentIds).setParameter("day", day)
                .getResultStream().collect(Collectors.groupingBy(f -> f.getStudent().getId()));
    }

    private List<Student> students(CheckInput in, DistrictAccount account, LocalDate today) {
        boolean byClass = in.classId() != null && !in.classId().isBlank();
        boolean byIds = in.studentIds() != null && !in.studentIds().isEmpty();
        if (byClass == byIds) {
            throw new InvalidInputException("studentIds", "Name the students (studentIds) or a class (classId), one of the two");
        }
        if (byClass) {
            SchoolClass schoolClass = em.createNamedQuery(SchoolClass.BY_SOURCED_ID, SchoolClass.class)
                    .setParameter("sourcedIds", List.of(in.classId().strip())).getResultStream().findFirst().orElse(null);
            if (schoolClass == null || !schoolClass.isActive()) {
                throw new InvalidInputException("classId", "No class in use has the id '" + in.classId().strip() + "'");
            }
            if (!schoolClass.getSchool().getId().equals(account.getUnit().getId())) {
                throw new InvalidInputException("classId", "This class is not at " + account.getUnit().getName()
                        + ", the school of the account");
            }
            List<Student> roster = em.createNamedQuery(Enrollment.ROSTER, Enrollment.class).setParameter("classId", schoolClass.getId())
                    .setParameter("day", today).getResultStream().map(Enrollment::getStudent).distinct().toList();
            if (roster.isEmpty()) {
                throw new InvalidInputException("classId", "Nobody is enrolled in this class today");
            }
            if (roster.size() > MAX_STUDENTS) {
                throw new InvalidInputException("classId", "This class has more than " + MAX_STUDENTS + " students: check them in groups");
            }
            return roster;
        }
        List<String> wanted = in.studentIds().stream().filter(id -> id != null && !id.isBlank()).map(String::strip).distinct().toList();
        if (wanted.isEmpty()) {
            throw new InvalidInputException("studentIds", "Name at least one student by District id");
        }
        if (wanted.size() > MAX_STUDENTS) {
            throw new InvalidInputException("studentIds", "At most " + MAX_STUDENTS + " students in one check");
        }
        Map<String, Student> found = em.createQuery("SELECT s FROM Student s WHERE s.districtId IN :ids AND s.active = TRUE", Student.class)
                .setParameter("ids", wanted).getResultStream().collect(Collectors.toMap(Student::getDistrictId, s -> s));
        List<String> unknown = wanted.stream().filter(id -> !found.containsKey(id)).toList();
        if (!unknown.isEmpty()) {
            throw new InvalidInputException("studentIds", "No current student has the District id " + String.join(", ", unknown));
        }
        // a school's account posts about its own students (legitimate interest); a department's, about any
        if (account.getUnit().getKind() == OrgUnit.Kind.SCHOOL) {
            List<String> elsewhere = wanted.stream().filter(id -> !account.getUnit().equals(found.get(id).getSchool())).toList();
            if (!elsewhere.isEmpty()) {
                throw new InvalidInputException("studentIds", "Not students of " + account.getUnit().getName() + ", the school of the account: "
                        + String.join(", ", elsewhere));
            }
        }
        return wanted.stream().map(found::get).toList();
    }

    /** The account, if the caller operates it or holds rights on it and it is in use. */
    private DistrictAccount operated(Long accountId) {
        if (accountId == null) {
            throw new InvalidInputException("accountId", "Name the account the post is for");
        }
        DistrictAccount account = em.find(DistrictAccount.class, accountId);
        if (account == null) {
            throw new InvalidInputException("accountId", "No District account has the id " + accountId);
        }
        if (account.getStatus() != AccountStatus.ACTIVE) {
            throw new InvalidInputException("accountId", "This account is " + account.getStatus().label().toLowerCase() + ": nothing is posted on it");
        }
        String me = context.getCallerPrincipal().getName();
        boolean operates = WhoOperates.operates(em, me, account) || WhoOperates.administers(em, me, account);
        if (!operates) {
            throw new AccessDeniedException("You may check posts only for accounts you are authorized to operate");
        }
        return account;
    }
}
