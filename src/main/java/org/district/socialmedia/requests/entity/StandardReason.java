package org.district.socialmedia.requests.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.io.Serializable;
import java.util.Objects;

/**
 * A ready-made explanation a reviewer can pick and then edit. The text is copied into the decision,
 * so later edits of the library never change a response already given.
 */
@Entity
@Table(name = "standard_reason")
@NamedQuery(name = StandardReason.ALL, query = "SELECT r FROM StandardReason r ORDER BY r.title")
@NamedQuery(name = StandardReason.ALL_ACTIVE, query = "SELECT r FROM StandardReason r WHERE r.active = TRUE ORDER BY r.title")
public class StandardReason implements Serializable {

    public static final String ALL = "StandardReason.all";
    public static final String ALL_ACTIVE = "StandardReason.allActive";
    public static final int TITLE_MAX = 100;
    public static final int TEXT_MAX = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "standard_reason_seq")
    @SequenceGenerator(name = "standard_reason_seq", sequenceName = "standard_reason_seq", allocationSize = 50)
    private Long id;

    @NotBlank(message = "Enter a short title")
    @Size(max = TITLE_MAX, message = "A title has at most " + TITLE_MAX + " characters")
    @Column(name = "title", length = TITLE_MAX, nullable = false, unique = true)
    private String title;

    @NotBlank(message = "Enter the explanation")
    @Size(max = TEXT_MAX, message = "An explanation has at most " + TEXT_MAX + " characters")
    @Column(name = "reason_text", length = TEXT_MAX, nullable = false)
    private String text;

    @Column(name = "active", nullable = false)
    private boolean active = true;

    @Version
    private long version;

    protected StandardReason() {
    }

    public StandardReason(String title, String text) {
        revise(title, text);
    }

    public final void revise(String newTitle, String newText) {
        this.title = Texts.clean(newTitle);
        this.text = Texts.clean(newText);
    }

    public void retire() {
        if (!active) {
            throw new IllegalStateException("'" + title + "' is already retired");
        }
        active = false;
    }

    public void reinstate() {
        if (active) {
            throw new IllegalStateException("'" + title + "' is already offered");
        }
        active = true;
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public String getText() {
        return text;
    }

    public boolean isActive() {
        return active;
    }

    public long getVersion() {
        return version;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof StandardReason other && id != null && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }

    @Override
    public String toString() {
        return title;
    }
}
