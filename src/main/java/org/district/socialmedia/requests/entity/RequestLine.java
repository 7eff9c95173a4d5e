package org.district.socialmedia.requests.entity;

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
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Size;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;

import java.io.Serializable;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One platform of a request: what the employee wants to do there, and the reviewer's answer for it.
 * Changed only through its request, which knows when editing or deciding is allowed.
 */
@Entity
@Table(name = "sm_request_line")
public class RequestLine implements Serializable {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sm_request_line_seq")
    @SequenceGenerator(name = "sm_request_line_seq", sequenceName = "sm_request_line_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "request_id", nullable = false, updatable = false)
    private SocialMediaRequest request;

    /** 0-based place in the request; error keys such as "lines[2].objectives" use it. */
    @Column(name = "position", nullable = false)
    private int position;

    @ManyToOne(optional = false)
    @JoinColumn(name = "platform_id", nullable = false)
    @BatchFetch(BatchFetchType.IN)
    private Platform platform;

    @Size(max = SocialMediaRequest.OTHER_PLATFORM_MAX)
    @Column(name = "other_platform_name", length = SocialMediaRequest.OTHER_PLATFORM_MAX)
    private String otherPlatformName;

    // Nullable: a draft may be saved before the objectives are written; submission requires them.
    @Size(max = SocialMediaRequest.OBJECTIVES_MAX)
    @Column(name = "objectives", length = SocialMediaRequest.OBJECTIVES_MAX)
    private String objectives;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "sm_request_line_audience", joinColumns = @JoinColumn(name = "line_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "audience", length = 20, nullable = false)
    @BatchFetch(BatchFetchType.IN)
    private Set<Audience> audiences = EnumSet.noneOf(Audience.class);

    @Column(name = "communicates_with_students", nullable = false)
    private boolean communicatesWithStudents;

    // The District account registry is a separate feature: only its id is kept, no foreign key yet.
    @Column(name = "existing_account_id")
    private Long existingAccountId;

    @Size(max = SocialMediaRequest.ACCOUNT_NAME_MAX)
    @Column(name = "new_account_name", length = SocialMediaRequest.ACCOUNT_NAME_MAX)
    private String newAccountName;

    @Size(max = SocialMediaRequest.EMAIL_MAX)
    @Column(name = "district_email", length = SocialMediaRequest.EMAIL_MAX)
    private String districtEmail;

    @Enumerated(EnumType.STRING)
    @Column(name = "outcome", length = 10)
    private LineOutcome outcome;

    @Size(max = SocialMediaRequest.LIMITS_MAX)
    @Column(name = "limits", length = SocialMediaRequest.LIMITS_MAX)
    private String limits;

    @Size(max = SocialMediaRequest.EXPLANATION_MAX)
    @Column(name = "explanation", length = SocialMediaRequest.EXPLANATION_MAX)
    private String explanation;

    protected RequestLine() {
    }

    RequestLine(SocialMediaRequest request, int position, LineDraft draft) {
        this.request = request;
        this.position = position;
        apply(draft);
    }

    final void apply(LineDraft draft) {
        this.platform = draft.platform();
        // A name typed for "Other" must not linger after the employee switched to a named platform.
        this.otherPlatformName = platform != null && platform.isOtherNameRequired() ? draft.otherPlatformName() : null;
        this.objectives = draft.objectives();
        this.audiences.clear();
        this.audiences.addAll(draft.audiences());
        this.communicatesWithStudents = draft.communicatesWithStudents();
        this.existingAccountId = draft.existingAccountId();
        this.newAccountName = draft.newAccountName();
        this.districtEmail = draft.districtEmail();
    }

    void record(LineDecision decision) {
        this.outcome = decision.outcome();
        this.limits = decision.limits();
        this.explanation = decision.explanation();
    }

    /** The line as the employee entered it: to prefill an edit form, or to check it again. */
    public LineDraft toDraft() {
        return new LineDraft(platform, otherPlatformName, objectives, audiences, communicatesWithStudents,
                existingAccountId, newAccountName, districtEmail);
    }

    /** How people call the platform: for "Other", the name the employee typed. */
    public String platformLabel() {
        if (platform == null) {
            return otherPlatformName;
        }
        return platform.isOtherNameRequired() && otherPlatformName != null ? otherPlatformName : platform.getName();
    }

    /** The account the line is about, for lists and authorizations. */
    public String accountLabel() {
        return newAccountName != null ? newAccountName
                : existingAccountId != null ? "account #" + existingAccountId
                : null;
    }

    public Long getId() {
        return id;
    }

    public SocialMediaRequest getRequest() {
        return request;
    }

    public int getPosition() {
        return position;
    }

    public Platform getPlatform() {
        return platform;
    }

    public String getOtherPlatformName() {
        return otherPlatformName;
    }

    public String getObjectives() {
        return objectives;
    }

    public Set<Audience> getAudiences() {
        return Collections.unmodifiableSet(audiences);
    }

    public boolean isCommunicatesWithStudents() {
        return communicatesWithStudents;
    }

    public Long getExistingAccountId() {
        return existingAccountId;
    }

    public String getNewAccountName() {
        return newAccountName;
    }

    public String getDistrictEmail() {
        return districtEmail;
    }

    public LineOutcome getOutcome() {
        return outcome;
    }

    public String getLimits() {
        return limits;
    }

    public String getExplanation() {
        return explanation;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof RequestLine other && id != null && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }

    @Override
    public String toString() {
        return "line " + position + " (" + platformLabel() + ")";
    }
}
