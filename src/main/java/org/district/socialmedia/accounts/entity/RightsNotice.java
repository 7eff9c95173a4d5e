package org.district.socialmedia.accounts.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

import java.io.Serializable;
import java.time.Instant;

/**
 * A notice the rights timer sent (a grant's early notice or expiry, an access review's reminder,
 * opening or close): at most one per (subject, id, stage), which the database's unique key
 * guarantees whatever the timers do (restarts, retries, two servers).
 */
@Entity
@Table(name = "rights_notice", uniqueConstraints = @UniqueConstraint(columnNames = {"subject", "subject_id", "stage"}))
public class RightsNotice implements Serializable {

    public static final String GRANT = "GRANT";
    public static final String REVIEW = "REVIEW";
    /** An account's yearly checklist: the stage names its due date ("P30D 2027-09-01", "OVERDUE 2027-09-01"). */
    public static final String CHECKLIST = "CHECKLIST";
    public static final int RECIPIENTS_MAX = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "rights_notice_seq")
    @SequenceGenerator(name = "rights_notice_seq", sequenceName = "rights_notice_seq", allocationSize = 50)
    private Long id;

    @Column(name = "subject", length = 10, nullable = false, updatable = false)
    private String subject;

    @Column(name = "subject_id", nullable = false, updatable = false)
    private Long subjectId;

    @Column(name = "stage", length = 40, nullable = false, updatable = false)
    private String stage;

    @Column(name = "fired_at", nullable = false, updatable = false)
    private Instant firedAt;

    @Column(name = "recipients", length = RECIPIENTS_MAX, updatable = false)
    private String recipients;

    protected RightsNotice() {
    }

    public RightsNotice(String subject, Long subjectId, String stage, Instant firedAt, String recipients) {
        this.subject = subject;
        this.subjectId = subjectId;
        this.stage = stage;
        this.firedAt = firedAt;
        this.recipients = recipients == null || recipients.length() <= RECIPIENTS_MAX ? recipients
                : recipients.substring(0, RECIPIENTS_MAX - 1);
    }

    public Long getId() { return id; }
    public String getSubject() { return subject; }
    public Long getSubjectId() { return subjectId; }
    public String getStage() { return stage; }
    public Instant getFiredAt() { return firedAt; }
    public String getRecipients() { return recipients; }
}
