package org.district.socialmedia.requests.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.district.socialmedia.people.entity.StaffUser;
import org.district.socialmedia.platform.entity.InvalidInputException;
import org.district.socialmedia.platform.entity.Role;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Superintendent names a designee for a period; during it the designee reviews and answers
 * requests with the Superintendent's powers (policy: "the Superintendent (or a designee)").
 */
@Entity
@Table(name = "designation")
@NamedQuery(name = Designation.ACTIVE_FOR, query = "SELECT d FROM Designation d WHERE d.designee.username = :username"
        + " AND d.revokedAt IS NULL AND d.startsOn <= :day AND d.endsOn >= :day")
@NamedQuery(name = Designation.ALL, query = "SELECT d FROM Designation d ORDER BY d.startsOn DESC, d.id DESC")
public class Designation implements Serializable {

    public static final String ACTIVE_FOR = "Designation.activeFor";
    public static final String ALL = "Designation.all";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "designation_seq")
    @SequenceGenerator(name = "designation_seq", sequenceName = "designation_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "designee_id", nullable = false)
    private StaffUser designee;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "designated_by_id", nullable = false)
    private StaffUser designatedBy;

    @Column(name = "starts_on", nullable = false)
    private LocalDate startsOn;

    @Column(name = "ends_on", nullable = false)
    private LocalDate endsOn;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    // Granting administrative rights on District accounts is a power of its own: only when given.
    @Column(name = "may_grant_rights", nullable = false)
    private boolean mayGrantRights;

    @Version
    private long version;

    protected Designation() {
    }

    /** Checks the rules; InvalidInputException names the field at fault. */
    public Designation(StaffUser designee, StaffUser designatedBy, LocalDate startsOn, LocalDate endsOn, Instant now) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (designee == null) {
            errors.put("designee", "Choose the staff member to designate");
        } else {
            if (!designee.isActive()) {
                errors.put("designee", designee.getFullName() + " is not an active staff member");
            } else if (!designee.hasRole(Role.REVIEWER)) {
                errors.put("designee", designee.getFullName() + " needs the Reviewer role first (ask a system administrator)");
            }
            if (designatedBy != null && designee.getUsername().equals(designatedBy.getUsername())) {
                errors.put("designee", "The Superintendent already has these powers");
            }
        }
        if (startsOn == null) {
            errors.put("startsOn", "Enter the first day of the designation");
        }
        if (endsOn == null) {
            errors.put("endsOn", "Enter the last day of the designation");
        }
        if (startsOn != null && endsOn != null && endsOn.isBefore(startsOn)) {
            errors.put("endsOn", "The last day cannot be before the first day");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        this.designee = designee;
        this.designatedBy = designatedBy;
        this.startsOn = startsOn;
        this.endsOn = endsOn;
        this.createdAt = now;
    }

    /** Lets (or no longer lets) the designee grant and revoke administrative rights on District accounts. */
    public void allowGrantingRights(boolean allowed) {
        this.mayGrantRights = allowed;
    }

    public boolean isMayGrantRights() {
        return mayGrantRights;
    }

    public boolean isActiveOn(LocalDate day) {
        return revokedAt == null && !day.isBefore(startsOn) && !day.isAfter(endsOn);
    }

    public void revoke(Instant now) {
        if (revokedAt != null) {
            throw new IllegalStateException("This designation has already ended");
        }
        revokedAt = now;
    }

    public Long getId() {
        return id;
    }

    public StaffUser getDesignee() {
        return designee;
    }

    public StaffUser getDesignatedBy() {
        return designatedBy;
    }

    public LocalDate getStartsOn() {
        return startsOn;
    }

    public LocalDate getEndsOn() {
        return endsOn;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }
}
