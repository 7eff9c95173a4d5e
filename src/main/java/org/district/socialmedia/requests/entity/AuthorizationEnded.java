package org.district.socialmedia.requests.entity;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * An authorization's term ended: its holder may no longer operate what it named. Fired synchronously
 * inside the transaction of the end, so that the components above (accounts) flag the accounts it
 * operated and tell their administrators in the same transaction.
 */
public record AuthorizationEnded(Long authorizationId, Long requestId, String holderUsername, String holderName,
                                 String platformLabel, String accountLabel, LocalDate lastDay) implements Serializable {
}
