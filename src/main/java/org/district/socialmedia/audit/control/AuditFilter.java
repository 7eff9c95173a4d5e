package org.district.socialmedia.audit.control;

import org.district.socialmedia.audit.entity.AuditEntry;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * What the auditor's search asks: the person (username), the action, the object (type, and id within
 * it), District days from and to (both included), the outcome. Null means any.
 */
public record AuditFilter(String actor, String action, String objectType, String objectId, LocalDate from, LocalDate to,
                          AuditEntry.Outcome outcome) implements Serializable {

    public static final AuditFilter ALL = new AuditFilter(null, null, null, null, null, null, null);
}
