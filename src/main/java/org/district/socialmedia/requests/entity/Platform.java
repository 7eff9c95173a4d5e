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
import org.district.socialmedia.platform.entity.InvalidInputException;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * A social media platform an employee can ask to use, from the list a system administrator keeps.
 * Platforms are retired (inactive), never deleted, because old requests and authorizations name them.
 */
@Entity
@Table(name = "platform")
@NamedQuery(name = Platform.ALL, query = "SELECT p FROM Platform p ORDER BY p.sortOrder, p.name")
@NamedQuery(name = Platform.ALL_ACTIVE, query = "SELECT p FROM Platform p WHERE p.active = TRUE ORDER BY p.sortOrder, p.name")
@NamedQuery(name = Platform.BY_NAME, query = "SELECT p FROM Platform p WHERE LOWER(p.name) = :name")
public class Platform implements Serializable {

    public static final String ALL = "Platform.all";
    public static final String ALL_ACTIVE = "Platform.allActive";
    /** Parameter {@code name} in lowercase: names are unique regardless of case. */
    public static final String BY_NAME = "Platform.byName";
    public static final int NAME_MAX = 60;
    public static final int PRIVACY_CHECKLIST_MAX = 4000;
    public static final int PRIVACY_ITEMS_MAX = 20;
    public static final int PRIVACY_ITEM_MAX = 200;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "platform_seq")
    @SequenceGenerator(name = "platform_seq", sequenceName = "platform_seq", allocationSize = 50)
    private Long id;

    @NotBlank(message = "Enter the platform's name")
    @Size(max = NAME_MAX, message = "A platform name has at most " + NAME_MAX + " characters")
    @Column(name = "name", length = NAME_MAX, nullable = false, unique = true)
    private String name;

    // The catch-all "Other" entry: its name says nothing, so each line must name the real platform.
    @Column(name = "other_name_required", nullable = false)
    private boolean otherNameRequired;

    @Column(name = "active", nullable = false)
    private boolean active = true;

    @Column(name = "sort_order", nullable = false)
    private int sortOrder;

    /** What an account's yearly checklist asks about this platform's privacy settings, one item per line. */
    @Column(name = "privacy_checklist", length = PRIVACY_CHECKLIST_MAX)
    private String privacyChecklist;

    @Version
    private long version;

    protected Platform() {
    }

    public Platform(String name, boolean otherNameRequired, int sortOrder) {
        this.name = Texts.clean(name);
        this.otherNameRequired = otherNameRequired;
        this.sortOrder = sortOrder;
    }

    /**
     * The public directory shows this name on accounts: whoever offers renaming must also raise the
     * directory's version in the same transaction (accounts/control/DirectoryVersions), or clients keep the old name.
     */
    public void rename(String newName) {
        this.name = Texts.clean(newName);
    }

    public void requireOtherName(boolean required) {
        this.otherNameRequired = required;
    }

    /**
     * Replaces the privacy settings checklist: one item per line, blank lines dropped.
     *
     * @return the items as kept
     * @throws InvalidInputException under "privacyChecklist" when there is no item, too many, or one too long
     */
    public List<String> changePrivacyChecklist(String lines) {
        List<String> items = lines == null ? List.of() : lines.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (items.isEmpty()) {
            throw new InvalidInputException("privacyChecklist", "Write at least one privacy setting to check, one per line");
        }
        if (items.size() > PRIVACY_ITEMS_MAX) {
            throw new InvalidInputException("privacyChecklist", "A checklist has at most " + PRIVACY_ITEMS_MAX + " items");
        }
        if (items.stream().anyMatch(i -> i.length() > PRIVACY_ITEM_MAX)) {
            throw new InvalidInputException("privacyChecklist", "An item has at most " + PRIVACY_ITEM_MAX + " characters");
        }
        this.privacyChecklist = String.join("\n", items);
        return items;
    }

    /** The privacy items an account on this platform is checked against; one general item while none are written. */
    public List<String> privacyItems() {
        if (privacyChecklist == null || privacyChecklist.isBlank()) {
            return List.of(DEFAULT_PRIVACY_ITEM);
        }
        return privacyChecklist.lines().toList();
    }

    /** Asked while a platform has no checklist of its own. */
    public static final String DEFAULT_PRIVACY_ITEM = "The privacy settings protect student and employee records";

    public String getPrivacyChecklist() {
        return privacyChecklist;
    }

    public void moveTo(int newSortOrder) {
        this.sortOrder = newSortOrder;
    }

    /** Offered no more for new requests; existing requests and authorizations keep naming it. */
    public void retire() {
        if (!active) {
            throw new IllegalStateException(name + " is already retired");
        }
        active = false;
    }

    public void reinstate() {
        if (active) {
            throw new IllegalStateException(name + " is already offered");
        }
        active = true;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public boolean isOtherNameRequired() {
        return otherNameRequired;
    }

    public boolean isActive() {
        return active;
    }

    public int getSortOrder() {
        return sortOrder;
    }

    public long getVersion() {
        return version;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Platform other && id != null && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }

    @Override
    public String toString() {
        return name;
    }
}
