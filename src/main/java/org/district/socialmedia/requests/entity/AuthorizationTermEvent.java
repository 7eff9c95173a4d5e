package org.district.socialmedia.requests.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A stage of an authorization's term that happened (renewal reminder, end): at most one per
 * (authorization, last day, stage), which the database's unique key guarantees whatever the timers do.
 */
@Entity
@Table(name = "authorization_term_event", uniqueConstraints = @UniqueConstraint(columnNames = {"authorization_id", "ends_on", "stage"}))
public class AuthorizationTermEvent implements Serializable {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "authorization_term_event_seq")
    @SequenceGenerator(name = "authorization_term_event_seq", sequenceName = "authorization_term_event_seq", allocationSize = 50)
    private Long id;

    @Column(name = "authorization_id", nullable = false, updatable = false)
    private Long authorizationId;

    @Enumerated(EnumType.STRING)
    @Column(name = "stage", length = 20, nullable = false, updatable = false)
    private Authorization.TermStage stage;

    @Column(name = "ends_on", nullable = false, updatable = false)
    private LocalDate endsOn;

    @Column(name = "fired_at", nullable = false, updatable = false)
    private Instant firedAt;

    protected AuthorizationTermEvent() {
    }

    public AuthorizationTermEvent(Authorization authorization, Authorization.TermStage stage, Instant firedAt) {
        this.authorizationId = authorization.getId();
        this.stage = stage;
        this.endsOn = authorization.getEndsOn();
        this.firedAt = firedAt;
    }

    public Long getId() {
        return id;
    }

    public Long getAuthorizationId() {
        return authorizationId;
    }

    public Authorization.TermStage getStage() {
        return stage;
    }

    public LocalDate getEndsOn() {
        return endsOn;
    }

    public Instant getFiredAt() {
        return firedAt;
    }
}
