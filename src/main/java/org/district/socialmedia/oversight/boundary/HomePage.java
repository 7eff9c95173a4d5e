package org.district.socialmedia.oversight.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.district.socialmedia.platform.control.HomeCountSource;
import org.district.socialmedia.platform.entity.HomeCount;
import org.district.socialmedia.platform.entity.Role;
import org.district.socialmedia.security.boundary.CurrentUser;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The counts on the home page: every {@link HomeCountSource} asked once per page view, while the page
 * renders (no AJAX round trip). Request scoped: the page has no form, so nothing goes into the session.
 */
@Named
@RequestScoped
public class HomePage {

    private static final Logger LOG = Logger.getLogger(HomePage.class.getName());

    @Inject
    @Any
    Instance<HomeCountSource> sources;
    @Inject
    CurrentUser user;

    private List<HomeCount> counts;

    /** The counts of one role's section, in the order the sources give them; empty when there are none. */
    public List<HomeCountText.Line> counts(String role) {
        Role wanted = Role.valueOf(role);
        return all().stream().filter(c -> c.role() == wanted).map(HomeCountText::line).toList();
    }

    private List<HomeCount> all() {
        if (counts == null) {
            Set<Role> roles = user.getRoles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(user.getRoles());
            counts = new ArrayList<>();
            // CDI gives the sources in no particular order: by class name, so the page reads the same at every visit
            List<HomeCountSource> ordered = sources.stream()
                    .sorted(Comparator.comparing((HomeCountSource source) -> source.getClass().getSimpleName())).toList();
            for (HomeCountSource source : ordered) {
                try {
                    counts.addAll(source.counts(roles));
                } catch (RuntimeException e) {
                    // one component's trouble (the database went away, a missing right) must not take the home page with it
                    LOG.log(Level.WARNING, "Home counts of " + source.getClass().getSimpleName() + " left out: " + e);
                }
            }
        }
        return counts;
    }
}
