package org.district.socialmedia.oversight.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.district.socialmedia.platform.control.Tally;

import java.util.List;

/** The takedowns report's daily roll-ups, for the operators' recount. */
@ApplicationScoped
public class TakedownTimesTally implements Tally {

    @Inject
    TakedownRollups rollups;

    @Override
    public String name() {
        return TakedownRollups.ROLLUP;
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
