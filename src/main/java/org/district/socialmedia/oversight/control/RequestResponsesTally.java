package org.district.socialmedia.oversight.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.district.socialmedia.platform.control.Tally;

import java.util.List;

/** The requests report's daily roll-ups, for the operators' recount. */
@ApplicationScoped
public class RequestResponsesTally implements Tally {

    @Inject
    RequestRollups rollups;

    @Override
    public String name() {
        return RequestRollups.ROLLUP;
    }

    @Override
    public List<String> differences() {
        return rollups.differences();
    }

    @Override
    public int rebuild() {
        return rollups.rebuild();
    }
}
