package org.district.socialmedia.acknowledgements.entity;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One staff member's stages for one acknowledgement: the notice when the obligation starts, a reminder at each
 * ACK_REMINDERS duration before the end (only those after the start), and the overdue notice at the end.
 * Like request escalation, a sweep that comes late sends only the latest stage reached, once.
 */
public record AckPlan(Instant assignedAt, Instant dueAt, List<Duration> remindersBefore) {

    public enum Kind { NOTICE, REMINDER, OVERDUE }

    public record Stage(String key, Kind kind, Instant dueAt) {
    }

    public AckPlan {
        if (!dueAt.isAfter(assignedAt)) {
            throw new IllegalArgumentException("The acknowledgement period must be positive");
        }
        remindersBefore = List.copyOf(remindersBefore);
    }

    public static AckPlan of(Instant assignedAt, Duration period, List<Duration> remindersBefore) {
        return new AckPlan(assignedAt, assignedAt.plus(period), remindersBefore);
    }

    /** "P7D,P2D" as durations; "none" or empty for no reminders. */
    public static List<Duration> parseReminders(String text) {
        if (text == null || text.isBlank() || "none".equalsIgnoreCase(text.strip())) {
            return List.of();
        }
        try {
            return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(Duration::parse).toList();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Reminders are ISO-8601 durations separated by commas, such as P7D,P2D: " + text);
        }
    }

    /** The stages in time order; reminders that would fall at or before the start are left out. */
    public List<Stage> stages() {
        List<Stage> stages = new ArrayList<>();
        stages.add(new Stage("notice", Kind.NOTICE, assignedAt));
        remindersBefore.stream().distinct().filter(r -> !r.isNegative() && !r.isZero())
                .map(r -> new Stage("reminder-" + r, Kind.REMINDER, dueAt.minus(r)))
                .filter(s -> s.dueAt().isAfter(assignedAt) && s.dueAt().isBefore(dueAt))
                .forEach(stages::add);
        stages.add(new Stage("overdue", Kind.OVERDUE, dueAt));
        stages.sort(Comparator.comparing(Stage::dueAt).thenComparing(s -> s.kind().ordinal()));
        return List.copyOf(stages);
    }

    /** The latest stage reached by now, unless it (or a later one) was done already; earlier missed stages are not sent. */
    public Optional<Stage> due(Instant now, Set<String> done) {
        List<Stage> reached = stages().stream().filter(s -> !s.dueAt().isAfter(now)).toList();
        if (reached.isEmpty()) {
            return Optional.empty();
        }
        Stage latest = reached.get(reached.size() - 1);
        return done.contains(latest.key()) ? Optional.empty() : Optional.of(latest);
    }

    /** When to look next: the first stage after now, or null when the overdue notice is behind. */
    public Instant nextAfter(Instant now) {
        return stages().stream().map(Stage::dueAt).filter(t -> t.isAfter(now)).findFirst().orElse(null);
    }

    public boolean isOverdue(Instant now) {
        return !now.isBefore(dueAt);
    }
}
