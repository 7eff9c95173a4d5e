package org.district.socialmedia.consent.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import org.district.socialmedia.accounts.entity.AccountStatus;
import org.district.socialmedia.accounts.entity.DistrictAccount;
import org.district.socialmedia.audit.control.AuditLog;
import org.district.socialmedia.consent.control.ConsentAccess;
import org.district.socialmedia.platform.control.ScanInspector;
import org.district.socialmedia.consent.control.CoverageTally;
import org.district.socialmedia.consent.control.TakedownOpener;
import org.district.socialmedia.consent.entity.ConsentChannel;
import org.district.socialmedia.consent.entity.ConsentCheck;
import org.district.socialmedia.consent.entity.ConsentForm;
import org.district.socialmedia.consent.entity.ConsentFormInput;
import org.district.socialmedia.consent.entity.ConsentItem;
import org.district.socialmedia.consent.entity.ConsentRevocation;
import org.district.socialmedia.consent.entity.ConsentRevoked;
import org.district.socialmedia.consent.entity.ConsentRules;
import org.district.socialmedia.consent.entity.ConsentStatus;
import org.district.socialmedia.consent.entity.Evidence;
import org.district.socialmedia.consent.entity.EvidenceContent;
import org.district.socialmedia.consent.entity.ReceivedBy;
import org.district.socialmedia.platform.entity.ScanType;
import org.district.socialmedia.consent.entity.TakedownTask;
import org.district.socialmedia.people.entity.OrgUnit;
import org.district.socialmedia.platform.entity.AccessDeniedException;
import org.district.socialmedia.platform.entity.InvalidInputException;
import org.district.socialmedia.platform.entity.NotFoundException;
import org.district.socialmedia.platform.entity.Role;
import org.district.socialmedia.requests.entity.Platform;
import org.district.socialmedia.settings.boundary.DistrictSettingsService;
import org.district.socialmedia.settings.entity.DistrictSettings;
import org.district.socialmedia.students.control.HandEntry;
import org.district.socialmedia.students.entity.Guardian;
import org.district.socialmedia.students.entity.GuardianRole;
import org.district.socialmedia.students.entity.Student;

import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Parents' written authorizations: consent clerks record the forms of their own school's students
 * (with the scan of the signed paper) and their revocations; auditors read. Every view of a form or
 * its scan is recorded (FERPA disclosure). A revocation creates a takedown task for each account
 * that was cleared to post about the student and that the withdrawn consent covered.
 */
@Stateless
@RolesAllowed({Role.CONSENT_CLERK_NAME, Role.AUDITOR_NAME})
public class ConsentService {

    public static final String OBJECT_TYPE = "ConsentForm";
    public static final String STUDENT_OBJECT = HandEntry.STUDENT_OBJECT;
    public static final int PAGE_MAX = 200;
    /** Students whose consent ends within this many days are on the renewal list. */
    public static final int RENEWAL_DAYS = 30;

    /** A form as typed; the student by District id, the signer by id (from the student's guardians). */
    public record FormInput(String studentId, Long guardianId, LocalDate signedOn, String formVersion, String receivedBy,
                            Set<String> items, String channel, Set<Long> accountIds, Set<Long> platformIds,
                            LocalDate periodStart, LocalDate periodEnd, String notes) implements Serializable {
    }

    /** {@code items} null or empty: everything still consented is revoked. */
    public record RevocationInput(LocalDate revokedOn, String receivedBy, Set<String> items) implements Serializable {
    }

    public record GuardianView(Long id, String name, String relationship, String email, String phone) implements Serializable {
    }

    public record StudentRow(Long id, String districtId, String name, String grade, String school, boolean active)
            implements Serializable {
    }

    public record RevocationView(LocalDate revokedOn, String receivedBy, Set<ConsentItem> items, String recordedBy,
                                 Instant recordedAt) implements Serializable {
    }

    public record ScanView(Long id, ScanType type, long size, String sha256, String originalName, Instant uploadedAt,
                           String uploadedBy) implements Serializable {
    }

    public record FormView(Long id, String studentId, String studentName, Long signerId, String signerName, LocalDate signedOn,
                           String formVersion, ReceivedBy receivedBy, Set<ConsentItem> items, Set<ConsentItem> itemsInForce,
                           ConsentChannel channel, Set<Long> accountIds, Set<Long> platformIds, LocalDate periodStart,
                           LocalDate periodEnd, String notes, ConsentStatus status, List<RevocationView> revocations,
                           List<ScanView> scans, Instant recordedAt, String recordedBy, long version,
                           List<Long> takedownTasks) implements Serializable {
    }

