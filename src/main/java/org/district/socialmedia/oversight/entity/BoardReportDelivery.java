package org.district.socialmedia.oversight.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.time.YearMonth;

/** The record that a month's Board report was queued for mailing; its key makes that happen once per month. */
@Entity
@Table(name = "board_report_delivery")
public class BoardReportDelivery implements Serializable {

    public static final int RECIPIENTS_MAX = 2000;

    @Id
    @Column(name = "report_month", length = 7)
    private String reportMonth;

    @Column(name = "queued_at", nullable = false, updatable = false)
    private Instant queuedAt;

    @Column(name = "recipients", length = RECIPIENTS_MAX, nullable = false, updatable = false)
    private String recipients;

    protected BoardReportDelivery() {
    }

    public BoardReportDelivery(YearMonth month, Instant queuedAt, String recipients) {
        this.reportMonth = month.toString();
        this.queuedAt = queuedAt;
        this.recipients = recipients.length() <= RECIPIENTS_MAX ? recipients : recipients.substring(0, RECIPIENTS_MAX);
    }

    public String getReportMonth() { return reportMonth; }
    public Instant getQueuedAt() { return queuedAt; }
    public String getRecipients() { return recipients; }
}
