package org.district.socialmedia.students.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.Size;

import java.io.Serializable;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A parent, guardian or relative of one or more students: the person who signs or revokes a consent
 * form. Imported (sourcedId set) or entered by hand; deactivated, never deleted, because signed
 * forms name the signer.
 */
@Entity
@Table(name = "guardian")
@NamedQuery(name = Guardian.BY_SOURCED_ID, query = "SELECT g FROM Guardian g WHERE g.sourcedId IN :sourcedIds")
@NamedQuery(name = Guardian.IMPORTED, query = "SELECT g FROM Guardian g WHERE g.sourcedId IS NOT NULL")
public class Guardian implements Serializable {

    public static final String BY_SOURCED_ID = "Guardian.bySourcedId";
    public static final String IMPORTED = "Guardian.imported";
    public static final int SOURCED_ID_MAX = Student.SOURCED_ID_MAX;
    public static final int NAME_MAX = Student.NAME_MAX;
    public static final int EMAIL_MAX = 254;
    public static final int PHONE_MAX = 40;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "guardian_seq")
    @SequenceGenerator(name = "guardian_seq", sequenceName = "guardian_seq", allocationSize = 50)
    private Long id;

    @Size(max = SOURCED_ID_MAX)
    @Column(name = "sourced_id", length = SOURCED_ID_MAX, unique = true, updatable = false)
    private String sourcedId;

    @Size(max = NAME_MAX)
    @Column(name = "given_name", length = NAME_MAX, nullable = false)
    private String givenName;

    @Size(max = NAME_MAX)
    @Column(name = "family_name", length = NAME_MAX, nullable = false)
    private String familyName;

    @Size(max = EMAIL_MAX)
    @Column(name = "email", length = EMAIL_MAX)
    private String email;

    @Size(max = PHONE_MAX)
    @Column(name = "phone", length = PHONE_MAX)
    private String phone;

    @Enumerated(EnumType.STRING)
    @Column(name = "relationship", length = 10, nullable = false)
    private GuardianRole relationship;

    @Column(name = "active", nullable = false)
    private boolean active = true;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "deactivated_at")
    private Instant deactivatedAt;

    @Version
    private long version;

    protected Guardian() {
    }

    /** @param sourcedId null for an adult entered by hand */
    public Guardian(String sourcedId, String givenName, String familyName, String email, String phone,
                    GuardianRole relationship, Instant now) {
        Map<String, String> errors = new LinkedHashMap<>();
        this.sourcedId = Names.optional(errors, "sourcedId", sourcedId, SOURCED_ID_MAX);
        apply(errors, givenName, familyName, email, phone, relationship);
        Names.throwIfAny(errors);
        this.createdAt = Objects.requireNonNull(now, "now");
    }

    /** @return whether anything changed (a reactivation counts) */
    public boolean update(String givenName, String familyName, String email, String phone, GuardianRole relationship) {
        Map<String, String> errors = new LinkedHashMap<>();
        new Guardian().apply(errors, givenName, familyName, email, phone, relationship);
        Names.throwIfAny(errors);
        String before = describe();
        boolean wasActive = active;
        apply(errors, givenName, familyName, email, phone, relationship);
        active = true;
        deactivatedAt = null;
        return !wasActive || !before.equals(describe());
    }

    private void apply(Map<String, String> errors, String givenName, String familyName, String email, String phone,
                       GuardianRole relationship) {
        this.givenName = Names.required(errors, "givenName", givenName, NAME_MAX, "Enter the given name");
        this.familyName = Names.required(errors, "familyName", familyName, NAME_MAX, "Enter the family name");
        String mail = Names.optional(errors, "email", email, EMAIL_MAX);
        // Only a sanity check: the SIS is the authority, and a slightly odd address is better than none.
        if (mail != null && !mail.matches("[^@\\s]+@[^@\\s]+")) {
            errors.put("email", "Enter a valid email address");
        }
        this.email = mail == null ? null : mail.toLowerCase(Locale.ROOT);
        this.phone = Names.optional(errors, "phone", phone, PHONE_MAX);
        if (relationship == null) {
            errors.put("relationship", "Choose parent, guardian or relative");
        }
        this.relationship = relationship;
    }

    private String describe() {
        return givenName + '\u0000' + familyName + '\u0000' + email + '\u0000' + phone + '\u0000' + relationship;
    }

    /** Brings back a record an import deactivated (the undo of that import); false if it is active. */
    public boolean reactivate() {
        if (active) {
            return false;
        }
        active = true;
        deactivatedAt = null;
        return true;
    }

    public boolean deactivate(Instant now) {
        if (!active) {
            return false;
        }
        active = false;
        deactivatedAt = now;
        return true;
    }

    public String displayName() {
        return givenName + " " + familyName;
    }

    public Long getId() {
        return id;
    }

    public String getSourcedId() {
        return sourcedId;
    }

    public String getGivenName() {
        return givenName;
    }

    public String getFamilyName() {
        return familyName;
    }

    public String getEmail() {
        return email;
    }

    public String getPhone() {
        return phone;
    }

    public GuardianRole getRelationship() {
        return relationship;
    }

    public boolean isActive() {
        return active;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getDeactivatedAt() {
        return deactivatedAt;
    }

    public long getVersion() {
        return version;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Guardian other && id != null && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }

    @Override
    public String toString() {
        return displayName() + " (" + relationship + ")";
    }
}
