package org.district.socialmedia.operations.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.district.socialmedia.platform.control.Tally;

import java.util.List;

/**
 * Runs one tally's check or rebuild in a transaction of its own, so that a tally that fails rolls back
 * alone and the recount goes on with the others.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class TallyRunner {

    public List<String> differences(Tally tally) {
        return List.copyOf(tally.differences());
    }

    /** The differences before the rebuild (what it changed), then the rebuild; how many keys it changed. */
    public Rebuilt rebuild(Tally tally) {
        List<String> before = List.copyOf(tally.differences());
        int changed = tally.rebuild();
        return new Rebuilt(before, changed);
    }

    public record Rebuilt(List<String> differences, int keysChanged) {
    }
}
