package org.district.socialmedia.notifications.entity;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When mail counts as failing for an operator (MAIL_ALERT_AFTER, default PT30M): an unsent message whose
 * last attempt failed was written more than that long ago, and no message has been sent since it was
 * written. One undeliverable address among messages that go out is no alert; an SMTP server that refuses
 * everything (a wrong password) is one after MAIL_ALERT_AFTER.
 */
public final class MailAlert {

    public static final String PROPERTY = "district.mail-alert-after";
    public static final Duration DEFAULT = Duration.ofMinutes(30);

    private MailAlert() {
    }

    /**
     * @param failingSince when the oldest unsent message written after the last successful send, and whose last
     *                     attempt failed, was written; null when there is none
     */
    public static Optional<String> reason(Instant failingSince, Instant now, Duration alertAfter) {
        if (failingSince == null || !failingSince.plus(alertAfter).isBefore(now)) {
            return Optional.empty();
        }
        // no SMTP error text: health is public, and the error names internal hosts; the log and the Outbox page have it
        return Optional.of("mail has been failing for " + Duration.between(failingSince, now).withNanos(0)
                + " (MAIL_ALERT_AFTER " + alertAfter + "): see server.log and the Outbox page");
    }

    /** MAIL_ALERT_AFTER as configure-district.cli passes it; the default when unset or not a positive duration. */
    public static Duration alertAfter(String configured) {
        try {
            Duration d = Duration.parse(configured);
            return d.isNegative() || d.isZero() ? DEFAULT : d;
        } catch (RuntimeException e) {
            return DEFAULT;
        }
    }
}
