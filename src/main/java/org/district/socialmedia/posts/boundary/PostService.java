package org.district.socialmedia.posts.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.district.socialmedia.accounts.control.WhoOperates;
import org.district.socialmedia.accounts.entity.DistrictAccount;
import org.district.socialmedia.audit.control.AuditLog;
import org.district.socialmedia.consent.boundary.ConsentCheckService;
import org.district.socialmedia.consent.entity.ConsentCheck;
import org.district.socialmedia.consent.entity.ConsentItem;
import org.district.socialmedia.platform.entity.AccessDeniedException;
import org.district.socialmedia.platform.entity.InvalidInputException;
import org.district.socialmedia.platform.entity.NotFoundException;
import org.district.socialmedia.platform.entity.Role;
import org.district.socialmedia.posts.control.PostQueries;
import org.district.socialmedia.posts.entity.Post;
import org.district.socialmedia.settings.boundary.DistrictSettingsService;

import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Posts about students, recorded before they are published. Recording runs the consent check for the
 * planned day (consent's {@link ConsentCheckService}, kept as the disclosure record): a post with a
 * student who is not allowed is not recorded, and the answer names them with the reasons. The
 * account's operators and District administrators record posts and add their address; reviewers, the
 * Superintendent and auditors read every post.
 */
@Stateless
@RolesAllowed({Role.EMPLOYEE_NAME, Role.SITE_ADMIN_NAME, Role.REVIEWER_NAME, Role.SUPERINTENDENT_NAME, Role.AUDITOR_NAME})
public class PostService {

    public static final int LIST_MAX = 500;
    static final String OBJECT_TYPE = "Post";

    /** The API's body: "studentIds" or "classId", one of the two. */
    public record PostInput(Long accountId, LocalDate plannedOn, List<String> items, List<String> studentIds, String classId)
            implements Serializable {
    }

    /** A student who may not appear, and why (the check's reason: NO_CONSENT, EXPIRED, REVOKED, ...). */
    public record Refusal(String studentId, String reason) implements Serializable {
    }

    /**
     * What recording answered: the post, or the students not allowed (then nothing was recorded).
     *
     * @param names the students' names, for the page (the person recording knows them)
     */
    public record Recording(PostView post, Long checkId, List<Refusal> refused, Map<String, String> names) implements Serializable {

        public boolean recorded() {
            return post != null;
        }
    }

    public record PostView(Long id, Long accountId, String account, LocalDate plannedOn, Set<ConsentItem> items,
                           List<String> studentIds, String url, String recordedBy, Instant recordedAt, Long checkId,
                           List<String> takenDownFor) implements Serializable {
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
    @Inject
    ConsentCheckService checks;

    /** The accounts in use that the caller may record posts for. */
    @RolesAllowed({Role.EMPLOYEE_NAME, Role.SITE_ADMIN_NAME})
    public List<ConsentCheckService.AccountChoice> myAccounts() {
        return checks.myAccounts();
    }

    @RolesAllowed({Role.EMPLOYEE_NAME, Role.SITE_ADMIN_NAME})
    public List<ConsentCheckService.ClassChoice> classesFor(Long accountId) {
        return checks.classesFor(accountId);
    }

    @RolesAllowed({Role.EMPLOYEE_NAME, Role.SITE_ADMIN_NAME})
    public Recording record(PostInput in) {
        if (in == null) {
            throw new InvalidInputException("accountId", "Name the account the post is for");
        }
        LocalDate today = today();
        Post.checkPlannedOn(in.plannedOn(), today);
        ConsentCheckService.Outcome outcome = checks.check(
                new ConsentCheckService.CheckInput(in.accountId(), in.items(), in.studentIds(), in.classId()), in.plannedOn(), true);
        List<Refusal> refused = outcome.results().stream().filter(r -> !r.allowed())
                .map(r -> new Refusal(r.studentId(), r.reason())).toList();
        if (!refused.isEmpty()) {
            // the check stays recorded (who learnt what about whom); the post is not
            audit.record("POST_REFUSED", "ConsentCheck", outcome.checkId(), "post on account " + in.accountId() + " planned on "
                    + in.plannedOn() + " not recorded: " + refused.size() + " of " + outcome.results().size() + " student(s) not allowed");
            return new Recording(null, outcome.checkId(), refused, outcome.names());
        }
        ConsentCheck check = em.find(ConsentCheck.class, outcome.checkId());
        Post post = new Post(check, in.plannedOn(), today, me(), clock.instant());
        em.persist(post);
        em.flush();
        audit.record("POST_RECORDED", OBJECT_TYPE, post.getId(), "account " + post.getAccountId() + ", planned on " + post.getPlannedOn()
                + ", items " + post.getItems() + ", " + post.getStudentIds().size() + " student(s), check " + check.getId());
        return new Recording(views(List.of(post)).get(0), check.getId(), List.of(), outcome.names());
    }

    /** Where the post was published; the account's operators and administrators add or correct it. */
    @RolesAllowed({Role.EMPLOYEE_NAME, Role.SITE_ADMIN_NAME})
    public PostView publishedAt(Long id, String url) {
        Post post = id == null ? null : em.find(Post.class, id);
        if (post == null) {
            throw new NotFoundException("Post");
        }
        DistrictAccount account = em.find(DistrictAccount.class, post.getAccountId());
        String me = me();
        if (!WhoOperates.operates(em, me, account) && !WhoOperates.administers(em, me, account)) {
            throw new AccessDeniedException("Only the account's operators and administrators say where its posts are");
        }
        String before = post.getUrl();
        post.publishedAt(url, me, clock.instant());
        audit.record("POST_URL", OBJECT_TYPE, post.getId(), (before == null ? "published at " : "address corrected from " + before + " to ")
                + post.getUrl());
        return views(List.of(post)).get(0);
    }

    /**
     * Posts planned between the days (null: no limit), of one account or all those the caller may read:
     * the accounts they operate or administer; every account for reviewers, the Superintendent and auditors.
     */
    public List<PostView> posts(Long accountId, LocalDate from, LocalDate to) {
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidInputException("to", "The end is before the start");
        }
        String reader = oversees() ? null : me();
        if (accountId != null && reader != null) {
            DistrictAccount account = em.find(DistrictAccount.class, accountId);
            if (account != null && !WhoOperates.operates(em, reader, account) && !WhoOperates.administers(em, reader, account)) {
                throw new AccessDeniedException("You see the posts of the accounts you operate or hold rights on");
            }
        }
        return views(PostQueries.posts(em, accountId, from, to, reader, LIST_MAX));
    }

    /** One post, if the caller may read its account's posts (else as if it did not exist). */
    public PostView get(Long id) {
        Post post = id == null ? null : em.find(Post.class, id);
        if (post == null) {
            throw new NotFoundException("Post");
        }
        if (!oversees()) {
            DistrictAccount account = em.find(DistrictAccount.class, post.getAccountId());
            if (!WhoOperates.operates(em, me(), account) && !WhoOperates.administers(em, me(), account)) {
                throw new NotFoundException("Post");
            }
        }
        return views(List.of(post)).get(0);
    }

    private boolean oversees() {
        return context.isCallerInRole(Role.REVIEWER_NAME) || context.isCallerInRole(Role.SUPERINTENDENT_NAME)
                || context.isCallerInRole(Role.AUDITOR_NAME);
    }

    private List<PostView> views(List<Post> posts) {
        List<Long> ids = posts.stream().map(Post::getId).toList();
        Map<Long, List<String>> students = PostQueries.students(em, ids);
        Map<Long, List<String>> takenDown = PostQueries.takenDown(em, ids);
        Map<Long, String> accounts = PostQueries.accountLabels(em, posts.stream().map(Post::getAccountId).distinct().toList());
        return posts.stream().map(p -> new PostView(p.getId(), p.getAccountId(), accounts.getOrDefault(p.getAccountId(), "#" + p.getAccountId()),
                p.getPlannedOn(), p.getItems(), students.getOrDefault(p.getId(), List.of()), p.getUrl(), p.getRecordedBy(),
                p.getRecordedAt(), p.getCheckId(), takenDown.getOrDefault(p.getId(), List.of()))).toList();
    }

    private LocalDate today() {
        return clock.instant().atZone(settings.current().timeZone()).toLocalDate();
    }

    private String me() {
        return context.getCallerPrincipal().getName();
    }
}
