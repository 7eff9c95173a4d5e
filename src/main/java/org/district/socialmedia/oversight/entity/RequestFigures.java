package org.district.socialmedia.oversight.entity;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The review's figures over a period: how many written responses, how many after their deadline, the
 * on-time rate (a fraction, null without responses), the median and 90th-percentile time to answer
 * in hours, per month (District time) and per reviewer, the responses by kind, and the requests open
 * now by age. The field names are the API's contract (docs/api.md).
 */
public record RequestFigures(String from, String to, Double onTimeRate, long answered, long late, Double medianHours,
                             Double p90Hours, List<MonthFigures> byMonth, List<ReviewerFigures> byReviewer,
                             List<Count> outcomes, List<Count> openByAge) implements Serializable {

    public record MonthFigures(String month, long answered, long late, Double onTimeRate, Double medianHours)
            implements Serializable {
    }

    public record ReviewerFigures(String reviewer, long answered, long late, Double onTimeRate, Double medianHours)
            implements Serializable {
    }

    /** A labelled count: {"key":"REJECTED","label":"Rejected in its entirety","count":3}. */
    public record Count(String key, String label, long count) implements Serializable {
    }

    /** The age bands of open requests, by whole days since submission. */
    public enum AgeBand {
        UP_TO_2_DAYS("0 to 2 days", 0), UP_TO_7_DAYS("3 to 7 days", 3), UP_TO_14_DAYS("8 to 14 days", 8),
        OVER_14_DAYS("over 14 days", 15);

        private final String label;
        private final long fromDays;

        AgeBand(String label, long fromDays) {
            this.label = label;
            this.fromDays = fromDays;
        }

        public String label() {
            return label;
        }

        /** The youngest age in the band. */
        public Duration from() {
            return Duration.ofDays(fromDays);
        }

        public static AgeBand of(Duration age) {
            long days = age.toDays();
            AgeBand band = UP_TO_2_DAYS;
            for (AgeBand b : values()) {
                if (days >= b.fromDays) {
                    band = b;
                }
            }
            return band;
        }
    }

    /**
     * @param responses     the responses given in the period
     * @param kindLabels    each response kind in the order to show, with its label
     * @param openSubmitted when each request open now was submitted
     */
    public static RequestFigures of(ReportPeriod period, Collection<ReviewResponse> responses, Map<String, String> kindLabels,
                                    Collection<Instant> openSubmitted, Instant now) {
        Map<AgeBand, Long> ages = new EnumMap<>(AgeBand.class);
        for (Instant submitted : openSubmitted) {
            ages.merge(AgeBand.of(Duration.between(submitted, now)), 1L, Long::sum);
        }
        return ofCells(period, responses.stream().map(r -> ResponseCell.of(r, period.zone())).toList(), kindLabels, ages);
    }

    /**
     * The same figures from responses grouped as the daily roll-ups keep them (a response alone is a cell of one).
     *
     * @param cells     the responses given in the period
     * @param openByAge how many requests open now in each age band
     */
    public static RequestFigures ofCells(ReportPeriod period, Collection<ResponseCell> cells, Map<String, String> kindLabels,
                                         Map<AgeBand, Long> openByAge) {
        Map<ResponseCount, Long> counts = new LinkedHashMap<>();
        List<AnswerTimes.Tenth> tenths = new ArrayList<>();
        for (ResponseCell c : cells) {
            YearMonth month = YearMonth.from(c.day());
            counts.merge(new ResponseCount(month, c.reviewer(), c.kind(), c.onTime(), 0), c.count(), Long::sum);
            tenths.add(new AnswerTimes.Tenth(month, c.reviewer(), c.time()));
        }
        List<ResponseCount> summed = new ArrayList<>();
        counts.forEach((k, n) -> summed.add(new ResponseCount(k.month(), k.reviewer(), k.kind(), k.onTime(), n)));
        return of(period, summed, AnswerTimes.of(tenths), kindLabels, openByAge);
    }

    /**
     * The figures from the responses counted by month, reviewer, kind and on time or late, and their times to answer.
     *
     * @param counts    the responses given in the period, counted
     * @param times     the same responses' times to answer
     * @param openByAge how many requests open now in each age band
     */
    public static RequestFigures of(ReportPeriod period, Collection<ResponseCount> counts, AnswerTimes times,
                                    Map<String, String> kindLabels, Map<AgeBand, Long> openByAge) {
        Map<YearMonth, long[]> byMonth = new TreeMap<>();
        for (YearMonth m = YearMonth.from(period.from()); !m.isAfter(YearMonth.from(period.to())); m = m.plusMonths(1)) {
            byMonth.put(m, new long[2]);
        }
        Map<String, long[]> byReviewer = new TreeMap<>();
        Map<String, Long> kinds = new LinkedHashMap<>();
        kindLabels.keySet().forEach(k -> kinds.put(k, 0L));
        long[] all = new long[2];
        for (ResponseCount c : counts) {
            for (long[] sums : List.of(byMonth.computeIfAbsent(c.month(), m -> new long[2]),
                    byReviewer.computeIfAbsent(c.reviewer(), r -> new long[2]), all)) {
                // [answered, late]
                sums[0] += c.count();
                sums[1] += c.onTime() ? 0 : c.count();
            }
            kinds.merge(c.kind(), c.count(), Long::sum);
        }
        // every median's and the 90th percentile's tenths in one read, not one read per figure
        List<AnswerTimes.Scope> medians = new ArrayList<>();
        medians.add(AnswerTimes.Scope.ALL);
        byMonth.forEach((month, n) -> {
            if (n[0] > 0) {
                medians.add(AnswerTimes.Scope.month(month));
            }
        });
        byReviewer.forEach((reviewer, n) -> {
            if (n[0] > 0) {
                medians.add(AnswerTimes.Scope.reviewer(reviewer));
            }
        });
        times.readHoursOf(medians, List.of(AnswerTimes.Scope.ALL));
        List<MonthFigures> months = new ArrayList<>();
        byMonth.forEach((month, n) -> months.add(new MonthFigures(month.toString(), n[0], n[1], Durations.share(n[0] - n[1], n[0]),
                n[0] == 0 ? null : times.medianHours(AnswerTimes.Scope.month(month)))));
        List<ReviewerFigures> reviewers = new ArrayList<>();
        byReviewer.forEach((reviewer, n) -> reviewers.add(new ReviewerFigures(reviewer, n[0], n[1], Durations.share(n[0] - n[1], n[0]),
                n[0] == 0 ? null : times.medianHours(AnswerTimes.Scope.reviewer(reviewer)))));
        List<Count> outcomes = new ArrayList<>();
        kinds.forEach((kind, count) -> outcomes.add(new Count(kind, kindLabels.getOrDefault(kind, kind), count)));
        List<Count> ages = new ArrayList<>();
        for (AgeBand band : AgeBand.values()) {
            ages.add(new Count(band.name(), band.label(), openByAge.getOrDefault(band, 0L)));
        }
        return new RequestFigures(period.from().toString(), period.to().toString(), Durations.share(all[0] - all[1], all[0]),
                all[0], all[1], times.medianHours(AnswerTimes.Scope.ALL), times.p90Hours(AnswerTimes.Scope.ALL), months,
                reviewers, outcomes, ages);
    }

    /** Responses of one month and reviewer, of one kind, on time or late: how many. */
    public record ResponseCount(YearMonth month, String reviewer, String kind, boolean onTime, long count) implements Serializable {
    }

    /** How many requests are open now, whatever their age. */
    public long open() {
        return openByAge.stream().mapToLong(Count::count).sum();
    }
}
