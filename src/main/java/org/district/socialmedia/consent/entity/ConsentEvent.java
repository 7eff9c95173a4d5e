package org.district.socialmedia.consent.entity;

import java.io.Serializable;

/**
 * A takedown that people must hear about: created by a revocation, or still open when its reminder
 * is due. Fired in the transaction of the change, so its email commits or rolls back with it.
 */
public record ConsentEvent(Type type, Long taskId) implements Serializable {

    public enum Type { TAKEDOWN_CREATED, TAKEDOWN_REMINDER }
}
