package org.district.socialmedia.platform.control;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;

/**
 * EclipseLink retries a read that met a communication failure 3 times, 5 s apart (its defaults): during
 * an outage every request hung 15-20 s before failing. The pool already hands out only validated
 * connections (validate-on-match), so a retry wins nothing: fail at once, and the API answers 503.
 * Named in persistence.xml (eclipselink.session.customizer).
 */
public class FailFastSession implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        if (session.getDatasourceLogin() instanceof DatabaseLogin login) {
            login.setQueryRetryAttemptCount(0);
            login.setDelayBetweenConnectionAttempts(0);
        }
    }
}
