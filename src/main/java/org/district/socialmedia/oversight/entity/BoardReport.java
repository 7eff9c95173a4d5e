package org.district.socialmedia.oversight.entity;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * The Board's monthly report: the month's responses and takedowns, the registry's compliance and the
 * consent coverage on the month's last day, each area with one plain sentence.
 *
 * @param reviewPeriod the review period as people say it ("7 days", "7 school days")
 */
public record BoardReport(String districtName, YearMonth month, String reviewPeriod, RequestFigures requests,
                          AccountFigures accounts, ConsentCoverage coverage, TakedownFigures takedowns) implements Serializable {

    /** The item whose coverage the summary names: photographs are what posts show most. */
    public static final String SUMMARY_ITEM = "PHOTO";

    public String monthName() {
        return month.getMonth().getDisplayName(TextStyle.FULL, Locale.US) + " " + month.getYear();
    }

    /** "94% of requests were answered within 7 days in November 2026; 3 were late." */
    public String requestSentence() {
        if (requests.answered() == 0) {
            return "No request was answered in " + monthName() + "; " + plural(requests.open(), "request is", "requests are")
                    + " open.";
        }
        return percent(requests.onTimeRate()) + " of requests were answered within " + reviewPeriod + " in " + monthName() + "; "
                + (requests.late() == 0 ? "none was late." : requests.late() + (requests.late() == 1 ? " was late." : " were late."));
    }

    public String accountSentence() {
        return accounts.failing() + " of " + plural(accounts.accounts(), "account", "accounts") + " in use had a compliance issue on "
                + date(accounts.asOf()) + "; " + plural(accounts.grantsExpiringIn30Days(), "grant of rights ends", "grants of rights end")
                + " within 30 days.";
    }

    public String consentSentence() {
        long enrolled = coverage.schools().stream().mapToLong(ConsentCoverage.Row::enrolled).sum();
        long covered = coverage.schools().stream().mapToLong(r -> r.covered().getOrDefault(SUMMARY_ITEM, 0L)).sum();
        if (enrolled == 0) {
            return "No students were enrolled on " + date(coverage.date()) + ".";
        }
        return percent(Durations.share(covered, enrolled)) + " of enrolled students could appear in photographs on "
                + date(coverage.date()) + "; " + plural(coverage.formsEndingIn30Days(), "consent form ends", "consent forms end")
                + " within 30 days.";
    }

    public String takedownSentence() {
        String open = plural(takedowns.open(), "takedown is", "takedowns are") + " open.";
        if (takedowns.done() == 0) {
            return "No takedown was done in " + monthName() + "; " + open;
        }
        return plural(takedowns.done(), "takedown was", "takedowns were") + " done in " + monthName() + ", in a median of "
                + takedowns.medianHours() + " hours; " + open;
    }

    /**
     * A share as a whole percentage, rounded down so that a month with a late answer never reads 100%.
     */
    static String percent(Double share) {
        return share == null ? "n/a" : (long) Math.floor(share * 100 + 1e-9) + "%";
    }

    private static String plural(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    private static String date(String iso) {
        return LocalDate.parse(iso).format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.US));
    }

    /** The PDF's file name, mailed and downloaded alike (a static method here, not in a bean: WFLYEJB0131). */
    public static String fileName(YearMonth month) {
        return "board-report-" + month + ".pdf";
    }
}
