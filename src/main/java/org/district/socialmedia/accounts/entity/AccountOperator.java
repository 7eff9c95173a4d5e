package org.district.socialmedia.accounts.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.district.socialmedia.people.entity.StaffUser;
import org.district.socialmedia.requests.entity.Authorization;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * An employee who operates a District account, by virtue of an authorization from a request
 * decision. The link itself never changes: whether the employee may still operate the account is
 * whether the authorization is still active (revoked, or ended when the employee left).
 */
@Entity
@Table(name = "account_operator")
public class AccountOperator implements Serializable {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "account_operator_seq")
    @SequenceGenerator(name = "account_operator_seq", sequenceName = "account_operator_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id", nullable = false, updatable = false)
    @BatchFetch(BatchFetchType.IN)
    private DistrictAccount account;

    /* The same foreign key, read-only, for queries: "o.account.id" makes EclipseLink join the account. */
    @Column(name = "account_id", insertable = false, updatable = false)
    private Long accountId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "authorization_id", nullable = false, updatable = false)
    @BatchFetch(BatchFetchType.IN)
    private Authorization authorization;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "employee_id", nullable = false, updatable = false)
    @BatchFetch(BatchFetchType.IN)
    private StaffUser employee;

    @Column(name = "added_at", nullable = false, updatable = false)
    private Instant addedAt;

    @Column(name = "added_by", length = StaffUser.USERNAME_MAX, nullable = false, updatable = false)
    private String addedBy;

    protected AccountOperator() {
    }

    AccountOperator(DistrictAccount account, Authorization authorization, String addedBy, Instant now) {
        this.account = account;
        this.authorization = authorization;
        this.employee = authorization.getEmployee();
        this.addedBy = StaffUser.normalizeUsername(Objects.requireNonNull(addedBy));
        this.addedAt = Objects.requireNonNull(now);
    }

    public Long getId() { return id; }
    public DistrictAccount getAccount() { return account; }
    public Authorization getAuthorization() { return authorization; }
    public StaffUser getEmployee() { return employee; }
    public Instant getAddedAt() { return addedAt; }
    public String getAddedBy() { return addedBy; }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof AccountOperator other && id != null && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
