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
 * A school or a department of the District: where staff work and accounts belong. Units are created
 * (by hand or by the roster import), never renamed nor deactivated: the accounts console's order and
 * the public directory's version rely on that (see DistrictAccount.unitKey, accounts/control/DirectoryVersions).
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

    @NotBlank(message = "Enter a short code")
    @Size(max = CODE_MAX)
    @Pattern(regexp = "[A-Za-z0-9_-]+", message = "Use letters, digits, '-' and '_' only")
    @Column(name = "code", length = CODE_MAX, nullable = false, unique = true)
    private String code;

    @NotBlank(message = "Enter the name of the school or department")
    @Size(max = NAME_MAX)
    @Column(name = "name", length = NAME_MAX, nullable = false)
    private String name;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(name = "kind", length = 20, nullable = false)
    private Kind kind;

    @Column(name = "active", nullable = false)
    private boolean active = true;

    @Version
    private long version;

    protected OrgUnit() {
    }

    public OrgUnit(String code, String name, Kind kind) {
        this.code = code;
        this.name = name;
        this.kind = kind;
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