    public record StudentView(Long id, String districtId, String givenName, String familyName, String grade, String school,
                              boolean active, List<GuardianView> guardians, List<FormView> forms, boolean mayChange)
            implements Serializable {
    }

    /** A student on the renewal list: no consent in force, or one ending soon ({@code endsOn}). */
    public record RenewalRow(String studentId, String name, String grade, String school, LocalDate endsOn, String why)
            implements Serializable {
    }

    public record Scan(ScanType type, String storedName, byte[] content) {
    }

    public record TaskView(Long id, String studentId, String studentName, Long accountId, String account, Long formId,
                           LocalDate revokedOn, Set<ConsentItem> revokedItems, TakedownTask.Status status, Set<String> assignees,
                           Instant createdAt, Instant doneAt, String doneBy, String note, int remindersSent) implements Serializable {
    }

    @PersistenceContext
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    HandEntry handEntry;
    @Inject
    AuditLog audit;
    @Inject
    ConsentAccess access;
    @Inject
    DistrictSettingsService settings;
    @Inject
    Event<ConsentRevoked> revoked;
    @Inject
    TakedownOpener takedownOpener;
    @Inject
    CoverageTally coverage;

    // ---------------------------------------------------------------- students

    public ConsentAccess.Scope scope() {
        return access.scope();
    }

    public long countStudents(String text) {
        return studentsQuery(access.scope(), text, true, Long.class).getSingleResult();
    }

    /** Students of the clerk's school (every school for an auditor), by name or District id. */
    public List<StudentRow> students(String text, int first, int size) {
        checkPage(first, size);
        return studentsQuery(access.scope(), text, false, Student.class).setFirstResult(first).setMaxResults(size)
                .getResultStream().map(s -> new StudentRow(s.getId(), s.getDistrictId(), s.displayName(), s.getGrade(),
                        s.getSchool() == null ? null : s.getSchool().getName(), s.isActive())).toList();
    }

    /** One student with their guardians and forms (a recorded view of student data). */
    public StudentView student(String districtId) {
        ConsentAccess.Scope scope = access.scope();
        Student s = access.reachable(scope, byDistrictId(districtId));
        audit.record("STUDENT_VIEWED", STUDENT_OBJECT, s.getId(), "consent records of " + s.getDistrictId());
        List<FormView> forms = em.createNamedQuery(ConsentForm.FOR_STUDENT, ConsentForm.class).setParameter("studentId", s.getId())
                .getResultStream().map(this::view).toList();
        List<GuardianView> guardians = s.getGuardians().stream().sorted(Comparator.comparing(Guardian::displayName))
                .map(g -> new GuardianView(g.getId(), g.displayName(), g.getRelationship() == null ? null : g.getRelationship().name(),
                        g.getEmail(), g.getPhone())).toList();
        return new StudentView(s.getId(), s.getDistrictId(), s.getGivenName(), s.getFamilyName(), s.getGrade(),
                s.getSchool() == null ? null : s.getSchool().getName(), s.isActive(), guardians, forms,
                scope.mayChange() && scope.schoolId() != null);
    }

    /** A District account as a clerk recognises it: platform and handle ("Instagram @westside_elementary"). */
    public record AccountChoice(Long id, String label) implements Serializable {
    }

