package org.district.socialmedia.operations.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.district.socialmedia.audit.control.AuditLog;
import org.district.socialmedia.audit.entity.AuditEntry;
import org.district.socialmedia.operations.control.TallyRunner;
import org.district.socialmedia.platform.control.Errors;
import org.district.socialmedia.platform.control.Tally;
import org.district.socialmedia.platform.entity.NotFoundException;
import org.district.socialmedia.platform.entity.Role;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The operators' recount: every tally the components keep (each a {@link Tally} bean, found without knowing
 * them), checked against a recount of the rows, or rebuilt from it. Each tally in a transaction of its own
 * (TallyRunner): one that fails is reported with its error and the others still run.
 */
@Stateless
@RolesAllowed(Role.SYSTEM_ADMIN_NAME)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TallyRecount {

    static final String AUDIT_ACTION = "TALLIES_RECOUNTED";
    private static final Logger LOG = Logger.getLogger(TallyRecount.class.getName());

    @Inject
    @Any
    Instance<Tally> tallies;
    @Inject
    TallyRunner runner;
    @Inject
    AuditLog audit;

    /**
     * One tally's state: whether its stored counts agree with a recount, the keys that differ, and after a
     * recount how many keys it changed; {@code error} when the tally failed (then nothing else is known).
     */
    public record TallyState(String name, boolean agrees, List<String> differences, Integer keysChanged, String error)
            implements Serializable {
    }

    /** Every tally with its differences; changes nothing. */
    public List<TallyState> check() {
        List<TallyState> states = new ArrayList<>();
        for (Tally tally : sorted(null)) {
            try {
                List<String> differences = runner.differences(tally);
                states.add(new TallyState(tally.name(), differences.isEmpty(), differences, null, null));
            } catch (RuntimeException e) {
                states.add(failed(tally, e));
            }
        }
        return states;
    }

    /**
     * Rebuilds every tally, or the one named, from a recount of the rows; audited with what changed.
     *
     * @param name null or blank for every tally
     */
    public List<TallyState> recount(String name) {
        List<TallyState> states = new ArrayList<>();
        for (Tally tally : sorted(name)) {
            try {
                TallyRunner.Rebuilt rebuilt = runner.rebuild(tally);
                states.add(new TallyState(tally.name(), true, rebuilt.differences(), rebuilt.keysChanged(), null));
            } catch (RuntimeException e) {
                states.add(failed(tally, e));
            }
        }
        StringBuilder details = new StringBuilder();
        for (TallyState s : states) {
            details.append(details.isEmpty() ? "" : "; ").append(s.name()).append(": ")
                    .append(s.error() != null ? "failed (" + s.error() + ")" : s.keysChanged() + " keys changed");
        }
        audit.recordSeparately(null, AUDIT_ACTION, "Tally", name == null || name.isBlank() ? "all" : name.strip(),
                states.stream().anyMatch(s -> s.error() != null) ? AuditEntry.Outcome.FAILED : AuditEntry.Outcome.DONE,
                details.toString());
        return states;
    }

    /** The names of every tally, in order. */
    public List<String> names() {
        return sorted(null).stream().map(Tally::name).toList();
    }

    private List<Tally> sorted(String name) {
        List<Tally> all = new ArrayList<>();
        tallies.forEach(all::add);
        all.sort(Comparator.comparing(Tally::name));
        if (name == null || name.isBlank()) {
            return all;
        }
        List<Tally> named = all.stream().filter(t -> t.name().equals(name.strip())).toList();
        if (named.isEmpty()) {
            throw new NotFoundException("Tally '" + name.strip() + "' (the tallies: "
                    + String.join(", ", all.stream().map(Tally::name).toList()) + ")");
        }
        return named;
    }

    private static TallyState failed(Tally tally, RuntimeException e) {
        LOG.log(Level.WARNING, "Tally " + tally.name() + " failed", e);
        return new TallyState(tally.name(), false, List.of(), null, Errors.rootMessage(e));
    }
}
