package org.district.socialmedia.students.control;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The two safety limits of a bulk roster import (ROSTER_DEACTIVATION_LIMIT, ROSTER_REJECTION_LIMIT): a
 * bulk file that would deactivate more than its share of the active students, guardians or staff, or
 * whose rejected rows are more than their share of its rows, is not written without a system
 * administrator's confirmation. A delta never deactivates for absence, so only bulk imports are held.
 *
 * @param deactivationPercent e.g. 5 for 5%
 * @param rejectionPercent    e.g. 2 for 2%
 */
public record ImportLimits(BigDecimal deactivationPercent, BigDecimal rejectionPercent) {

    /** How many of a kind an import would deactivate, out of how many are active before it. */
    public record Share(int deactivated, long active) {
    }

    public ImportLimits {
        Objects.requireNonNull(deactivationPercent, "deactivationPercent");
        Objects.requireNonNull(rejectionPercent, "rejectionPercent");
    }

    /** True when part is more than percent of whole; something out of nothing is always more. */
    static boolean moreThan(long part, long whole, BigDecimal percent) {
        if (part <= 0) {
            return false;
        }
        if (whole <= 0) {
            return true;
        }
        return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                .compareTo(percent.multiply(BigDecimal.valueOf(whole))) > 0;
    }

    /**
     * Why the import must wait for a confirmation; empty when it may run.
     *
     * @param shares by kind ("students", "guardians", "staff")
     */
    public List<String> reasons(boolean bulk, Map<String, Share> shares, int rows, int rejectedRows) {
        List<String> reasons = new ArrayList<>();
        if (!bulk) {
            return reasons;
        }
        shares.forEach((kind, share) -> {
            if (moreThan(share.deactivated(), share.active(), deactivationPercent)) {
                reasons.add("it would deactivate " + share.deactivated() + " of " + share.active() + " active " + kind
                        + ", more than ROSTER_DEACTIVATION_LIMIT (" + deactivationPercent.toPlainString() + "%)");
            }
        });
        if (moreThan(rejectedRows, rows, rejectionPercent)) {
            reasons.add(rejectedRows + " of its " + rows + " rows were rejected, more than ROSTER_REJECTION_LIMIT ("
                    + rejectionPercent.toPlainString() + "%)");
        }
        return reasons;
    }

    /** Rows with at least one problem (file and line; line 0 is about a whole file, not a row). */
    public static int rejectedRows(List<ImportProblem> problems) {
        Set<String> rows = new HashSet<>();
        problems.stream().filter(p -> p.line() > 0).forEach(p -> rows.add(p.file() + ":" + p.line()));
        return rows.size();
    }
}
