package org.district.socialmedia.people.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.district.socialmedia.platform.entity.Role;
import org.district.socialmedia.platform.entity.Usernames;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;

import java.io.Serializable;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A member of the District's staff with a login. Guards its own rules: a username is fixed once
 * created, a deactivated user keeps its history but cannot sign in, nobody supervises themselves.
 */
@Entity
@Table(name = "staff_user")
@NamedQuery(name = StaffUser.BY_USERNAME, query = "SELECT s FROM StaffUser s WHERE s.username = :username")
@NamedQuery(name = StaffUser.BY_EMAIL, query = "SELECT s FROM StaffUser s WHERE LOWER(s.email) = :email")
// Columns, not the entity, for what every request asks: without weaving, loading a StaffUser loads its
// school and its chain of supervisors, each with its school, several statements for one answer.
@NamedQuery(name = StaffUser.ROLES_IF_ACTIVE,
        query = "SELECT r FROM StaffUser s LEFT JOIN s.roles r WHERE s.username = :username AND s.active = TRUE")
@NamedQuery(name = StaffUser.NAME_IF_ACTIVE,
        query = "SELECT s.fullName FROM StaffUser s WHERE s.username = :username AND s.active = TRUE")
public class StaffUser implements Serializable {

    public static final String BY_USERNAME = "StaffUser.byUsername";
    public static final String BY_EMAIL = "StaffUser.byEmail";
    /** The roles of an active user (one null row when it has none); no row when gone or deactivated. */
    public static final String ROLES_IF_ACTIVE = "StaffUser.rolesIfActive";
    /** The full name of an active user; no row when gone or deactivated. */
    public static final String NAME_IF_ACTIVE = "StaffUser.nameIfActive";
    public static final int USERNAME_MAX = 64;
    public static final int NAME_MAX = 200;
    /** The longest roster sourcedId the column takes (a longer one is refused on its row by the import). */
    public static final int ROSTER_SOURCED_ID_MAX = 255;
    public static final int EMAIL_MAX = 254;
    public static final int PASSWORD_HASH_MAX = 200;
    public static final String USERNAME_PATTERN = Usernames.PATTERN;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "staff_user_seq")
    @SequenceGenerator(name = "staff_user_seq", sequenceName = "staff_user_seq", allocationSize = 50)
    private Long id;

    @NotBlank(message = "Enter a username")
    @Size(max = USERNAME_MAX)
    @Pattern(regexp = USERNAME_PATTERN,
            message = "A username is 2 to 64 lowercase letters, digits, '.', '_' or '-', starting with a letter or digit")
    @Column(name = "username", length = USERNAME_MAX, nullable = false, unique = true, updatable = false)
    private String username;

    @NotBlank(message = "Enter the staff member's full name")
    @Size(max = NAME_MAX, message = "A name has at most " + NAME_MAX + " characters")
    @Column(name = "full_name", length = NAME_MAX, nullable = false)
    private String fullName;

    @NotBlank(message = "Enter the staff member's District email address")
    @Email(message = "Enter a valid email address")
    @Size(max = EMAIL_MAX, message = "An email address has at most " + EMAIL_MAX + " characters")
    @Column(name = "email", length = EMAIL_MAX, nullable = false, unique = true)
    private String email;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "unit_id")
    @BatchFetch(BatchFetchType.IN)
    private OrgUnit unit;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "supervisor_id")
    @BatchFetch(BatchFetchType.IN)
    private StaffUser supervisor;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "staff_user_role", joinColumns = @JoinColumn(name = "staff_user_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "role", length = 30, nullable = false)
    @BatchFetch(BatchFetchType.IN)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    @Column(name = "password_hash", length = PASSWORD_HASH_MAX)
    private String passwordHash;

    @Column(name = "active", nullable = false)
    private boolean active = true;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "deactivated_at")
    private Instant deactivatedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "origin", length = 10, nullable = false)
    private StaffOrigin origin = StaffOrigin.HAND;

    /** The OneRoster sourcedId of the roster row that created or matched this user. */
    @Column(name = "roster_sourced_id", length = ROSTER_SOURCED_ID_MAX, unique = true)
    private String rosterSourcedId;

    @Version
    private long version;

    protected StaffUser() {
    }

    public StaffUser(String username, String fullName, String email, Instant createdAt) {
        this.username = normalizeUsername(username);
        this.fullName = fullName == null ? null : fullName.strip();
        this.email = normalizeEmail(email);
        this.createdAt = createdAt;
    }

    public static String normalizeUsername(String username) {
        return username == null ? null : username.strip().toLowerCase(Locale.ROOT);
    }

    public static String normalizeEmail(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    /** A user created by a roster import. */
    public static StaffUser fromRoster(String sourcedId, String username, String fullName, String email, Instant createdAt) {
        StaffUser user = new StaffUser(username, fullName, email, createdAt);
        user.origin = StaffOrigin.ROSTER;
        user.rosterSourcedId = Objects.requireNonNull(sourcedId, "sourcedId");
        return user;
    }

    /** A roster row matched this user (by email or sourcedId); its origin stays. */
    public void linkRoster(String sourcedId) {
        this.rosterSourcedId = sourcedId;
    }

    /** Signed in by single sign-on: a roster import no longer deactivates this user. */
    public void signedInBySingleSignOn() {
        if (origin == StaffOrigin.ROSTER) {
            origin = StaffOrigin.SSO;
        }
    }

    /** Adds roles, keeping those the user has. */
    public void addRoles(Set<Role> more) {
        roles.addAll(more);
    }

    public StaffOrigin getOrigin() {
        return origin;
    }

    public String getRosterSourcedId() {
        return rosterSourcedId;
    }

    public void rename(String newFullName) {
        this.fullName = newFullName == null ? null : newFullName.strip();
    }

    public void changeEmail(String newEmail) {
        this.email = normalizeEmail(newEmail);
    }

    public void assignUnit(OrgUnit newUnit) {
        this.unit = newUnit;
    }

    public void assignSupervisor(StaffUser newSupervisor) {
        if (newSupervisor != null && newSupervisor.id != null && newSupervisor.id.equals(id)) {
            throw new IllegalArgumentException("A staff member cannot be their own supervisor");
        }
        this.supervisor = newSupervisor;
    }

    public void grantRoles(Set<Role> newRoles) {
        this.roles.clear();
        if (newRoles != null) {
            this.roles.addAll(newRoles);
        }
    }

    public void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public void deactivate(Instant at) {
        if (!active) {
            throw new IllegalStateException(username + " is already deactivated");
        }
        active = false;
        deactivatedAt = at;
    }

    public void reactivate() {
        if (active) {
            throw new IllegalStateException(username + " is already active");
        }
        active = true;
        deactivatedAt = null;
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getFullName() {
        return fullName;
    }

    public String getEmail() {
        return email;
    }

    public OrgUnit getUnit() {
        return unit;
    }

    public StaffUser getSupervisor() {
        return supervisor;
    }

    public Set<Role> getRoles() {
        return Collections.unmodifiableSet(roles);
    }

    public String getPasswordHash() {
        return passwordHash;
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
        return o instanceof StaffUser other && id != null && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }

    @Override
    public String toString() {
        return fullName + " (" + username + ")";
    }
}
