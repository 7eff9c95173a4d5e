package org.district.socialmedia.settings.entity;


import java.io.Serializable;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The District's rules for administrative rights on District accounts: when a school year ends
 * (the default end of a grant), how long before the end holders are told, the terms of the access
 * reviews and what happens to rights nobody confirmed; and how long an authorization from a request
 * decision lasts, which also follows the school year by default.
 */
public record RightsSettings(MonthDay schoolYearEnd, int noticeDaysBefore, List<ReviewTerm> reviewTerms,
                             List<Duration> reviewReminders, boolean lapseUnreviewed, AuthorizationTerm authorizationTerm)
        implements Serializable {

    /** One term's access review: it opens on {@code opens} and must be done by {@code deadline} (same calendar year). */
    public record ReviewTerm(MonthDay opens, MonthDay deadline) implements Serializable {

        public ReviewTerm {
            if (deadline.isBefore(opens)) {
                throw new IllegalArgumentException("An access review's deadline (" + deadline.toString().substring(2)
                        + ") cannot come before the day it opens (" + opens.toString().substring(2) + ") in the same year");
            }
        }

        @Override
        public String toString() {
            return opens.toString().substring(2) + "/" + deadline.toString().substring(2);
        }
    }

    /** A term placed in a year: the dates a review opens and is due. */
    public record TermDates(LocalDate opens, LocalDate deadline) {
    }

    public static final RightsSettings DEFAULTS = new RightsSettings(MonthDay.of(6, 30), 14,
            List.of(new ReviewTerm(MonthDay.of(9, 1), MonthDay.of(9, 30)), new ReviewTerm(MonthDay.of(2, 1), MonthDay.of(2, 28))),
            List.of(Duration.ofDays(7), Duration.ofDays(1)), false, AuthorizationTerm.DEFAULT);

    public RightsSettings {
        reviewTerms = List.copyOf(reviewTerms);
        reviewReminders = List.copyOf(reviewReminders);
        java.util.Objects.requireNonNull(authorizationTerm, "authorizationTerm");
        if (noticeDaysBefore < 0) {
            throw new IllegalArgumentException("noticeDaysBefore < 0");
        }
    }

    static RightsSettings of(Map<SettingKey, String> values) {
        return new RightsSettings(parseMonthDay(values.get(SettingKey.SCHOOL_YEAR_END)),
                java.time.Period.parse(values.get(SettingKey.GRANT_NOTICE_BEFORE)).getDays(),
                parseTerms(values.get(SettingKey.ACCESS_REVIEW_TERMS)),
                EscalationPlan.parseReminders(values.get(SettingKey.ACCESS_REVIEW_REMINDERS)),
                Boolean.parseBoolean(values.get(SettingKey.ACCESS_REVIEW_LAPSE)),
                AuthorizationTerm.parse(values.getOrDefault(SettingKey.AUTHORIZATION_TERM, AuthorizationTerm.SCHOOL_YEAR)));
    }

    /**
     * The default last day of a grant starting on {@code start}: the first end of a school year on or
     * after it, so a grant made on the last day of the year still lasts that day.
     */
    public LocalDate schoolYearEndOnOrAfter(LocalDate start) {
        LocalDate end = schoolYearEnd.atYear(start.getYear());
        return end.isBefore(start) ? schoolYearEnd.atYear(start.getYear() + 1) : end;
    }

    /** The term whose review opens on {@code day}, if any. */
    public Optional<TermDates> termOpeningOn(LocalDate day) {
        return reviewTerms.stream().map(t -> new TermDates(t.opens().atYear(day.getYear()), t.deadline().atYear(day.getYear())))
                .filter(t -> t.opens().equals(day)).findFirst();
    }

    /** The latest term that opened on or before {@code day} and whose deadline has not passed, if any. */
    public Optional<TermDates> termOpenOn(LocalDate day) {
        return reviewTerms.stream().map(t -> new TermDates(t.opens().atYear(day.getYear()), t.deadline().atYear(day.getYear())))
                .filter(t -> !t.opens().isAfter(day) && !t.deadline().isBefore(day))
                .max(java.util.Comparator.comparing(TermDates::opens));
    }

    static MonthDay parseMonthDay(String value) {
        String v = value == null ? "" : value.strip();
        try {
            return MonthDay.parse("--" + v);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + v + "' is not a month and day such as 06-30");
        }
    }

    static List<ReviewTerm> parseTerms(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        List<ReviewTerm> terms = new ArrayList<>();
        if (v.equals("none")) {
            return terms;
        }
        for (String part : v.split(",")) {
            String[] days = part.strip().split("/");
            if (days.length != 2) {
                throw new IllegalArgumentException("'" + part.strip() + "' is not a term such as 09-01/09-30 (opens/deadline)");
            }
            try {
                terms.add(new ReviewTerm(parseMonthDay(days[0]), parseMonthDay(days[1])));
            } catch (DateTimeException e) {
                throw new IllegalArgumentException(e.getMessage());
            }
        }
        if (terms.isEmpty()) {
            throw new IllegalArgumentException("Give at least one term such as 09-01/09-30, or none");
        }
        return terms;
    }

    static String canonicalTerms(String value) {
        List<ReviewTerm> terms = parseTerms(value);
        return terms.isEmpty() ? "none" : String.join(",", terms.stream().map(ReviewTerm::toString).toList());
    }
}
