package org.district.socialmedia.settings.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;

/** A District holiday: not a school day when review periods count school days. */
@Entity
@Table(name = "holiday")
public class Holiday implements java.io.Serializable {

    public static final int NAME_MAX = 200;

    @Id
    @Column(name = "holiday_date")
    private LocalDate date;

    @Column(name = "name", length = NAME_MAX, nullable = false)
    private String name;

    @Column(name = "imported_at", nullable = false)
    private Instant importedAt;

    @Column(name = "imported_by", length = 64, nullable = false)
    private String importedBy;

    protected Holiday() {
    }

    public Holiday(LocalDate date, String name, Instant importedAt, String importedBy) {
        this.date = date;
        String shown = name == null || name.isBlank() ? "Holiday" : name.strip();
        this.name = shown.length() > NAME_MAX ? shown.substring(0, NAME_MAX) : shown;
        this.importedAt = importedAt;
        this.importedBy = importedBy;
    }

    public LocalDate getDate() {
        return date;
    }

    public String getName() {
        return name;
    }

    public Instant getImportedAt() {
        return importedAt;
    }

    public String getImportedBy() {
        return importedBy;
    }
}
