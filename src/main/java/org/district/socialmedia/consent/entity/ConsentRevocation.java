package org.district.socialmedia.consent.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * A parent's withdrawal of some or all items of a form, from the day they revoked. A form may be
 * revoked in steps (photographs now, everything later), so each step is its own record and the
 * history stays. Created only by {@link ConsentForm#revoke}.
 */
@Entity
@Table(name = "consent_revocation")
public class ConsentRevocation implements Serializable {

    public static final int RECEIVED_BY_MAX = 200;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "consent_revocation_seq")
    @SequenceGenerator(name = "consent_revocation_seq", sequenceName = "consent_revocation_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "form_id", nullable = false, updatable = false)
    private ConsentForm form;

    @Column(name = "revoked_on", nullable = false, updatable = false)
    private LocalDate revokedOn;

    // Free text: the school secretary who took the parent's call may have no login.
    @Column(name = "received_by", length = RECEIVED_BY_MAX, nullable = false, updatable = false)
    private String receivedBy;

    @Embedded
    private ConsentScope scope;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    @Column(name = "recorded_by", length = 64, nullable = false, updatable = false)
    private String recordedBy;

    @Version
    private long version;

    protected ConsentRevocation() {
    }

    ConsentRevocation(ConsentForm form, LocalDate revokedOn, String receivedBy, Set<ConsentItem> items,
                      String recordedBy, Instant recordedAt) {
        this.form = form;
        this.revokedOn = revokedOn;
        this.receivedBy = receivedBy;
        this.scope = ConsentScope.of(items);
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    /** Whether this revocation has taken effect on {@code day}: from the day the parent revoked. */
    public boolean inEffectOn(LocalDate day) {
        return !day.isBefore(revokedOn);
    }

    public Set<ConsentItem> items() {
        return scope.items();
    }

    public Long getId() {
        return id;
    }

    public ConsentForm getForm() {
        return form;
    }

    public LocalDate getRevokedOn() {
        return revokedOn;
    }

    public String getReceivedBy() {
        return receivedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof ConsentRevocation other && id != null && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
