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
        Map<YearMonth, List<ResponseCell>> byMonth = new TreeMap<>();
        for (YearMonth m = YearMonth.from(period.from()); !m.isAfter(YearMonth.from(period.to())); m = m.plusMonths(1)) {
            byMonth.put(m, new ArrayList<>());
        }
        Map<String, List<ResponseCell>> byReviewer = new TreeMap<>();
        Map<String, Long> kinds = new LinkedHashMap<>();
        kindLabels.keySet().forEach(k -> kinds.put(k, 0L));
        for (ResponseCell c : cells) {
            byMonth.computeIfAbsent(YearMonth.from(c.day()), m -> new ArrayList<>()).add(c);
            byReviewer.computeIfAbsent(c.reviewer(), k -> new ArrayList<>()).add(c);
            kinds.merge(c.kind(), c.count(), Long::sum);
        }
        List<MonthFigures> months = new ArrayList<>();
        byMonth.forEach((month, list) -> months.add(new MonthFigures(month.toString(), answered(list), late(list),
                Durations.share(answered(list) - late(list), answered(list)), Durations.medianHoursOfClasses(times(list)))));
        List<ReviewerFigures> reviewers = new ArrayList<>();
        byReviewer.forEach((reviewer, list) -> reviewers.add(new ReviewerFigures(reviewer, answered(list), late(list),
                Durations.share(answered(list) - late(list), answered(list)), Durations.medianHoursOfClasses(times(list)))));
        List<Count> outcomes = new ArrayList<>();
        kinds.forEach((kind, count) -> outcomes.add(new Count(kind, kindLabels.getOrDefault(kind, kind), count)));
        List<Count> ages = new ArrayList<>();
        for (AgeBand band : AgeBand.values()) {
            ages.add(new Count(band.name(), band.label(), openByAge.getOrDefault(band, 0L)));
        }
        List<ResponseCell> all = List.copyOf(cells);
        long answered = answered(all);
        long late = late(all);
        return new RequestFigures(period.from().toString(), period.to().toString(), Durations.share(answered - late, answered),
                answered, late, Durations.medianHoursOfClasses(times(all)), Durations.p90HoursOfClasses(times(all)), months,
                reviewers, outcomes, ages);
    }

    private static long answered(List<ResponseCell> list) {
        return list.stream().mapToLong(ResponseCell::count).sum();
    }

    private static long late(List<ResponseCell> list) {
        return list.stream().filter(c -> !c.onTime()).mapToLong(ResponseCell::count).sum();
    }

    private static List<TimeClass> times(List<ResponseCell> list) {
        return list.stream().map(ResponseCell::time).toList();
    }

    /** How many requests are open now, whatever their age. */
    public long open() {
        return openByAge.stream().mapToLong(Count::count).sum();
    }
}
