package org.district.socialmedia.people.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.io.Serializable;
import java.util.Objects;

/**
 * A school or a department of the District: where staff work, accounts belong and students are enrolled.
 * A system administrator creates one (the Schools and departments page or /api/units), or the roster
 * import does for a school it does not know. The code is the key the roster import matches an org on
 * (its identifier, else its sourcedId), so it never changes; nor does the kind, which decides whose
 * students the unit's accounts may post about (ConsentCheckService). The name may change: the copies of
 * it (DistrictAccount.unitKey, the public directory's version) follow through {@link UnitRenamed}.
 * A deactivated unit is no longer offered for new records; what already names it keeps it.
 */
@Entity
@Table(name = "org_unit")
@NamedQuery(name = OrgUnit.BY_CODE, query = "SELECT u FROM OrgUnit u WHERE u.code = :code")
public class OrgUnit implements Serializable {

    public static final String BY_CODE = "OrgUnit.byCode";
    public static final int CODE_MAX = 40;
    public static final int NAME_MAX = 200;

    public enum Kind { SCHOOL, DEPARTMENT }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "org_unit_seq")
    @SequenceGenerator(name = "org_unit_seq", sequenceName = "org_unit_seq", allocationSize = 50)
    private Long id;

    @NotBlank(message = "Enter the code: the school's identifier in the roster, or a short code of your own")
    @Size(max = CODE_MAX, message = "At most " + CODE_MAX + " characters")
    @Pattern(regexp = "[A-Za-z0-9_-]*", message = "Use letters, digits, '-' and '_' only")
    @Column(name = "code", length = CODE_MAX, nullable = false, unique = true)
    private String code;

    @NotBlank(message = "Enter the name of the school or department")
    @Size(max = NAME_MAX, message = "At most " + NAME_MAX + " characters")
    @Column(name = "name", length = NAME_MAX, nullable = false)
    private String name;

    @NotNull(message = "Choose school or department")
    @Enumerated(EnumType.STRING)
    @Column(name = "kind", length = 20, nullable = false)
    private Kind kind;

    @Column(name = "active", nullable = false)
    private boolean active = true;

    @Version
    private long version;

    protected OrgUnit() {
    }

    /** Code and name without surrounding spaces; the code keeps its case, as the roster writes it. */
    public OrgUnit(String code, String name, Kind kind) {
        this.code = code == null ? null : code.strip();
        this.name = name == null ? null : name.strip();
        this.kind = kind;
    }

    /** Gives the unit a new name; true when it changed (the same name with other spaces around it is none). */
    public boolean rename(String newName) {
        String stripped = newName == null ? null : newName.strip();
        if (Objects.equals(stripped, name)) {
            return false;
        }
        name = stripped;
        return true;
    }

    public void deactivate() {
        if (!active) {
            throw new IllegalStateException(name + " is already deactivated");
        }
        active = false;
    }

    public void reactivate() {
        if (active) {
            throw new IllegalStateException(name + " is already active");
        }
        active = true;
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public Kind getKind() {
        return kind;
    }

    public boolean isActive() {
        return active;
    }

    public long getVersion() {
        return version;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OrgUnit other && id != null && id.equals(other.id);
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
