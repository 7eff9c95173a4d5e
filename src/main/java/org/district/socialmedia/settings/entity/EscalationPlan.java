package org.district.socialmedia.settings.entity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The escalation stages of one review period, from the rules in force when the request was
 * submitted: reminders before the deadline (e.g. P2D,P1D), the deadline itself (OVERDUE), then a
 * repeat while overdue (e.g. every P1D). Answers the sweep's two questions: which stage is due now
 * (only the LATEST reached: after downtime one message, not a flood), and when to look again.
 */
public final class EscalationPlan {

    /** A stage: its key (unique per request and review period) and when it falls due. */
    public record Stage(String key, Instant dueAt, Kind kind) {
    }

    public enum Kind { REMINDER, OVERDUE, OVERDUE_REPEAT }

    /** The stage to fire now, and the stages passed over because the sweep came late. */
    public record Due(Stage stage, List<Stage> skipped) {
        public boolean late(Duration tolerance, Instant now) {
            return !skipped.isEmpty() || Duration.between(stage.dueAt(), now).compareTo(tolerance) > 0;
        }
    }

    static final int MAX_REPEATS = 1000;

    private final Instant deadline;
    private final List<Duration> reminders;
    private final Duration repeat;

    public EscalationPlan(Instant deadline, List<Duration> remindersBefore, Duration overdueRepeat) {
        this.deadline = deadline;
        this.reminders = remindersBefore.stream().filter(d -> !d.isNegative() && !d.isZero())
                .sorted(Comparator.reverseOrder()).distinct().toList();
        if (overdueRepeat == null || overdueRepeat.isZero() || overdueRepeat.isNegative()) {
            throw new IllegalArgumentException("The overdue repeat must be a positive duration");
        }
        this.repeat = overdueRepeat;
    }

    /** "P2D,P1D" to durations; refuses what is not a list of positive ISO-8601 durations. */
    public static List<Duration> parseReminders(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<Duration> result = new ArrayList<>();
        for (String part : text.split(",")) {
            String p = part.strip().toUpperCase(Locale.ROOT);
            if (p.isEmpty()) {
                continue;
            }
            Duration d;
            try {
                d = Duration.parse(p);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("'" + part.strip() + "' is not an ISO-8601 duration such as P2D or PT12H");
            }
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("A reminder comes a positive time before the deadline: '" + part.strip() + "'");
            }
            result.add(d);
        }
        return result;
    }

    /** Canonical text of a reminder list: longest first, e.g. "P2D,P1D" (Duration prints days as hours). */
    public static String format(Collection<Duration> reminders) {
        return String.join(",", reminders.stream().sorted(Comparator.reverseOrder()).distinct().map(EscalationPlan::iso).toList());
    }

    public static String iso(Duration d) {
        if (!d.isZero() && d.toSeconds() % 86_400 == 0) {
            return "P" + d.toDays() + "D";
        }
        return d.toString();
    }

    /** The stages up to the given instant, in time order (reminders whose time is before submission are kept: the sweep skips them). */
    public List<Stage> stagesUntil(Instant until) {
        List<Stage> stages = new ArrayList<>();
        for (int i = 0; i < reminders.size(); i++) {
            stages.add(new Stage("REMINDER_" + iso(reminders.get(i)), deadline.minus(reminders.get(i)), Kind.REMINDER));
        }
        stages.add(new Stage("OVERDUE", deadline, Kind.OVERDUE));
        for (int n = 1; n <= MAX_REPEATS; n++) {
            Instant at = deadline.plus(repeat.multipliedBy(n));
            if (at.isAfter(until)) {
                break;
            }
            stages.add(new Stage("OVERDUE_REPEAT_" + n, at, Kind.OVERDUE_REPEAT));
        }
        stages.sort(Comparator.comparing(Stage::dueAt));
        return stages;
    }

    /**
     * The latest stage due at {@code now} that comes after every stage already done (and after
     * {@code notBefore}, the start of the review period: a reminder that fell before the request was
     * even submitted is never sent). Empty when nothing new is due.
     */
    public Optional<Due> due(Instant now, Instant notBefore, Collection<String> done) {
        List<Stage> stages = stagesUntil(now);
        Instant lastDone = stages.stream().filter(s -> done.contains(s.key())).map(Stage::dueAt).max(Comparator.naturalOrder())
                .orElse(notBefore);
        List<Stage> open = stages.stream()
                .filter(s -> !s.dueAt().isAfter(now) && s.dueAt().isAfter(lastDone) && !done.contains(s.key()))
                .filter(s -> !s.dueAt().isBefore(notBefore))
                .toList();
        if (open.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Due(open.get(open.size() - 1), open.subList(0, open.size() - 1)));
    }

    /** When the next stage after {@code now} falls due. */
    public Instant nextAfter(Instant now) {
        return stagesUntil(now.plus(repeat)).stream().map(Stage::dueAt).filter(t -> t.isAfter(now)).min(Comparator.naturalOrder())
                .orElse(deadline.plus(repeat.multipliedBy(
                        Math.max(1, Duration.between(deadline, now).dividedBy(repeat) + 1))));
    }
}
