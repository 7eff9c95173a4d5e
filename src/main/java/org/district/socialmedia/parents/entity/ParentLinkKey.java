package org.district.socialmedia.parents.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * The SHA-256 of one token sent for a link ({@link LinkToken}): the first email's and each reminder's (the
 * token itself is never stored, so a reminder carries a new one). Any of them opens the link.
 */
@Entity
@Table(name = "parent_link_token")
@NamedQuery(name = ParentLinkKey.LINK_BY_HASH, query = "SELECT k.link FROM ParentLinkKey k WHERE k.tokenHash = :hash")
public class ParentLinkKey implements Serializable {

    public static final String LINK_BY_HASH = "ParentLinkKey.linkByHash";

    @Id
    @Column(name = "token_hash", length = 64)
    private String tokenHash;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "link_id", nullable = false, updatable = false)
    private ParentLink link;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected ParentLinkKey() {
    }

    public ParentLinkKey(ParentLink link, String tokenHash, Instant now) {
        this.link = Objects.requireNonNull(link, "link");
        if (tokenHash == null || !tokenHash.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("Store the token's SHA-256, never the token");
        }
        this.tokenHash = tokenHash;
        this.createdAt = Objects.requireNonNull(now, "now");
    }

    public String getTokenHash() { return tokenHash; }
    public ParentLink getLink() { return link; }
    public Instant getCreatedAt() { return createdAt; }
}
