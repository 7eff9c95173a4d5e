package org.district.socialmedia.consent.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.io.Serializable;

/** One student's answer in a {@link ConsentCheck}: a row of consent_check_result. */
@Embeddable
public class ConsentCheckResult implements Serializable {

    @Column(name = "student_id", nullable = false)
    private long studentId;

    @Column(name = "allowed", nullable = false)
    private boolean allowed;

    @Enumerated(EnumType.STRING)
    @Column(name = "reason", length = 20)
    private ConsentReason reason;

    protected ConsentCheckResult() {
    }

    public ConsentCheckResult(long studentId, boolean allowed, ConsentReason reason) {
        if (allowed == (reason != null)) {
            throw new IllegalArgumentException("A refusal has a reason, an allowance has none");
        }
        this.studentId = studentId;
        this.allowed = allowed;
        this.reason = reason;
    }

    public long getStudentId() {
        return studentId;
    }

    public boolean isAllowed() {
        return allowed;
    }

    public ConsentReason getReason() {
        return reason;
    }
}
