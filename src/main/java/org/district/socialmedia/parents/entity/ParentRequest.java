package org.district.socialmedia.parents.entity;

import jakarta.persistence.Column;
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
import jakarta.persistence.Version;
import org.district.socialmedia.people.entity.OrgUnit;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A consent clerk's request to the parents of a student, a class or a school; its links are {@link ParentLink}s. */
@Entity
@Table(name = "parent_request")
public class ParentRequest implements Serializable {

    public static final int TARGET_MAX = 255;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "parent_request_seq")
    @SequenceGenerator(name = "parent_request_seq", sequenceName = "parent_request_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "school_id", nullable = false, updatable = false)
    private OrgUnit school;

    @Enumerated(EnumType.STRING)
    @Column(name = "target_kind", length = 10, nullable = false, updatable = false)
    private TargetKind targetKind;

    /** What the clerk chose, as people read it: a student's District id, a class's title, the school's name. */
    @Column(name = "target", length = TARGET_MAX, nullable = false, updatable = false)
    private String target;

    @Column(name = "created_by", length = 64, nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected ParentRequest() {
    }

    public ParentRequest(OrgUnit school, TargetKind targetKind, String target, String createdBy, Instant now) {
        this.school = Objects.requireNonNull(school, "school");
        this.targetKind = Objects.requireNonNull(targetKind, "targetKind");
        String t = Objects.requireNonNull(target, "target");
        this.target = t.length() <= TARGET_MAX ? t : t.substring(0, TARGET_MAX);
        this.createdBy = Objects.requireNonNull(createdBy, "createdBy");
        this.createdAt = Objects.requireNonNull(now, "now");
    }

    public Long getId() { return id; }
    public OrgUnit getSchool() { return school; }
    public TargetKind getTargetKind() { return targetKind; }
    public String getTarget() { return target; }
    public String getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof ParentRequest other && id != null && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
