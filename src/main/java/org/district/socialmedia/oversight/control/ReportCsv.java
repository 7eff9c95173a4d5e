package org.district.socialmedia.oversight.control;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.district.socialmedia.acknowledgements.control.CoverageQueries;
import org.district.socialmedia.oversight.entity.AccountFigures;
import org.district.socialmedia.oversight.entity.ConsentCoverage;
import org.district.socialmedia.oversight.entity.RequestFigures;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * Each dashboard chart's figures as CSV (Commons CSV, RFC 4180). A cell a spreadsheet would run as a
 * formula gets an apostrophe first: names come from staff input.
 */
public final class ReportCsv {

    private ReportCsv() {
    }

    public static int requestsByMonth(RequestFigures f, Writer out) {
        List<List<Object>> rows = new ArrayList<>();
        f.byMonth().forEach(m -> rows.add(List.of(m.month(), m.answered(), m.late(), text(m.onTimeRate()), text(m.medianHours()))));
        return write(out, List.of("month", "answered", "late", "onTimeRate", "medianHours"), rows);
    }

    public static int requestsByReviewer(RequestFigures f, Writer out) {
        List<List<Object>> rows = new ArrayList<>();
        f.byReviewer().forEach(r -> rows.add(List.of(r.reviewer(), r.answered(), r.late(), text(r.onTimeRate()), text(r.medianHours()))));
        return write(out, List.of("reviewer", "answered", "late", "onTimeRate", "medianHours"), rows);
    }

    public static int counts(List<RequestFigures.Count> counts, Writer out) {
        List<List<Object>> rows = new ArrayList<>();
        counts.forEach(c -> rows.add(List.of(c.key(), c.label(), c.count())));
        return write(out, List.of("key", "label", "count"), rows);
    }

    public static int compliance(AccountFigures f, Writer out) {
        List<List<Object>> rows = new ArrayList<>();
        f.compliance().forEach(c -> rows.add(List.of(c.unit(), c.accounts(), c.failing(), c.identification(), c.privacy(),
                c.fewerThanTwoAdmins(), c.noActiveOperator())));
        return write(out, List.of("unit", "accounts", "failing", "identificationNotConfirmed", "privacyReviewOutdated",
                "fewerThanTwoAdmins", "noActiveOperator"), rows);
    }

    public static int coverage(ConsentCoverage c, List<ConsentCoverage.Row> coverageRows, Writer out) {
        List<String> header = new ArrayList<>(List.of("school", "name", "enrolled"));
        for (String item : c.items()) {
            header.add(item + " covered");
            header.add(item + " share");
        }
        List<List<Object>> rows = new ArrayList<>();
        for (ConsentCoverage.Row r : coverageRows) {
            List<Object> row = new ArrayList<>(List.of(r.school(), r.name(), r.enrolled()));
            for (String item : c.items()) {
                row.add(r.covered().get(item));
                row.add(text(r.share().get(item)));
            }
            rows.add(row);
        }
        return write(out, header, rows);
    }

    public static int acknowledgements(List<CoverageQueries.UnitCoverage> units, Writer out) {
        List<List<Object>> rows = new ArrayList<>();
        units.forEach(u -> rows.add(List.of(u.unitName(), u.total(), u.done(), u.outstanding(), u.overdue(), text(u.share()))));
        return write(out, List.of("unit", "staff", "acknowledged", "outstanding", "overdue", "share"), rows);
    }

    private static int write(Writer out, List<String> header, List<List<Object>> rows) {
        try {
            CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get());
            for (List<Object> row : rows) {
                printer.printRecord(row.stream().map(ReportCsv::safe).toList());
            }
            printer.flush();
            return rows.size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Object safe(Object value) {
        if (value instanceof String s && !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            return "'" + s;
        }
        return value;
    }

    private static String text(Double value) {
        return value == null ? "" : value.toString();
    }
}
