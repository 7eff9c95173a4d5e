package org.district.socialmedia.requests.control;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.district.socialmedia.people.entity.StaffUser;
import org.district.socialmedia.platform.entity.AccessDeniedException;
import org.district.socialmedia.platform.entity.Role;
import org.district.socialmedia.requests.entity.Decider;
import org.district.socialmedia.requests.entity.Designation;
import org.district.socialmedia.settings.boundary.DistrictSettingsService;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * Who may answer requests, and in what capacity: the Superintendent, or a staff member with the
 * Reviewer role and a designation in force today (in the District's time zone). The capacity goes
 * on the letter ("Designee of the Superintendent").
 */
@Stateless
public class ReviewerAuthority {

    public static final String SUPERINTENDENT_TITLE = "Superintendent";
    public static final String DESIGNEE_TITLE = "Designee of the Superintendent";

    @PersistenceContext
    EntityManager em;
    @Resource
    SessionContext context;
    @Inject
    Clock clock;
    @Inject
    DistrictSettingsService settings;

    /** The current caller as a decider, or EJBAccessException when they hold no reviewing power today. */
    public Decider currentDecider() {
        String username = context.getCallerPrincipal().getName();
        StaffUser user = em.createNamedQuery(StaffUser.BY_USERNAME, StaffUser.class).setParameter("username", username)
                .getResultStream().findFirst().orElseThrow(() -> new AccessDeniedException("Unknown caller"));
        if (context.isCallerInRole(Role.SUPERINTENDENT_NAME)) {
            return new Decider(user.getUsername(), user.getFullName(), SUPERINTENDENT_TITLE);
        }
        if (context.isCallerInRole(Role.REVIEWER_NAME) && !activeDesignations(username).isEmpty()) {
            return new Decider(user.getUsername(), user.getFullName(), DESIGNEE_TITLE);
        }
        throw new AccessDeniedException("Only the Superintendent or a designee with a designation in force may answer requests");
    }

    public List<Designation> activeDesignations(String username) {
        LocalDate today = clock.instant().atZone(settings.current().timeZone()).toLocalDate();
        return em.createNamedQuery(Designation.ACTIVE_FOR, Designation.class)
                .setParameter("username", username).setParameter("day", today).getResultList();
    }
}
