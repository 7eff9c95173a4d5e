package org.district.socialmedia.audit.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.district.socialmedia.audit.control.AuditChain;
import org.district.socialmedia.audit.control.AuditFilter;
import org.district.socialmedia.audit.control.AuditLog;
import org.district.socialmedia.audit.control.AuditQueries;
import org.district.socialmedia.audit.control.AuditSealer;
import org.district.socialmedia.audit.entity.AuditEntry;
import org.district.socialmedia.platform.control.Csv;
import org.district.socialmedia.platform.control.DistrictTime;
import org.district.socialmedia.platform.control.Matches;
import org.district.socialmedia.platform.entity.InvalidInputException;
import org.district.socialmedia.platform.entity.Role;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * The auditor's view of the audit log: search, export (itself audited) and the verification of the
 * hash chain. Auditors, and system administrators who answer for the system.
 */
@Stateless
@RolesAllowed({Role.AUDITOR_NAME, Role.SYSTEM_ADMIN_NAME})
public class AuditService {

    public static final int PAGE_MAX = 200;
    /** An export stops here; a narrower filter gets the rest. */
    public static final int EXPORT_MAX = 100_000;
    static final int EXPORT_BATCH = 1_000;

    /** One row as the search shows it. */
    public record AuditRow(Long id, Instant occurredAt, String actor, String actorRoles, String ipAddress, String action,
                           String objectType, String objectId, AuditEntry.Outcome outcome, String details) implements Serializable {

        static AuditRow of(AuditEntry e) {
            return new AuditRow(e.getId(), e.getOccurredAt(), e.getActor(), e.getActorRoles(), e.getIpAddress(), e.getAction(),
                    e.getObjectType(), e.getObjectId(), e.getOutcome(), e.getDetails());
        }
    }

    @PersistenceContext
    EntityManager em;
    @Inject
    DistrictTime districtTime;
    @Inject
    AuditLog audit;
    @Inject
    AuditChain chain;
    @Inject
    AuditSealer sealer;

    public Matches count(AuditFilter filter) {
        check(filter);
        ZoneId zone = zone();
        return Matches.of(AuditQueries.search(em, filter, zone, true, Long.class), () -> AuditQueries.count(em, filter, zone));
    }

    public List<AuditRow> page(AuditFilter filter, int first, int size) {
        check(filter);
        if (first < 0 || size < 1 || size > PAGE_MAX) {
            throw new InvalidInputException(Map.of("size", "Ask for 1 to " + PAGE_MAX + " rows from first = 0 or more"));
        }
        return AuditQueries.search(em, filter, zone(), false, AuditEntry.class).setFirstResult(first).setMaxResults(size)
                .getResultStream().map(AuditRow::of).toList();
    }

    /** The matching rows as CSV, newest first, up to {@link #EXPORT_MAX}; the export goes into the log itself. */
    public int export(AuditFilter filter, Writer out) {
        check(filter);
        int rows = 0;
        try {
            out.write(Csv.line("id", "occurred_at", "actor", "actor_roles", "ip_address", "action", "object_type", "object_id",
                    "outcome", "details"));
            for (int first = 0; first < EXPORT_MAX; first += EXPORT_BATCH) {
                List<AuditEntry> batch = AuditQueries.search(em, filter, zone(), false, AuditEntry.class).setFirstResult(first)
                        .setMaxResults(Math.min(EXPORT_BATCH, EXPORT_MAX - first)).getResultList();
                for (AuditEntry e : batch) {
                    out.write(Csv.line(String.valueOf(e.getId()), String.valueOf(e.getOccurredAt()), e.getActor(), e.getActorRoles(),
                            e.getIpAddress(), e.getAction(), e.getObjectType(), e.getObjectId(), e.getOutcome().name(), e.getDetails()));
                    rows++;
                }
                em.clear();
                if (batch.size() < EXPORT_BATCH) {
                    break;
                }
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        audit.recordSeparately(null, "AUDIT_EXPORTED", "AuditEntry", null, AuditEntry.Outcome.DONE,
                rows + " rows; filter " + filter);
        return rows;
    }

    /** Seals what is queued, then walks the whole chain; the verification goes into the log. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public AuditChain.Verification verify() {
        sealer.sealAll();
        AuditChain.Verification result = chain.verify();
        audit.recordSeparately(null, "AUDIT_VERIFIED", "AuditEntry", result.firstBrokenEntryId(),
                result.valid() ? AuditEntry.Outcome.DONE : AuditEntry.Outcome.FAILED,
                result.valid() ? result.checkedRows() + " rows, chain intact"
                        : "broken at link " + result.firstBrokenRow() + ": " + result.reason());
        return result;
    }

    private ZoneId zone() {
        return districtTime.timeZone();
    }

    private static void check(AuditFilter f) {
        if (f != null && f.from() != null && f.to() != null && f.to().isBefore(f.from())) {
            throw new InvalidInputException(Map.of("to", "The last day cannot be before the first day"));
        }
        if (f != null && (f.objectId() != null && !f.objectId().isBlank()) && (f.objectType() == null || f.objectType().isBlank())) {
            throw new InvalidInputException(Map.of("objectType", "Name the kind of object the id belongs to"));
        }
    }
}