    /** The accounts a form may list as its channel (archived ones are no longer posted to). */
    public List<AccountChoice> accountChoices() {
        return em.createQuery("SELECT a FROM DistrictAccount a WHERE a.status <> :archived", DistrictAccount.class)
                .setParameter("archived", AccountStatus.ARCHIVED).getResultStream()
                .map(a -> new AccountChoice(a.getId(), a.platformLabel() + " " + a.getHandle()))
                .sorted(Comparator.comparing(AccountChoice::label, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    /** The platforms a form may list as its channel. */
    public List<Platform> platforms() {
        return em.createNamedQuery(Platform.ALL_ACTIVE,
                Platform.class).getResultList();
    }

    /** A student entered by hand (not in the roster feed); the roster import never deactivates them. */
    public record NewStudent(String districtId, String givenName, String familyName, String grade) implements Serializable {
    }

    /** A parent or guardian entered by hand; relationship PARENT, GUARDIAN or RELATIVE. */
    public record NewGuardian(String givenName, String familyName, String email, String phone, String relationship)
            implements Serializable {
    }

    /** Enters a student of the clerk's own school by hand. */
    @RolesAllowed(Role.CONSENT_CLERK_NAME)
    public StudentView addStudent(NewStudent in) {
        ConsentAccess.Scope scope = access.scope();
        if (scope.schoolId() == null) {
            throw new AccessDeniedException("Only a consent clerk of a school enters its students");
        }
        if (in == null) {
            throw new InvalidInputException("districtId", "Enter the student's District id");
        }
        if (in.districtId() != null && byDistrictIdOrNull(in.districtId()) != null) {
            throw new InvalidInputException("districtId", "A student with the District id " + in.districtId().strip() + " exists already");
        }
        Student student = handEntry.student(in.districtId(), in.givenName(), in.familyName(),
                em.find(OrgUnit.class, scope.schoolId()), in.grade());
        return student(student.getDistrictId());
    }

    /** Enters a parent or guardian by hand and links them to the student. */
    @RolesAllowed(Role.CONSENT_CLERK_NAME)
    public StudentView addGuardian(String districtId, NewGuardian in) {
        ConsentAccess.Scope scope = access.scope();
        Student student = access.reachable(scope, byDistrictIdOrNull(districtId));
        if (in == null) {
            throw new InvalidInputException("givenName", "Enter the parent's or guardian's name");
        }
        GuardianRole role = in.relationship() == null || in.relationship().isBlank()
                ? GuardianRole.PARENT
                : parse(GuardianRole.class, "relationship", in.relationship());
        handEntry.guardian(student, in.givenName(), in.familyName(), in.email(), in.phone(), role);
        return student(student.getDistrictId());
    }

    // ---------------------------------------------------------------- forms

    /**
     * Records a signed form, with the scan of the paper (required for a paper form). The scan is
     * checked by its content, stored under a server-made name with its SHA-256.
     */
    @RolesAllowed(Role.CONSENT_CLERK_NAME)
    public FormView record(FormInput in, byte[] scan, String scanFileName) {
        ConsentAccess.Scope scope = access.scope();
        if (in == null) {
            throw new InvalidInputException("studentId", "Send the form's details");
        }
        if (in.studentId() == null || in.studentId().isBlank()) {
            throw new InvalidInputException("studentId", "Name the student by District id");
        }
        Student student = access.reachable(scope, byDistrictIdOrNull(in.studentId()));
        Guardian signer = in.guardianId() == null ? null : em.find(Guardian.class, in.guardianId());
        ReceivedBy receivedBy = parse(ReceivedBy.class, "receivedBy", in.receivedBy());
        // every field at fault at once, the missing or refused scan included
        java.util.Map<String, String> errors = new java.util.LinkedHashMap<>();
        ScanInspector.InspectedScan inspected = null;
        try {
            inspected = scan == null || scan.length == 0 ? null : ScanInspector.inspect(scan, scanFileName);
        } catch (InvalidInputException e) {
            errors.putAll(e.getFieldErrors());
        }
        missing("DistrictAccount", in.accountIds(), "No District account has the number ").ifPresent(m -> errors.put("accountIds", m));
        missing("Platform", in.platformIds(), "No platform has the id ").ifPresent(m -> errors.put("platformIds", m));
        DistrictSettings district = settings.current();
        Instant now = clock.instant();
        LocalDate today = now.atZone(district.timeZone()).toLocalDate();
        if (inspected == null && !errors.containsKey("scan") && receivedBy == ReceivedBy.PAPER_SCAN) {
            errors.put("scan", "Attach the scan of the signed paper form (PDF, JPEG or PNG, at most 10 MB)");
        }
        ConsentForm form = null;
        try {
            form = new ConsentForm(new ConsentFormInput(student, signer, in.signedOn(), in.formVersion(), receivedBy,
                    items(in.items()), parse(ConsentChannel.class, "channel", in.channel() == null ? "ALL" : in.channel()),
                    in.accountIds() == null ? Set.of() : in.accountIds(), in.platformIds() == null ? Set.of() : in.platformIds(),
                    in.periodStart(), in.periodEnd(), in.notes()), district.schoolYearStart(), today, scope.username(), now);
        } catch (InvalidInputException e) {
            errors.putAll(e.getFieldErrors());
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        em.persist(form);
        em.flush();
        coverage.studentChanged(student.getId());
        if (inspected != null) {
            storeScan(form, inspected, scope.username(), now);
        }
        audit.record("CONSENT_RECORDED", OBJECT_TYPE, form.getId(), "student " + student.getDistrictId() + ", items "
                + form.items() + ", " + form.getChannel() + ", " + form.getPeriodStart() + " to " + form.getPeriodEnd()
                + (inspected == null ? "" : ", scan " + inspected.type() + " sha256 " + inspected.sha256()));
        return view(form);
    }

    /** One form (a recorded view). */
    public FormView get(Long id) {
        ConsentForm form = reachableForm(access.scope(), id);
        audit.record("CONSENT_VIEWED", OBJECT_TYPE, id, "student " + form.getStudent().getDistrictId());
        return view(form);
    }

    /** A scan's bytes for download (a recorded view); served as an attachment only. */
    public Scan scan(Long formId, Long evidenceId) {
        ConsentForm form = reachableForm(access.scope(), formId);
        Evidence evidence = evidenceId == null ? null : em.find(Evidence.class, evidenceId);
        if (evidence == null || !evidence.getForm().getId().equals(form.getId())) {
            throw new NotFoundException("Scan");
        }
        EvidenceContent content = em.find(EvidenceContent.class, evidence.getId());
        if (content == null) {
            throw new NotFoundException("Scan");
        }
        audit.record("CONSENT_SCAN_VIEWED", OBJECT_TYPE, formId, "scan " + evidence.getId() + " (" + evidence.getScanType()
                + ", sha256 " + evidence.getSha256() + ") of student " + form.getStudent().getDistrictId());
        return new Scan(evidence.getScanType(), evidence.getStoredName(), content.getContent());
    }

    /**
     * Records the parent's revocation; for each District account that a consent check cleared to
     * post about the student with an item now withdrawn, and that the form covered, a takedown task
     * goes to the account's operators (its administrators when it has none); then {@link ConsentRevoked}
     * lets the recorded posts (component posts) add a task for each post that showed what was withdrawn.
     */
    @RolesAllowed(Role.CONSENT_CLERK_NAME)
    public FormView revoke(Long id, RevocationInput in) {
        ConsentAccess.Scope scope = access.scope();
        ConsentForm form = reachableForm(scope, id);
        if (in == null) {
            throw new InvalidInputException("revokedOn", "Enter the date the parent revoked");
        }
        DistrictSettings district = settings.current();
        Instant now = clock.instant();
        LocalDate today = now.atZone(district.timeZone()).toLocalDate();
        ConsentRevocation revocation = form.revoke(in.revokedOn(), in.receivedBy(),
                in.items() == null || in.items().isEmpty() ? null : items(in.items()), today, scope.username(), now);
        em.flush();
        coverage.studentChanged(form.getStudent().getId());
        List<Long> tasks = takedowns(form, revocation, scope.username(), now, district);
        audit.record("CONSENT_REVOKED", OBJECT_TYPE, id, "items " + revocation.items() + " revoked on " + revocation.getRevokedOn()
                + " (received by " + revocation.getReceivedBy() + "); " + tasks.size() + " takedown task(s)");
        return view(form);
    }

    /**
     * A parent's revocation through their personal link (no sign-in: the parents component checked the link
     * and names the parent as {@code actor}): the same revocation and takedown tasks as a clerk's.
     */
    @PermitAll
    public Set<ConsentItem> revokeOnline(Long formId, Long guardianId, Set<ConsentItem> items, String actor) {
        ConsentForm form = formId == null ? null : em.find(ConsentForm.class, formId);
        if (form == null || !form.getSigner().getId().equals(guardianId)) {
            throw new NotFoundException("Consent form");
        }
        DistrictSettings district = settings.current();
        Instant now = clock.instant();
        LocalDate today = now.atZone(district.timeZone()).toLocalDate();
        ConsentRevocation revocation = form.revoke(today, "the parent, online", items == null || items.isEmpty() ? null : items,
                today, actor, now);
        em.flush();
        coverage.studentChanged(form.getStudent().getId());
        List<Long> tasks = takedowns(form, revocation, actor, now, district);
        audit.recordAs(actor, "CONSENT_REVOKED", OBJECT_TYPE, formId, "items " + revocation.items() + " revoked on "
                + revocation.getRevokedOn() + " (online, by the parent who signed); " + tasks.size() + " takedown task(s)");
        return revocation.items();
    }

    private List<Long> takedowns(ConsentForm form, ConsentRevocation revocation, String by, Instant now, DistrictSettings district) {
        LocalDate today = now.atZone(district.timeZone()).toLocalDate();
        Set<ConsentItem> after = form.itemsAfterRevocations(null);
        Set<ConsentItem> before = EnumSet.noneOf(ConsentItem.class);
        before.addAll(after);
        before.addAll(revocation.items());
        List<ConsentForm> studentForms = em.createNamedQuery(ConsentForm.FOR_STUDENT, ConsentForm.class)
                .setParameter("studentId", form.getStudent().getId()).getResultList();
        List<ConsentCheck> checks = em.createNamedQuery(ConsentCheck.FOR_STUDENT, ConsentCheck.class)
                .setParameter("studentId", form.getStudent().getId()).getResultList();
        Set<Long> accounts = new LinkedHashSet<>();
        for (ConsentCheck check : checks) {
            boolean cleared = check.getResults().stream()
                    .anyMatch(r -> r.getStudentId() == form.getStudent().getId() && r.isAllowed());
            // a check run while recording a post: the recorded post gets its own task (ConsentRevoked)
            if (!cleared || check.isForPost() || accounts.contains(check.getAccountId())) {
                continue;
            }
            ConsentRules.Post post = new ConsentRules.Post(check.getAccountId(), check.getPlatformId(), check.getItems(), today);
            if (ConsentRules.takenDownBy(form, before, after, post, studentForms)) {
                accounts.add(check.getAccountId());
            }
        }
        List<Long> created = new ArrayList<>();
        for (Long accountId : accounts) {
            created.add(takedownOpener.open(revocation, accountId, null, by, now, district.takedownReminder()).getId());
        }
        revoked.fire(new ConsentRevoked(form.getId(), revocation.getId(), by));
        return created;
    }

    // ---------------------------------------------------------------- renewal list and takedowns

    /** A student on the renewal list and when their consent in force ends (a date of the driver's type, or null). */
    public record Renewal(Student student, Object consentEnds) {
    }

    /** The clerk's renewal list: active students with no consent in force, or one ending within 30 days. */
    public List<RenewalRow> renewals(int first, int size) {
        checkPage(first, size);
        ConsentAccess.Scope scope = access.scope();
        LocalDate today = clock.instant().atZone(settings.current().timeZone()).toLocalDate();
        TypedQuery<Renewal> q = renewalQuery(em, "NEW " + Renewal.class.getName() + "(s, (SELECT MAX(f.periodEnd) FROM ConsentForm f WHERE f.student = s"
                        + " AND f.status = :active AND f.periodStart <= :today AND f.periodEnd >= :today))", scope, today, Renewal.class);
        return q.setFirstResult(first).setMaxResults(size).getResultStream().map(row -> {
            Student s = row.student();
            // a scalar subquery's date comes back as the driver's type, not the mapped one
            LocalDate ends = row.consentEnds() instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) row.consentEnds();
            return new RenewalRow(s.getDistrictId(), s.displayName(), s.getGrade(), s.getSchool() == null ? null : s.getSchool().getName(),
                    ends, ends == null ? "No consent in force" : "Ends within " + RENEWAL_DAYS + " days");
        }).toList();
    }

    /**
     * How many students the renewal list holds (the clerk's school; every school for an auditor): the home page's
     * count, the list's own query. It visits the school's active students by ix_student_school_active, each with an
     * indexed look at its forms (ix_consent_form_student): a school's roster, never the District's forms, and both
     * from the indexes alone (V89), which keeps PostgreSQL's default costs from choosing a parallel plan for it.
     */
    public long countRenewals() {
        ConsentAccess.Scope scope = access.scope();
        LocalDate today = clock.instant().atZone(settings.current().timeZone()).toLocalDate();
        return Counts.countRenewals(em, scope, today);
    }

    /** The count as a query on any EntityManager (the home counts' benchmark calls it outside the container);
     *  a nested class, because a bean class with a static method makes WildFly warn (WFLYEJB0131). */
    public static final class Counts {
        private Counts() {
        }

        public static long countRenewals(EntityManager em, ConsentAccess.Scope scope, LocalDate today) {
            return renewalQuery(em, "COUNT(s.id)", scope, today, Long.class).getSingleResult();
        }
    }

    private static <T> TypedQuery<T> renewalQuery(EntityManager em, String select, ConsentAccess.Scope scope, LocalDate today,
                                                  Class<T> type) {
        boolean ordered = !type.equals(Long.class);
        TypedQuery<T> q = em.createQuery("SELECT " + select + " FROM Student s"
                        + " WHERE s.active = TRUE" + (scope.readsAll() ? "" : " AND s.school.id = :school")
                        + " AND NOT EXISTS (SELECT g.id FROM ConsentForm g WHERE g.student = s AND g.status = :active"
                        // "consents to something", written as NOT (all false): H2 2.2 turns "a = TRUE OR b = TRUE" into
                        // "1 IN (a, b)" and then refuses to compare the integer with the booleans
                        + " AND g.periodStart <= :today AND g.periodEnd > :soon AND NOT (g.scope.photo = FALSE AND g.scope.video = FALSE"
                        + " AND g.scope.fullName = FALSE AND g.scope.firstName = FALSE AND g.scope.studentWork = FALSE AND g.scope.voice = FALSE))"
                        + (ordered ? " ORDER BY s.familyName, s.givenName, s.id" : ""), type)
                .setParameter("active", ConsentStatus.ACTIVE).setParameter("today", today)
                .setParameter("soon", today.plusDays(RENEWAL_DAYS));
        if (!scope.readsAll()) {
            q.setParameter("school", scope.schoolId() == null ? -1L : scope.schoolId());
        }
        return q;
    }

    /** Takedown tasks of the clerk's school (every task for an auditor), open ones first. */
    public List<TaskView> takedownTasks(boolean openOnly) {
        ConsentAccess.Scope scope = access.scope();
        TypedQuery<TakedownTask> q = em.createQuery("SELECT t FROM TakedownTask t WHERE 1 = 1"
                + (scope.readsAll() ? "" : " AND t.student.school.id = :school")
                + (openOnly ? " AND t.status = :open" : "") + " ORDER BY t.status DESC, t.createdAt DESC, t.id DESC", TakedownTask.class);
        if (!scope.readsAll()) {
            q.setParameter("school", scope.schoolId() == null ? -1L : scope.schoolId());
        }
        if (openOnly) {
            q.setParameter("open", TakedownTask.Status.OPEN);
        }
        return q.setMaxResults(PAGE_MAX).getResultStream().map(t -> taskView(em, t)).toList();
    }

    static TaskView taskView(EntityManager em, TakedownTask t) {
        DistrictAccount account = em.find(DistrictAccount.class, t.getAccountId());
        return new TaskView(t.getId(), t.getStudent().getDistrictId(), t.getStudent().displayName(), t.getAccountId(),
                account == null ? "#" + t.getAccountId() : account.platformLabel() + " " + account.getHandle(), t.getForm().getId(),
                t.getRevocation().getRevokedOn(), t.getRevocation().items(), t.getStatus(), Set.copyOf(t.getAssignees()),
                t.getCreatedAt(), t.getDoneAt(), t.getDoneBy(), t.getNote(), t.getRemindersSent());
    }

    // ---------------------------------------------------------------- helpers

    private <T> TypedQuery<T> studentsQuery(ConsentAccess.Scope scope, String text, boolean count, Class<T> type) {
        StringBuilder jpql = new StringBuilder(count ? "SELECT COUNT(s.id) FROM Student s WHERE 1 = 1" : "SELECT s FROM Student s WHERE 1 = 1");
        if (!scope.readsAll()) {
            jpql.append(" AND s.school.id = :school");
        }
        String t = text == null ? null : text.strip().toLowerCase(Locale.ROOT);
        if (t != null && !t.isEmpty()) {
            jpql.append(" AND (LOWER(s.familyName) LIKE :text ESCAPE '\\' OR LOWER(s.givenName) LIKE :text ESCAPE '\\' OR s.districtId = :exact)");
        }
        if (!count) {
            jpql.append(" ORDER BY s.familyName, s.givenName, s.id");
        }
        TypedQuery<T> q = em.createQuery(jpql.toString(), type);
        if (!scope.readsAll()) {
            q.setParameter("school", scope.schoolId() == null ? -1L : scope.schoolId());
        }
        if (t != null && !t.isEmpty()) {
            q.setParameter("text", t.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            q.setParameter("exact", text.strip());
        }
        return q;
    }

    private Student byDistrictId(String districtId) {
        Student s = byDistrictIdOrNull(districtId);
        if (s == null) {
            throw new NotFoundException("Student");
        }
        return s;
    }

    private Student byDistrictIdOrNull(String districtId) {
        if (districtId == null || districtId.isBlank()) {
            return null;
        }
        return em.createNamedQuery(Student.BY_DISTRICT_ID, Student.class).setParameter("districtId", districtId.strip())
                .getResultStream().findFirst().orElse(null);
    }

    private ConsentForm reachableForm(ConsentAccess.Scope scope, Long id) {
        ConsentForm form = id == null ? null : em.find(ConsentForm.class, id);
        if (form == null || !scope.reaches(form.getStudent())) {
            throw new NotFoundException("Consent form");
        }
        if (!scope.mayChange() && !scope.readsAll()) {
            throw new AccessDeniedException("Only consent clerks and auditors see consent forms");
        }
        return form;
    }

    /** The message for the ids that name nothing, if any. */
    private Optional<String> missing(String entity, Set<Long> ids, String message) {
        if (ids == null || ids.isEmpty()) {
            return Optional.empty();
        }
        Set<Long> found = new java.util.HashSet<>(em.createQuery("SELECT e.id FROM " + entity + " e WHERE e.id IN :ids", Long.class)
                .setParameter("ids", ids).getResultList());
        List<String> missing = ids.stream().filter(id -> id == null || !found.contains(id)).map(String::valueOf).toList();
        return missing.isEmpty() ? Optional.empty() : Optional.of(message + String.join(", ", missing));
    }

    private void storeScan(ConsentForm form, ScanInspector.InspectedScan scan, String by, Instant now) {
        Evidence evidence = new Evidence(form, scan.storedName(), scan.type(), scan.size(), scan.sha256(), scan.originalName(), by, now);
        em.persist(evidence);
        em.flush();
        em.persist(new EvidenceContent(evidence, scan.content()));
    }

    private FormView view(ConsentForm f) {
        List<ScanView> scans = em.createNamedQuery(Evidence.FOR_FORM, Evidence.class).setParameter("formId", f.getId()).getResultStream()
                .map(e -> new ScanView(e.getId(), e.getScanType(), e.getSizeBytes(), e.getSha256(), e.getOriginalName(),
                        e.getUploadedAt(), e.getUploadedBy())).toList();
        List<Long> tasks = em.createQuery("SELECT t.id FROM TakedownTask t WHERE t.form = :f ORDER BY t.id", Long.class)
                .setParameter("f", f).getResultList();
        LocalDate today = clock.instant().atZone(settings.current().timeZone()).toLocalDate();
        return new FormView(f.getId(), f.getStudent().getDistrictId(), f.getStudent().displayName(),
                f.getSigner() == null ? null : f.getSigner().getId(), f.getSigner() == null ? null : f.getSigner().displayName(),
                f.getSignedOn(), f.getFormVersion(), f.getReceivedBy(), f.items(), f.itemsAfterRevocations(today), f.getChannel(),
                Set.copyOf(f.getAccountIds()), Set.copyOf(f.getPlatformIds()), f.getPeriodStart(), f.getPeriodEnd(), f.getNotes(),
                f.getStatus(), f.getRevocations().stream().map(r -> new RevocationView(r.getRevokedOn(), r.getReceivedBy(), r.items(),
                r.getRecordedBy(), r.getRecordedAt())).toList(), scans, f.getRecordedAt(), f.getRecordedBy(), f.getVersion(), tasks);
    }

    static Set<ConsentItem> items(Set<String> names) {
        Set<ConsentItem> items = EnumSet.noneOf(ConsentItem.class);
        if (names != null) {
            for (String name : names) {
                items.add(parse(ConsentItem.class, "items", name));
            }
        }
        return items;
    }

    static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "'" + value.strip() + "' is not one of "
                    + String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
        }
    }

    private static void checkPage(int first, int size) {
        if (first < 0 || size < 1 || size > PAGE_MAX) {
            throw new InvalidInputException("size", "first is 0 or more; size is 1 to " + PAGE_MAX);
        }
    }
}
