package org.district.socialmedia.policy.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.district.socialmedia.audit.control.AuditLog;
import org.district.socialmedia.platform.entity.InvalidInputException;
import org.district.socialmedia.platform.entity.NotFoundException;
import org.district.socialmedia.platform.entity.Role;
import org.district.socialmedia.policy.control.PolicyVersions;
import org.district.socialmedia.policy.entity.PolicyDocument;
import org.district.socialmedia.policy.entity.PolicyVersion;

import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The policy documents and their versions: everyone signed in reads them (earlier versions included);
 * the Superintendent or a system administrator publishes a new version.
 */
@Stateless
@PermitAll
public class PolicyLibrary {

    /** A version as the API and the pages show it. */
    public record VersionView(Long id, String document, String documentTitle, int number, String label, LocalDate effectiveOn,
                              String summary, String text, String textSha256, boolean requiresAcknowledgement,
                              String publishedBy, Instant publishedAt, boolean inForce) implements Serializable {
        static VersionView of(PolicyVersion v, boolean inForce) {
            return new VersionView(v.getId(), v.getDocument().name(), v.getDocument().title(), v.getNumber(), v.getLabel(),
                    v.getEffectiveOn(), v.getSummary(), v.getBody(), v.getBodySha256(), v.isRequiresAcknowledgement(),
                    v.getPublishedBy(), v.getPublishedAt(), inForce);
        }
    }

    public record NewVersion(String document, String label, LocalDate effectiveOn, String summary, String text,
                             boolean requiresAcknowledgement) implements Serializable {
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
    PolicyVersions versions;

    public Optional<PolicyVersion> inForce(PolicyDocument document) {
        return versions.inForce(document);
    }

    /** The label requests and letters record: the board policy version in force. */
    public String boardPolicyLabel() {
        return versions.inForce(PolicyDocument.BOARD_POLICY).map(PolicyVersion::getLabel).orElse(PolicyText.VERSION);
    }

    public List<VersionView> list(PolicyDocument document) {
        Long current = versions.inForce(document).map(PolicyVersion::getId).orElse(null);
        return versions.of(document).stream().map(v -> VersionView.of(v, v.getId().equals(current))).toList();
    }

    public VersionView get(Long id) {
        PolicyVersion v = versions.find(id).orElseThrow(() -> new NotFoundException("policy version " + id));
        return VersionView.of(v, isInForce(v));
    }

    public Optional<PolicyVersion> find(Long id) {
        return versions.find(id);
    }

    public boolean isInForce(PolicyVersion v) {
        return versions.inForce(v.getDocument()).map(c -> c.getId().equals(v.getId())).orElse(false);
    }

    @RolesAllowed({Role.SUPERINTENDENT_NAME, Role.SYSTEM_ADMIN_NAME})
    public VersionView publish(NewVersion in) {
        if (in == null) {
            throw new InvalidInputException("document", "Send the new version: document, label, effectiveOn, summary, text");
        }
        PolicyDocument document = parse(in.document());
        String me = context.getCallerPrincipal().getName();
        PolicyVersion v = PolicyVersion.publish(document, document == null ? 0 : versions.nextNumber(document), in.label(),
                in.effectiveOn(), in.summary(), in.text(), in.requiresAcknowledgement(), me, clock.instant(), versions.today());
        em.persist(v);
        // the unique (document, number) refuses a second publication racing this one
        em.flush();
        audit.record("POLICY_PUBLISHED", PolicyVersion.AUDIT_TYPE, v.getId(), v.getDocument().name() + " version " + v.getNumber()
                + " \"" + v.getLabel() + "\" effective " + v.getEffectiveOn() + (v.isRequiresAcknowledgement() ? ", requires acknowledgement" : "")
                + "; SHA-256 " + v.getBodySha256());
        return VersionView.of(v, isInForce(v));
    }

    private static PolicyDocument parse(String document) {
        if (document == null || document.isBlank()) {
            return null;
        }
        try {
            return PolicyDocument.valueOf(document.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("document", "Unknown document \"" + document + "\": BOARD_POLICY or SUPERINTENDENT_GUIDELINES");
        }
    }
}
