package org.district.socialmedia.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * One line of the append-only audit log: who did what to which object, when, from where, with what
 * outcome, and for changes the before/after of the changed fields. Immutable once written: there
 * is no setter, and the application never updates or deletes rows.
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry implements java.io.Serializable {

    public static final int ACTOR_MAX = 64;
    public static final int ROLES_MAX = 200;
    public static final int IP_MAX = 45;
    public static final int ACTION_MAX = 60;
    public static final int OBJECT_TYPE_MAX = 60;
    public static final int OBJECT_ID_MAX = 64;
    public static final int DETAILS_MAX = 4000;

    public enum Outcome { DONE, DENIED, FAILED }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_entry_seq")
    @SequenceGenerator(name = "audit_entry_seq", sequenceName = "audit_entry_seq", allocationSize = 50)
    private Long id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(name = "actor", length = ACTOR_MAX, updatable = false)
    private String actor;

    @Column(name = "actor_roles", length = ROLES_MAX, updatable = false)
    private String actorRoles;

    @Column(name = "ip_address", length = IP_MAX, updatable = false)
    private String ipAddress;

    @Column(name = "action", length = ACTION_MAX, nullable = false, updatable = false)
    private String action;

    @Column(name = "object_type", length = OBJECT_TYPE_MAX, updatable = false)
    private String objectType;

    @Column(name = "object_id", length = OBJECT_ID_MAX, updatable = false)
    private String objectId;

    @Enumerated(EnumType.STRING)
    @Column(name = "outcome", length = 10, nullable = false, updatable = false)
    private Outcome outcome;

    @Column(name = "details", length = DETAILS_MAX, updatable = false)
    private String details;

    protected AuditEntry() {
    }

    public AuditEntry(Instant occurredAt, String actor, String actorRoles, String ipAddress, String action,
                      String objectType, String objectId, Outcome outcome, String details) {
        // what the databases keep (they round finer digits): the row in memory and the row read back hash alike
        this.occurredAt = occurredAt == null ? null : occurredAt.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        this.actor = truncate(actor, ACTOR_MAX);
        this.actorRoles = truncate(actorRoles, ROLES_MAX);
        this.ipAddress = truncate(ipAddress, IP_MAX);
        this.action = truncate(action, ACTION_MAX);
        this.objectType = truncate(objectType, OBJECT_TYPE_MAX);
        this.objectId = truncate(objectId, OBJECT_ID_MAX);
        this.outcome = outcome;
        this.details = truncate(details, DETAILS_MAX);
    }

    private static String truncate(String value, int max) {
        if (value == null || value.length() <= max) {
            return value;
        }
        return value.substring(0, max - 1) + "…";
    }

    public Long getId() {
        return id;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getActor() {
        return actor;
    }

    public String getActorRoles() {
        return actorRoles;
    }

    public String getIpAddress() {
        return ipAddress;
    }

    public String getAction() {
        return action;
    }

    public String getObjectType() {
        return objectType;
    }

    public String getObjectId() {
        return objectId;
    }

    public Outcome getOutcome() {
        return outcome;
    }

    public String getDetails() {
        return details;
    }
}
