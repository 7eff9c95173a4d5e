package org.district.socialmedia.posts.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.district.socialmedia.audit.control.AuditLog;
import org.district.socialmedia.consent.control.TakedownOpener;
import org.district.socialmedia.consent.entity.ConsentForm;
import org.district.socialmedia.consent.entity.ConsentItem;
import org.district.socialmedia.consent.entity.ConsentRevocation;
import org.district.socialmedia.consent.entity.ConsentRevoked;
import org.district.socialmedia.consent.entity.ConsentRules;
import org.district.socialmedia.consent.entity.TakedownTask;
import org.district.socialmedia.posts.entity.Post;
import org.district.socialmedia.posts.entity.PostTakedown;
import org.district.socialmedia.settings.boundary.DistrictSettingsService;
import org.district.socialmedia.settings.entity.DistrictSettings;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * After a revocation, every recorded post on which the student appears with an item now withdrawn
 * comes down, whoever recorded or checked it: one takedown task per post and student, in the
 * revocation's transaction. The (post, student) key of {@link PostTakedown} keeps it to once.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class PostTakedowns {

    @PersistenceContext
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    DistrictSettingsService settings;
    @Inject
    TakedownOpener opener;
    @Inject
    AuditLog audit;

    public void on(@Observes ConsentRevoked event) {
        ConsentRevocation revocation = em.find(ConsentRevocation.class, event.revocationId());
        if (revocation == null) {
            return;
        }
        ConsentForm form = revocation.getForm();
        long studentId = form.getStudent().getId();
        List<Post> posts = em.createNamedQuery(Post.SHOWING_STUDENT, Post.class).setParameter("studentId", studentId).getResultList();
        if (posts.isEmpty()) {
            return;
        }
        DistrictSettings district = settings.current();
        Instant now = clock.instant();
        LocalDate today = now.atZone(district.timeZone()).toLocalDate();
        Set<ConsentItem> after = form.itemsAfterRevocations(null);
        Set<ConsentItem> before = EnumSet.noneOf(ConsentItem.class);
        before.addAll(after);
        before.addAll(revocation.items());
        List<ConsentForm> studentForms = em.createNamedQuery(ConsentForm.FOR_STUDENT, ConsentForm.class)
                .setParameter("studentId", studentId).getResultList();
        for (Post post : posts) {
            // on the later of today and its planned day: a post planned ahead is judged on the day it would be up
            LocalDate day = post.getPlannedOn().isAfter(today) ? post.getPlannedOn() : today;
            ConsentRules.Post shown = new ConsentRules.Post(post.getAccountId(), post.getPlatformId(), post.getItems(), day);
            if (!ConsentRules.takenDownBy(form, before, after, shown, studentForms)) {
                continue;
            }
            TakedownTask task = opener.open(revocation, post.getAccountId(), post.getId(), event.by(), now, district.takedownReminder());
            em.persist(new PostTakedown(post.getId(), studentId, task.getId()));
            em.flush();
            audit.record("POST_TAKEDOWN", "Post", post.getId(), "takedown task " + task.getId() + " for student "
                    + form.getStudent().getDistrictId() + " after the revocation of " + revocation.items() + " on form " + form.getId());
        }
    }
}
