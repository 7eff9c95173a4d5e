package org.district.socialmedia.requests.control;

import org.district.socialmedia.audit.entity.AuditEntry;
import org.district.socialmedia.platform.control.Labels;
import org.district.socialmedia.requests.entity.LineOutcome;
import org.district.socialmedia.requests.entity.RequestOutcome;
import org.district.socialmedia.requests.entity.RequestStatus;
import org.district.socialmedia.settings.entity.DayCounting;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A request's timeline entry as a sentence people read ("Submitted by Maria Lopez on 4 Dec 2026 at 9:14 AM; answer
 * due by 11 Dec 2026 at 11:59 PM (7 calendar days)"). The audit rows stay as recorded (the API and the audit log
 * show them so); only their rendering on the request page changes.
 */
public final class TimelineSentences {

    private static final String INSTANT = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?Z";
    private static final Pattern ANY_INSTANT = Pattern.compile(INSTANT);
    private static final Pattern SUBMITTED_DEADLINE = Pattern.compile("deadline: (" + INSTANT + ") \\((P\\S+), (\\w+) days\\)");
    private static final Pattern NEW_DEADLINE = Pattern.compile("new deadline (" + INSTANT + ")");
    private static final Pattern DECIDED = Pattern.compile("outcome: \"(\\w+)\"; by (.+?); lines: (.*)$");
    private static final Pattern ASKED_BY = Pattern.compile("by (.+)$");
    private static final Pattern AUTHORIZATION = Pattern.compile("authorization \\d+ \\((.+?)\\) (?:revoked by (.+?)|ended): (.*)$");
    private static final Pattern ESCALATION = Pattern.compile("\\S+ \\(due (" + INSTANT + ")\\) reached (?:\\[(.*?)]|nobody)(.*)$");
    private static final Pattern LINE_OUTCOME = Pattern.compile("(\\d+)=(\\w+)");
    private static final Pattern QUOTED_STATUS = Pattern.compile("\"(\\w+)\"");

    private static final Map<String, String> ESCALATIONS = Map.of(
            "ESCALATION_REMINDER", "Reminder about the coming deadline sent",
            "ESCALATION_OVERDUE", "Overdue notice sent",
            "ESCALATION_OVERDUE_REPEAT", "Repeated overdue notice sent");

    private final ZoneId zone;
    private final Function<String, String> fullName;

    /** {@code fullName} gives a username's full name, or the username itself when unknown. */
    public TimelineSentences(ZoneId zone, Function<String, String> fullName) {
        this.zone = zone;
        this.fullName = fullName;
    }

