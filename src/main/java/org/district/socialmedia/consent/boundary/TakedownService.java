package org.district.socialmedia.consent.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.district.socialmedia.audit.control.AuditLog;
import org.district.socialmedia.consent.control.ConsentAccess;
import org.district.socialmedia.consent.entity.TakedownTask;
import org.district.socialmedia.platform.entity.NotFoundException;
import org.district.socialmedia.platform.entity.Role;

import java.time.Clock;
import java.util.List;

/**
 * Takedown tasks after a parent's revocation: the account's operators see the tasks assigned to
 * them and mark them done; the school's consent clerks see their school's tasks (and may close
 * one, for instance when the post was never published); auditors read.
 */
@Stateless
@RolesAllowed({Role.EMPLOYEE_NAME, Role.SITE_ADMIN_NAME, Role.CONSENT_CLERK_NAME, Role.AUDITOR_NAME})
public class TakedownService {

    @PersistenceContext
    EntityManager em;
    @Resource
    SessionContext context;
    @Inject
    Clock clock;
    @Inject
    AuditLog audit;
    @Inject
    ConsentAccess access;
    @Inject
    ConsentService consents;

    public List<ConsentService.TaskView> visibleTasks(boolean openOnly) {
        if (context.isCallerInRole(Role.CONSENT_CLERK_NAME) || context.isCallerInRole(Role.AUDITOR_NAME)) {
            return consents.takedownTasks(openOnly);
        }
        var query = em.createQuery("SELECT t FROM TakedownTask t JOIN t.assignees a WHERE a = :me"
                        + (openOnly ? " AND t.status = :open" : "") + " ORDER BY t.createdAt DESC, t.id DESC", TakedownTask.class)
                .setParameter("me", context.getCallerPrincipal().getName());
        if (openOnly) {
            query.setParameter("open", TakedownTask.Status.OPEN);
        }
        return query.setMaxResults(ConsentService.PAGE_MAX).getResultStream().map(t -> ConsentService.taskView(em, t)).toList();
    }

    /** How many open takedown tasks are assigned to the caller (by ix_takedown_task_assignee_username): the home page's count. */
    public long countOpenAssignedToMe() {
        return Counts.countOpenAssignedTo(em, context.getCallerPrincipal().getName());
    }

    /** The count as a query on any EntityManager (the home counts' benchmark calls it outside the container);
     *  a nested class, because a bean class with a static method makes WildFly warn (WFLYEJB0131). */
    public static final class Counts {
        private Counts() {
        }

        public static long countOpenAssignedTo(EntityManager em, String username) {
            return em.createQuery("SELECT COUNT(t.id) FROM TakedownTask t JOIN t.assignees a WHERE a = :me AND t.status = :open", Long.class)
                    .setParameter("me", username).setParameter("open", TakedownTask.Status.OPEN).getSingleResult();
        }
    }

    public ConsentService.TaskView complete(Long id, String note) {
        TakedownTask task = id == null ? null : em.find(TakedownTask.class, id);
        String me = context.getCallerPrincipal().getName();
        boolean assignee = task != null && task.getAssignees().contains(me);
        boolean clerk = task != null && context.isCallerInRole(Role.CONSENT_CLERK_NAME) && access.scope().schoolId() != null
                && access.scope().reaches(task.getStudent());
        if (!assignee && !clerk) {
            throw new NotFoundException("Takedown task");
        }
        task.markDone(me, note, clock.instant());
        audit.record("TAKEDOWN_DONE", ConsentService.OBJECT_TYPE, task.getForm().getId(), "takedown task " + id + " on account "
                + task.getAccountId() + " done" + (task.getNote() == null ? "" : ": " + task.getNote()));
        return ConsentService.taskView(em, task);
    }
}
