package org.district.socialmedia.notifications.entity;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When failing mail makes health DEGRADED (MAIL_ALERT_AFTER). */
class MailAlertTest {

    private static final Instant NOW = Instant.parse("2026-12-05T08:00:00Z");
    private static final Duration HALF_HOUR = Duration.ofMinutes(30);

    @Test
    void noFailureOrAYoungOneIsNoAlert() {
        assertTrue(MailAlert.reason(null, NOW, HALF_HOUR).isEmpty());
        assertTrue(MailAlert.reason(NOW.minus(HALF_HOUR), NOW, HALF_HOUR).isEmpty(), "exactly MAIL_ALERT_AFTER: not yet");
    }

    @Test
    void aFailureOlderThanTheLimitIsAnAlertThatSaysSinceWhenButNotTheServersError() {
        String reason = MailAlert.reason(NOW.minus(Duration.ofMinutes(31)), NOW, HALF_HOUR).orElseThrow();
        assertTrue(reason.contains("PT31M") && reason.contains("MAIL_ALERT_AFTER PT30M") && reason.contains("server.log"), reason);
    }

    @Test
    void theLimitComesFromTheServerOrItsDefault() {
        assertEquals(Duration.ofMinutes(5), MailAlert.alertAfter("PT5M"));
        assertEquals(MailAlert.DEFAULT, MailAlert.alertAfter(null));
        assertEquals(MailAlert.DEFAULT, MailAlert.alertAfter("soon"));
        assertEquals(MailAlert.DEFAULT, MailAlert.alertAfter("PT0S"));
        assertEquals(Duration.ofMinutes(30), MailAlert.DEFAULT);
    }
}
