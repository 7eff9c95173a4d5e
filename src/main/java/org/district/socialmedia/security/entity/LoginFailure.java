package org.district.socialmedia.security.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.district.socialmedia.people.entity.StaffUser;

import java.time.Instant;

/** One failed sign-in of a username (which may not exist): what the temporary lock counts. */
@Entity
@Table(name = "login_failure")
public class LoginFailure {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "login_failure_seq")
    @SequenceGenerator(name = "login_failure_seq", sequenceName = "login_failure_seq", allocationSize = 50)
    private Long id;

    @Column(name = "username", length = StaffUser.USERNAME_MAX, nullable = false, updatable = false)
    private String username;

    @Column(name = "failed_at", nullable = false, updatable = false)
    private Instant failedAt;

    protected LoginFailure() {
    }

    public LoginFailure(String username, Instant failedAt) {
        this.username = username;
        this.failedAt = failedAt;
    }

    public Instant getFailedAt() {
        return failedAt;
    }
}
