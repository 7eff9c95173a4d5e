package org.district.socialmedia.accounts.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.district.socialmedia.accounts.control.RightsAuthority;
import org.district.socialmedia.accounts.control.RightsWorker;
import org.district.socialmedia.accounts.entity.AccessReview;
import org.district.socialmedia.accounts.entity.GrantStatus;
import org.district.socialmedia.platform.entity.InvalidInputException;
import org.district.socialmedia.platform.entity.NotFoundException;
import org.district.socialmedia.platform.entity.Role;
import org.district.socialmedia.settings.boundary.DistrictSettingsService;

import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The term's access review of administrative rights, as the Superintendent sees it: the review
 * under way with its progress, past reviews, and opening one now (besides the timer, which opens
 * one at the start of each configured term). Confirming and revoking rights is in {@link AccountGrants}.
 */
@Stateless
@RolesAllowed({Role.SUPERINTENDENT_NAME, Role.REVIEWER_NAME, Role.AUDITOR_NAME, Role.SYSTEM_ADMIN_NAME})
public class AccessReviewService {

    public record ReviewView(Long id, LocalDate opensOn, LocalDate deadline, AccessReview.Status status, Instant openedAt,
                             String openedBy, boolean lapseUnreviewed, long inForce, long confirmed, int flagged, int lapsed,
                             Instant closedAt) implements Serializable {
    }

    @PersistenceContext
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    RightsAuthority authority;
    @Inject
    RightsWorker worker;
    @Inject
    DistrictSettingsService settings;

    /** The review under way, or null. */
    public ReviewView current() {
        return em.createQuery("SELECT r FROM AccessReview r WHERE r.status = :open ORDER BY r.opensOn DESC", AccessReview.class)
                .setParameter("open", AccessReview.Status.OPEN).setMaxResults(1).getResultStream().findFirst()
                .map(this::view).orElse(null);
    }

    public ReviewView get(Long id) {
        AccessReview review = id == null ? null : em.find(AccessReview.class, id);
        if (review == null) {
            throw new NotFoundException("Access review");
        }
        return view(review);
    }

    public List<ReviewView> recent() {
        return em.createQuery("SELECT r FROM AccessReview r ORDER BY r.opensOn DESC, r.id DESC", AccessReview.class)
                .setMaxResults(20).getResultStream().map(this::view).toList();
    }

    /** Opens a review today with the given deadline (Superintendent, or a designee given the power to grant). */
    public ReviewView openNow(LocalDate deadline) {
        RightsAuthority.Caller caller = authority.requireGranter();
        LocalDate today = clock.instant().atZone(settings.current().timeZone()).toLocalDate();
        if (deadline == null) {
            throw new InvalidInputException("deadline", "Enter the review's deadline");
        }
        if (deadline.isBefore(today)) {
            throw new InvalidInputException("deadline", "The deadline cannot be in the past");
        }
        if (current() != null) {
            throw new InvalidInputException("deadline", "An access review is already under way; finish it first");
        }
        if (!em.createQuery("SELECT r.id FROM AccessReview r WHERE r.opensOn = :day", Long.class).setParameter("day", today)
                .getResultList().isEmpty()) {
            throw new InvalidInputException("deadline", "An access review already opened today");
        }
        return view(em.find(AccessReview.class, worker.open(today, deadline, caller.username())));
    }

    private ReviewView view(AccessReview r) {
        long inForce = 0;
        long confirmed = 0;
        if (r.getStatus() == AccessReview.Status.OPEN) {
            inForce = em.createQuery("SELECT COUNT(g.id) FROM AccountGrant g WHERE g.status = :active", Long.class)
                    .setParameter("active", GrantStatus.ACTIVE).getSingleResult();
            confirmed = em.createQuery("SELECT COUNT(g.id) FROM AccountGrant g WHERE g.status = :active AND g.lastReviewedAt >= :opened",
                    Long.class).setParameter("active", GrantStatus.ACTIVE).setParameter("opened", r.getOpenedAt()).getSingleResult();
        }
        return new ReviewView(r.getId(), r.getOpensOn(), r.getDeadline(), r.getStatus(), r.getOpenedAt(), r.getOpenedBy(),
                r.isLapseUnreviewed(), inForce, confirmed, r.getGrantsFlagged(), r.getGrantsLapsed(), r.getClosedAt());
    }
}
