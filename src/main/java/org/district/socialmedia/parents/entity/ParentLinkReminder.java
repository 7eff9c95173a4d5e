package org.district.socialmedia.parents.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** Reminder {@code number} of a link, sent: the primary key makes each reminder once, whatever server sends it. */
@Entity
@Table(name = "parent_link_reminder")
@IdClass(ParentLinkReminder.Key.class)
public class ParentLinkReminder implements Serializable {

    public static class Key implements Serializable {
        private Long linkId;
        private Integer number;

        public Key() {
        }

        public Key(Long linkId, Integer number) {
            this.linkId = linkId;
            this.number = number;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(linkId, k.linkId) && Objects.equals(number, k.number);
        }

        @Override
        public int hashCode() {
            return Objects.hash(linkId, number);
        }
    }

    @Id
    @Column(name = "link_id")
    private Long linkId;

    @Id
    @Column(name = "reminder_no")
    private Integer number;

    @Column(name = "sent_at", nullable = false, updatable = false)
    private Instant sentAt;

    protected ParentLinkReminder() {
    }

    public ParentLinkReminder(Long linkId, int number, Instant sentAt) {
        this.linkId = Objects.requireNonNull(linkId, "linkId");
        this.number = number;
        this.sentAt = Objects.requireNonNull(sentAt, "sentAt");
    }

    public Long getLinkId() { return linkId; }
    public Integer getNumber() { return number; }
    public Instant getSentAt() { return sentAt; }
}
