package org.district.socialmedia.settings.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/** A value a system administrator saved on the Settings page; it wins over the environment's. */
@Entity
@Table(name = "district_setting")
public class SettingOverride {

    @Id
    @Column(name = "setting_key", length = 60)
    private String key;

    @Column(name = "setting_value", length = SettingKey.VALUE_MAX, nullable = false)
    private String value;

    @Column(name = "updated_by", length = 64, nullable = false)
    private String updatedBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected SettingOverride() {
    }

    public SettingOverride(SettingKey key, String value, String updatedBy, Instant updatedAt) {
        this.key = key.property();
        change(value, updatedBy, updatedAt);
    }

    public final void change(String newValue, String by, Instant at) {
        this.value = newValue;
        this.updatedBy = by;
        this.updatedAt = at;
    }

    public SettingKey getKey() {
        return SettingKey.ofProperty(key);
    }

    public String getValue() {
        return value;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
