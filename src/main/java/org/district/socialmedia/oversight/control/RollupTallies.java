package org.district.socialmedia.oversight.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.district.socialmedia.platform.control.Tally;

import java.util.List;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * The requests and takedowns reports' daily roll-ups as tallies for the operators' recount (which finds them as
 * {@code Instance<Tally>}): one adapter for both, since each roll-up compares and rebuilds itself.
 */
@ApplicationScoped
public class RollupTallies {

    @Inject
    RequestRollups requests;
    @Inject
    TakedownRollups takedowns;

    @Produces
    Tally requestResponses() {
        return new RollupTally(RequestRollups.ROLLUP, requests::differences, requests::rebuild);
    }

    @Produces
    Tally takedownTimes() {
        return new RollupTally(TakedownRollups.ROLLUP, takedowns::differences, takedowns::rebuild);
    }

    /** A roll-up's name with its own comparison and rebuild. */
    record RollupTally(String name, Supplier<List<String>> check, IntSupplier redo) implements Tally {

        @Override
        public List<String> differences() {
            return check.get();
        }

        @Override
        public int rebuild() {
            return redo.getAsInt();
        }
    }
}
