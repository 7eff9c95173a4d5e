package org.district.socialmedia.requests.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Validator;
import org.district.socialmedia.audit.control.AuditLog;
import org.district.socialmedia.platform.control.BeanChecks;
import org.district.socialmedia.platform.entity.InvalidInputException;
import org.district.socialmedia.platform.entity.NotFoundException;
import org.district.socialmedia.platform.entity.Role;
import org.district.socialmedia.requests.entity.Platform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The list of platforms employees choose from, kept by system administrators. */
@Stateless
@RolesAllowed(Role.SYSTEM_ADMIN_NAME)
public class PlatformCatalog {

    @PersistenceContext
    EntityManager em;
    @Inject
    AuditLog audit;
    @Inject
    Validator validator;

    public List<Platform> all() {
        return em.createNamedQuery(Platform.ALL, Platform.class).getResultList();
    }

    public Platform add(String name, boolean otherNameRequired, int sortOrder) {
        Platform platform = new Platform(name, otherNameRequired, sortOrder);
        Map<String, String> errors = new LinkedHashMap<>();
        BeanChecks.collect(validator, platform, errors);
        if (errors.isEmpty() && !em.createNamedQuery(Platform.BY_NAME, Platform.class)
                .setParameter("name", platform.getName().toLowerCase(Locale.ROOT)).getResultList().isEmpty()) {
            errors.put("name", "'" + platform.getName() + "' is already on the list");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        em.persist(platform);
        em.flush();
        audit.record("PLATFORM_ADDED", "Platform", platform.getId(), platform.getName());
        return platform;
    }

    /** Retired platforms stay on old requests but are no longer offered for new ones. */
    public void setOffered(Long id, boolean offered) {
        Platform platform = id == null ? null : em.find(Platform.class, id);
        if (platform == null) {
            throw new NotFoundException("Platform");
        }
        try {
            if (offered) {
                platform.reinstate();
            } else {
                platform.retire();
            }
        } catch (IllegalStateException e) {
            throw new InvalidInputException("platform", e.getMessage());
        }
        audit.record(offered ? "PLATFORM_REINSTATED" : "PLATFORM_RETIRED", "Platform", id, platform.getName());
    }

    /** Replaces the privacy settings checklist that accounts on this platform are signed off against each year. */
    public Platform changePrivacyChecklist(Long id, String lines) {
        Platform platform = id == null ? null : em.find(Platform.class, id);
        if (platform == null) {
            throw new InvalidInputException("platformId", "Choose the platform");
        }
        List<String> items = platform.changePrivacyChecklist(lines);
        audit.record("PLATFORM_PRIVACY_CHECKLIST_CHANGED", "Platform", id, platform.getName() + ": " + String.join("; ", items));
        return platform;
    }
}
