package org.district.socialmedia.accounts.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.district.socialmedia.people.entity.StaffUser;
import org.district.socialmedia.platform.entity.InvalidInputException;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * Why an account was registered with no authorized operator, who said so and when (issue 20 item 4): the
 * registration rule is an authorized operator from the start, or this exception written down. Written once.
 */
@Embeddable
public class OperatorException implements Serializable {

    /** The longest reason. */
    public static final int MAX = 1000;
    /** A reason shorter than this says nothing a later reader can check. */
    public static final int MIN = 20;

    @Column(name = "operator_exception_reason", length = MAX, updatable = false)
    private String reason;

    @Column(name = "operator_exception_by", length = StaffUser.USERNAME_MAX, updatable = false)
    private String by;

    @Column(name = "operator_exception_at", updatable = false)
    private Instant at;

    protected OperatorException() {
    }

    OperatorException(String reason, String byUsername, Instant at) {
        this.reason = Objects.requireNonNull(reason, "reason");
        this.by = StaffUser.normalizeUsername(Objects.requireNonNull(byUsername, "byUsername"));
        this.at = Objects.requireNonNull(at, "now");
    }

    /**
     * The registration rule, checked before anything is stored.
     *
     * @return the cleaned reason, or null when an operator is named
     * @throws InvalidInputException under "operatorException" when neither is given, or the reason is too short or too long
     */
    static String operatorOrException(Long authorizationId, String exceptionReason) {
        String cleaned = exceptionReason == null || exceptionReason.isBlank() ? null : exceptionReason.strip();
        if (authorizationId != null) {
            if (cleaned != null) {
                throw new InvalidInputException("operatorException",
                        "An account with an authorized operator needs no exception: leave the reason empty");
            }
            return null;
        }
        if (cleaned == null) {
            throw new InvalidInputException("operatorException", "Start from the authorization of the employee who will operate"
                    + " the account (authorizationId), or write why it has no authorized operator yet");
        }
        if (cleaned.length() < MIN || cleaned.length() > MAX) {
            throw new InvalidInputException("operatorException", "The reason for an account without an authorized operator has "
                    + MIN + " to " + MAX + " characters");
        }
        return cleaned;
    }

    public String getReason() { return reason; }
    public String getBy() { return by; }
    public Instant getAt() { return at; }
}
