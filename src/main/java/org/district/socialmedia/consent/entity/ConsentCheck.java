package org.district.socialmedia.consent.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A record of one consent check: who asked about which students, for which account and items, and
 * what each answer was. FERPA (34 C.F.R. 99.32) wants a record of who looked at students' records;
 * this is it for consent, and it shows later that a post was checked. Never changed after creation.
 */
@Entity
@Table(name = "consent_check")
@NamedQuery(name = ConsentCheck.FOR_STUDENT, query = "SELECT DISTINCT c FROM ConsentCheck c JOIN c.results r"
        + " WHERE r.studentId = :studentId ORDER BY c.checkedAt DESC")
public class ConsentCheck implements Serializable {

    /** The disclosure record of one student, newest first. */
    public static final String FOR_STUDENT = "ConsentCheck.forStudent";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "consent_check_seq")
    @SequenceGenerator(name = "consent_check_seq", sequenceName = "consent_check_seq", allocationSize = 50)
    private Long id;

    @Column(name = "checked_at", nullable = false, updatable = false)
    private Instant checkedAt;

    @Column(name = "checked_by", length = 64, nullable = false, updatable = false)
    private String checkedBy;

    @Column(name = "account_id", nullable = false, updatable = false)
    private long accountId;

    @Column(name = "platform_id", nullable = false, updatable = false)
    private long platformId;

    @Column(name = "post_date", nullable = false, updatable = false)
    private LocalDate postDate;

    @Embedded
    private ConsentScope items;

    /** Run while recording a post: the recorded post (component posts), not this check, is what a revocation takes down. */
    @Column(name = "for_post", nullable = false, updatable = false)
    private boolean forPost;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "consent_check_result", joinColumns = @JoinColumn(name = "check_id"))
    private List<ConsentCheckResult> results = new ArrayList<>();

    @Version
    private long version;

    protected ConsentCheck() {
    }

    /** Records the answers {@link ConsentRules#check} gave for the post. */
    public ConsentCheck(ConsentRules.Post post, Map<Long, ConsentRules.Answer> answers, String checkedBy, Instant now) {
        this(post, answers, checkedBy, now, false);
    }

    /** @param forPost run as part of recording a post */
    public ConsentCheck(ConsentRules.Post post, Map<Long, ConsentRules.Answer> answers, String checkedBy, Instant now, boolean forPost) {
        this.forPost = forPost;
        Objects.requireNonNull(post, "post");
        if (checkedBy == null || checkedBy.isBlank()) {
            throw new IllegalArgumentException("Who checks must be known");
        }
        this.checkedAt = Objects.requireNonNull(now, "now");
        this.checkedBy = checkedBy.strip();
        this.accountId = post.accountId();
        this.platformId = post.platformId();
        this.postDate = post.day();
        this.items = ConsentScope.of(post.items());
        answers.forEach((student, answer) ->
                results.add(new ConsentCheckResult(student, answer.allowed(), answer.reason())));
    }

    public boolean isForPost() {
        return forPost;
    }

    public boolean allAllowed() {
        return results.stream().allMatch(ConsentCheckResult::isAllowed);
    }

    public Long getId() {
        return id;
    }

    public Instant getCheckedAt() {
        return checkedAt;
    }

    public String getCheckedBy() {
        return checkedBy;
    }

    public long getAccountId() {
        return accountId;
    }

    public long getPlatformId() {
        return platformId;
    }

    public LocalDate getPostDate() {
        return postDate;
    }

    public Set<ConsentItem> getItems() {
        return items.items();
    }

    public List<ConsentCheckResult> getResults() {
        return Collections.unmodifiableList(results);
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof ConsentCheck other && id != null && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