    public String sentence(AuditEntry e) {
        String details = e.getDetails() == null ? "" : e.getDetails();
        String who = fullName.apply(e.getActor());
        String when = " on " + Labels.dateTime(e.getOccurredAt(), zone);
        String action = e.getAction();
        if (ESCALATIONS.containsKey(action)) {
            Matcher m = ESCALATION.matcher(details);
            if (m.find()) {
                String to = m.group(2) == null || m.group(2).isBlank() ? "nobody" : Arrays.stream(m.group(2).split(",\\s*"))
                        .map(fullName).collect(Collectors.joining(", "));
                return ESCALATIONS.get(action) + when + " to " + to + " (it was due " + time(m.group(1)) + ")" + localTimes(m.group(3)) + ".";
            }
            return ESCALATIONS.get(action) + when + ".";
        }
        return switch (action) {
            case "REQUEST_DRAFTED" -> "Draft saved by " + who + when + lines(details);
            case "REQUEST_LINES_CHANGED" -> "Draft changed by " + who + when + lines(details);
            case "REQUEST_SUBMITTED" -> {
                Matcher m = SUBMITTED_DEADLINE.matcher(details);
                yield "Submitted by " + who + when + (m.find()
                        ? "; answer due by " + time(m.group(1)) + " (" + period(m.group(2), m.group(3)) + ")." : ".");
            }
            case "REQUEST_INFO_ANSWERED" -> {
                Matcher m = NEW_DEADLINE.matcher(details);
                yield "Information given by " + who + when + (m.find() ? "; new answer due by " + time(m.group(1)) + "." : ".");
            }
            case "REQUEST_INFO_REQUESTED" -> {
                Matcher m = ASKED_BY.matcher(details);
                yield "More information asked for by " + (m.find() ? m.group(1) : who) + when + "; the clock stops until the employee answers.";
            }
            case "REQUEST_DECIDED" -> {
                Matcher m = DECIDED.matcher(details);
                if (!m.find()) {
                    yield "Answered by " + who + when + ".";
                }
                String lines = LINE_OUTCOME.matcher(m.group(3)).results()
                        .map(r -> "platform " + r.group(1) + ": " + Labels.of(LineOutcome.class, r.group(2)).toLowerCase(Labels.LOCALE))
                        .collect(Collectors.joining("; "));
                yield "Answered by " + m.group(2) + when + ": " + Labels.of(RequestOutcome.class, m.group(1))
                        + (lines.isEmpty() ? "" : " (" + lines + ")") + ".";
            }
            case "REQUEST_WITHDRAWN" -> "Withdrawn by " + who + when + ".";
            case "LETTER_DOWNLOADED" -> "Written response (" + details + ") downloaded by " + who + when + ".";
            case "AUTHORIZATION_REVOKED", "AUTHORIZATION_ENDED_OFFBOARDING" -> {
                Matcher m = AUTHORIZATION.matcher(details);
                if (!m.find()) {
                    yield "Authorization ended by " + who + when + ".";
                }
                yield m.group(2) != null
                        ? "Authorization for " + m.group(1) + " revoked by " + m.group(2) + when + ": " + m.group(3)
                        : "Authorization for " + m.group(1) + " ended when its holder left the District" + when + ": " + m.group(3);
            }
            default -> words(action) + " by " + who + when + (details.isBlank() ? "." : ": " + statuses(localTimes(details)));
        };
    }

    private String lines(String details) {
        return details.isBlank() ? "." : ": " + details;
    }

    private String time(String instant) {
        return Labels.dateTime(Instant.parse(instant), zone);
    }

    private String localTimes(String text) {
        return ANY_INSTANT.matcher(text).replaceAll(r -> Matcher.quoteReplacement(time(r.group())));
    }

    private static String statuses(String text) {
        return QUOTED_STATUS.matcher(text).replaceAll(r -> Matcher.quoteReplacement(Labels.of(RequestStatus.class, r.group(1))));
    }

    /** An escalation stage's key in words: "REMINDER_P2D" reads "Reminder, 2 days before the deadline". */
    public static String stage(String key) {
        if (key == null) {
            return "";
        }
        if (key.startsWith("REMINDER_")) {
            String iso = key.substring("REMINDER_".length());
            try {
                Duration before = iso.contains("T") ? Duration.parse(iso) : Duration.ofDays(Period.parse(iso).getDays());
                return "Reminder, " + Labels.duration(before) + " before the deadline";
            } catch (DateTimeParseException e) {
                return "Reminder";
            }
        }
        if (key.equals("OVERDUE")) {
            return "Overdue notice, at the deadline";
        }
        if (key.startsWith("OVERDUE_REPEAT_")) {
            return "Overdue notice repeated (" + key.substring("OVERDUE_REPEAT_".length()) + ")";
        }
        return words(key);
    }

    /** "P7D" with "calendar" reads "7 calendar days"; an exact duration ("PT5M") reads "5 minutes". */
    static String period(String iso, String counting) {
        try {
            if (!iso.contains("T")) {
                DayCounting unit = "school".equalsIgnoreCase(counting) ? DayCounting.SCHOOL : DayCounting.CALENDAR;
                return Labels.days(Period.parse(iso).getDays(), unit);
            }
            return Labels.duration(Duration.parse(iso));
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    private static String words(String action) {
        String text = action.replace('_', ' ').toLowerCase(Labels.LOCALE);
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
