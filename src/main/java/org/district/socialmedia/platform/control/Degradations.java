package org.district.socialmedia.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Asks every {@link DegradationCheck} of the application; a check that cannot answer is left out, not fatal. */
@ApplicationScoped
public class Degradations {

    private static final Logger LOG = Logger.getLogger(Degradations.class.getName());

    @Inject
    @Any
    Instance<DegradationCheck> checks;

    public List<String> reasons() {
        List<String> reasons = new ArrayList<>();
        for (DegradationCheck check : checks) {
            try {
                reasons.addAll(check.reasons());
            } catch (RuntimeException e) {
                // the database went away between the probe and the check: the next call says DOWN
                LOG.log(Level.FINE, "Health check " + check.getClass().getSimpleName() + " did not answer", e);
            }
        }
        return reasons;
    }
}
