package org.district.socialmedia.accounts.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * The public directory's version (one row, V12): raised in the transaction of every change that
 * changes what the directory shows, read to answer "has it changed?" without reading the accounts.
 * Only read through JPA: the raise is one UPDATE statement (accounts/control/DirectoryVersions), so
 * that concurrent changes on several servers each add one and none is lost.
 */
@Entity
@Table(name = "directory_version")
public class DirectoryVersion {

    public static final int ID = 1;

    @Id
    private Integer id;

    // not a JPA @Version: the row is never written through the entity
    @Column(name = "version", nullable = false)
    private long version;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    protected DirectoryVersion() {
    }

    public long getVersion() { return version; }

    public Instant getChangedAt() { return changedAt; }

    /**
     * The same text on every server for the same row. The time is part of it because a database
     * restored from a backup, or created anew, counts from an earlier number again.
     */
    public String token() {
        return version + "@" + changedAt;
    }
}
