package org.district.socialmedia.parents.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.district.socialmedia.parents.entity.LinkToken;
import org.district.socialmedia.parents.entity.ParentLink;
import org.district.socialmedia.parents.entity.ParentLinkKey;
import org.district.socialmedia.parents.entity.ParentRequest;
import org.district.socialmedia.settings.boundary.DistrictSettingsService;
import org.district.socialmedia.settings.entity.ConsentLinkSettings;
import org.district.socialmedia.students.entity.Guardian;
import org.district.socialmedia.students.entity.SchoolClass;
import org.district.socialmedia.students.entity.Student;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Makes parents' links and their tokens: the token goes into the email only, its SHA-256 into the database. */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class LinkIssuer {

    @PersistenceContext
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    DistrictSettingsService settings;

    public record Issued(ParentLink link, String token) {
    }

    /** A new link for one parent and student; {@code formId} for a link that shows a form signed before. */
    public Issued issue(ParentRequest request, Student student, Guardian guardian, SchoolClass schoolClass, Long formId) {
        return issue(request, student, guardian, schoolClass, formId, settings.consentLinks());
    }

    /** The same with the link settings the caller read once (a request to a school issues thousands of links). */
    public Issued issue(ParentRequest request, Student student, Guardian guardian, SchoolClass schoolClass, Long formId,
                        ConsentLinkSettings rules) {
        Instant now = clock.instant();
        ParentLink link = new ParentLink(request, student, guardian, schoolClass, guardian.getEmail().strip(), now, rules.linkTtl(),
                formId, rules.reminders());
        // the link's id comes from its sequence at persist; the rows are written at the commit, or at the caller's
        // flush (no flush per link: it would compare every entity of a school's request each time)
        em.persist(link);
        return new Issued(link, token(link, now));
    }

    /** Another token for the same link (a reminder's: the first token was never stored, so it cannot be sent again). */
    public String token(ParentLink link, Instant now) {
        String token = LinkToken.create();
        em.persist(new ParentLinkKey(link, LinkToken.hash(token), now));
        return token;
    }

    /** The link a token opens, if any. */
    public Optional<ParentLink> find(String token) {
        if (!LinkToken.isWellFormed(token)) {
            return Optional.empty();
        }
        return em.createNamedQuery(ParentLinkKey.LINK_BY_HASH, ParentLink.class).setParameter("hash", LinkToken.hash(token))
                .getResultStream().findFirst();
    }
}
