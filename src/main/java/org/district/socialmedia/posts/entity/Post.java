package org.district.socialmedia.posts.entity;

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
import org.district.socialmedia.consent.entity.ConsentCheck;
import org.district.socialmedia.consent.entity.ConsentCheckResult;
import org.district.socialmedia.consent.entity.ConsentItem;
import org.district.socialmedia.consent.entity.ConsentScope;
import org.district.socialmedia.platform.entity.InvalidInputException;

import java.io.Serializable;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A post about students on a District account, recorded before it is published: the account, the
 * planned day, what it shows of the students and which students, and later where it is. It exists
 * only when the consent check run while recording allowed every one of its students; a revocation
 * then takes it down (a takedown task per post and student).
 */
@Entity
@Table(name = "recorded_post")
@NamedQuery(name = Post.SHOWING_STUDENT, query = "SELECT p FROM Post p JOIN p.studentIds s WHERE s = :studentId"
        + " AND NOT EXISTS (SELECT t.postId FROM PostTakedown t WHERE t.postId = p.id AND t.studentId = :studentId)"
        + " ORDER BY p.id")
public class Post implements Serializable {

    /** The posts showing student {@code studentId} (the internal id) that no takedown has yet covered for them. */
    public static final String SHOWING_STUDENT = "Post.showingStudent";
    public static final int URL_MAX = 2000;
    /** How far ahead a post may be planned: further is a typing mistake. */
    public static final int PLANNED_DAYS_MAX = 366;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "recorded_post_seq")
    @SequenceGenerator(name = "recorded_post_seq", sequenceName = "recorded_post_seq", allocationSize = 50)
    private Long id;

    @Column(name = "account_id", nullable = false, updatable = false)
    private long accountId;

    @Column(name = "platform_id", nullable = false, updatable = false)
    private long platformId;

    @Column(name = "planned_on", nullable = false, updatable = false)
    private LocalDate plannedOn;

    @Embedded
    private ConsentScope items;

    @Column(name = "check_id", nullable = false, updatable = false)
    private long checkId;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "recorded_post_student", joinColumns = @JoinColumn(name = "post_id"))
    @Column(name = "student_id", nullable = false)
    private Set<Long> studentIds = new LinkedHashSet<>();

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    @Column(name = "recorded_by", length = 64, nullable = false, updatable = false)
    private String recordedBy;

    @Column(name = "url", length = URL_MAX)
    private String url;

    @Column(name = "url_added_at")
    private Instant urlAddedAt;

    @Column(name = "url_added_by", length = 64)
    private String urlAddedBy;

    @Version
    private long version;

    protected Post() {
    }

    /**
     * The post that {@code check} (run while recording, for the planned day) cleared.
     *
     * @param today the District's today: a post is recorded before it is published, not after
     * @throws InvalidInputException when the day is past or too far ahead
     * @throws IllegalArgumentException when the check did not allow every student (the service answers those first)
     */
    public Post(ConsentCheck check, LocalDate plannedOn, LocalDate today, String recordedBy, Instant now) {
        Objects.requireNonNull(check, "check");
        checkPlannedOn(plannedOn, today);
        if (!check.getPostDate().equals(plannedOn)) {
            throw new IllegalArgumentException("The check was for " + check.getPostDate() + ", not for the planned day");
        }
        if (check.getResults().isEmpty() || !check.allAllowed()) {
            throw new IllegalArgumentException("Only a post that the check allowed for every student is recorded");
        }
        if (recordedBy == null || recordedBy.isBlank()) {
            throw new IllegalArgumentException("Who records must be known");
        }
        this.accountId = check.getAccountId();
        this.platformId = check.getPlatformId();
        this.plannedOn = plannedOn;
        this.items = ConsentScope.of(check.getItems());
        this.checkId = Objects.requireNonNull(check.getId(), "the check is saved first");
        check.getResults().stream().map(ConsentCheckResult::getStudentId).forEach(studentIds::add);
        this.recordedBy = recordedBy.strip();
        this.recordedAt = Objects.requireNonNull(now, "now");
    }

    /** The day a post may be planned for, seen from {@code today}: today up to {@value #PLANNED_DAYS_MAX} days ahead. */
    public static void checkPlannedOn(LocalDate plannedOn, LocalDate today) {
        if (plannedOn == null) {
            throw new InvalidInputException("plannedOn", "Enter the day the post is planned for (YYYY-MM-DD)");
        }
        if (plannedOn.isBefore(today)) {
            throw new InvalidInputException("plannedOn", "Record a post before it is published: the day is today or later");
        }
        if (plannedOn.isAfter(today.plusDays(PLANNED_DAYS_MAX))) {
            throw new InvalidInputException("plannedOn", "At most a year ahead");
        }
    }

    /**
     * Where the post is, once published (an http or https address); may be corrected later.
     *
     * @throws InvalidInputException when it is not an absolute http(s) address
     */
    public void publishedAt(String address, String by, Instant now) {
        this.url = checkUrl(address);
        this.urlAddedBy = Objects.requireNonNull(by, "by");
        this.urlAddedAt = Objects.requireNonNull(now, "now");
    }

    /** The address cleaned, or InvalidInputException: absolute, http or https, with a host, no spaces, at most {@value #URL_MAX} characters. */
    public static String checkUrl(String address) {
        String cleaned = address == null ? "" : address.strip();
        if (cleaned.isEmpty()) {
            throw new InvalidInputException("url", "Enter the address of the published post");
        }
        if (cleaned.length() > URL_MAX) {
            throw new InvalidInputException("url", "At most " + URL_MAX + " characters");
        }
        try {
            URI uri = new URI(cleaned);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new InvalidInputException("url", "Enter an http or https address, such as https://www.facebook.com/...");
            }
            if (uri.getHost() == null || uri.getHost().isBlank() || uri.getRawUserInfo() != null) {
                throw new InvalidInputException("url", "Enter a web address with a host name, such as https://www.facebook.com/...");
            }
        } catch (URISyntaxException e) {
            throw new InvalidInputException("url", "This is not a valid web address");
        }
        return cleaned;
    }

    public boolean shows(ConsentItem item) {
        return items.items().contains(item);
    }

    public Long getId() {
        return id;
    }

    public long getAccountId() {
        return accountId;
    }

    public long getPlatformId() {
        return platformId;
    }

    public LocalDate getPlannedOn() {
        return plannedOn;
    }

    public Set<ConsentItem> getItems() {
        return items.items();
    }

    public long getCheckId() {
        return checkId;
    }

    public Set<Long> getStudentIds() {
        return Collections.unmodifiableSet(studentIds);
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public String getUrl() {
        return url;
    }

    public Instant getUrlAddedAt() {
        return urlAddedAt;
    }

    public String getUrlAddedBy() {
        return urlAddedBy;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Post other && id != null && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
