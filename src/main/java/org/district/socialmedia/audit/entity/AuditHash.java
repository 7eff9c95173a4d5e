package org.district.socialmedia.audit.entity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The audit chain's arithmetic, shared by the sealer, the in-application verification and the
 * command-line check (which reads the tables with plain JDBC): a link's hash is SHA-256 over the
 * previous link's hash, the link's place and the row's content, each field length-prefixed so that no
 * two different rows read the same.
 */
public final class AuditHash {

    /** The hash before the first link. */
    public static final String GENESIS = "0".repeat(64);

    private AuditHash() {
    }

    /** The content of an audit row as the chain covers it (time to the microsecond: what the databases keep). */
    public static String content(long id, Instant occurredAt, String actor, String actorRoles, String ipAddress, String action,
                                 String objectType, String objectId, String outcome, String details) {
        StringBuilder s = new StringBuilder().append(id);
        for (String field : new String[]{occurredAt == null ? null : occurredAt.truncatedTo(ChronoUnit.MICROS).toString(),
                actor, actorRoles, ipAddress, action, objectType, objectId, outcome, details}) {
            s.append('|');
            if (field == null) {
                s.append('~');
            } else {
                s.append(field.length()).append(':').append(field);
            }
        }
        return s.toString();
    }

    public static String content(AuditEntry e) {
        return content(e.getId(), e.getOccurredAt(), e.getActor(), e.getActorRoles(), e.getIpAddress(), e.getAction(),
                e.getObjectType(), e.getObjectId(), e.getOutcome() == null ? null : e.getOutcome().name(), e.getDetails());
    }

    /** What stands in the chain for a queued row that was gone when its turn came. */
    public static String missing(long id) {
        return id + "|MISSING";
    }

    public static String link(String previousHash, long seq, String content) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((previousHash + "|" + seq + "|" + content).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
