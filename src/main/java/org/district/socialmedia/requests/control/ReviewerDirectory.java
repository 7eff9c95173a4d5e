package org.district.socialmedia.requests.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.district.socialmedia.people.entity.StaffUser;
import org.district.socialmedia.platform.entity.Role;
import org.district.socialmedia.requests.entity.Designation;
import org.district.socialmedia.requests.entity.SocialMediaRequest;
import org.district.socialmedia.settings.boundary.DistrictSettingsService;
import org.district.socialmedia.settings.entity.DistrictSettings;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Who hears about a request: its reviewers (the Superintendent and the designees in force), and at
 * escalation the Superintendent and the escalation contact. Never the requester: the escalation
 * contact is the fallback when the Superintendent is the requester.
 */
@Stateless
public class ReviewerDirectory {

    @PersistenceContext
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    DistrictSettingsService settings;

    public Set<StaffUser> reviewersOf(SocialMediaRequest request) {
        DistrictSettings district = settings.current();
        Set<StaffUser> reviewers = new LinkedHashSet<>(superintendents(request));
        LocalDate today = clock.instant().atZone(district.timeZone()).toLocalDate();
        em.createQuery("SELECT d FROM Designation d WHERE d.revokedAt IS NULL AND d.startsOn <= :day AND d.endsOn >= :day",
                        Designation.class).setParameter("day", today).getResultStream()
                .map(Designation::getDesignee)
                .filter(s -> s.isActive() && !s.getUsername().equals(request.getRequester().getUsername()))
                .forEach(reviewers::add);
        if (reviewers.isEmpty()) {
            contact(request, district).ifPresent(reviewers::add);
        }
        return reviewers;
    }

    /** The Superintendent and the escalation contact (the contact alone when the Superintendent asked). */
    public Set<StaffUser> escalationTargets(SocialMediaRequest request) {
        Set<StaffUser> targets = new LinkedHashSet<>(superintendents(request));
        contact(request, settings.current()).ifPresent(targets::add);
        return targets;
    }

    private Set<StaffUser> superintendents(SocialMediaRequest request) {
        Set<StaffUser> result = new LinkedHashSet<>();
        em.createQuery("SELECT s FROM StaffUser s JOIN s.roles r WHERE r = :role AND s.active = TRUE", StaffUser.class)
                .setParameter("role", Role.SUPERINTENDENT).getResultStream()
                .filter(s -> !s.getUsername().equals(request.getRequester().getUsername()))
                .forEach(result::add);
        return result;
    }

    private java.util.Optional<StaffUser> contact(SocialMediaRequest request, DistrictSettings district) {
        if (district.escalationContact() == null) {
            return java.util.Optional.empty();
        }
        return em.createNamedQuery(StaffUser.BY_USERNAME, StaffUser.class).setParameter("username", district.escalationContact())
                .getResultStream().filter(StaffUser::isActive)
                .filter(s -> !s.getUsername().equals(request.getRequester().getUsername())).findFirst();
    }
}
