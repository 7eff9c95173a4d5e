package org.district.socialmedia.accounts.entity;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The notices of one account checklist due on {@code dueOn}: a reminder at each ATTESTATION_REMINDERS duration
 * before the start of the due day, and the overdue notice at the start of the day after. Each stage's key names
 * the due date, so the next year's checklist has keys of its own. A sweep that comes late sends only the latest
 * stage reached, once (as request escalation and acknowledgements do).
 */
public record AttestationPlan(LocalDate dueOn, ZoneId zone, List<Duration> remindersBefore) {

    public static final String OVERDUE = "OVERDUE";

    public record Stage(String key, boolean overdue, Instant at) {
    }

    public AttestationPlan {
        remindersBefore = List.copyOf(remindersBefore);
    }

    /** The first instant the checklist is overdue: the start of the day after its due date, in the District's zone. */
    public static Instant overdueAt(LocalDate dueOn, ZoneId zone) {
        return dueOn.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** The stages in time order; a reminder key is its duration and the due date, e.g. "P30D 2027-09-01". */
    public List<Stage> stages() {
        Instant dueDayStarts = dueOn.atStartOfDay(zone).toInstant();
        List<Stage> stages = new ArrayList<>();
        remindersBefore.stream().distinct().filter(r -> !r.isNegative() && !r.isZero())
                .map(r -> new Stage(iso(r) + " " + dueOn, false, dueDayStarts.minus(r)))
                .forEach(stages::add);
        stages.add(new Stage(OVERDUE + " " + dueOn, true, overdueAt(dueOn, zone)));
        stages.sort(Comparator.comparing(Stage::at).thenComparing(Stage::overdue));
        return List.copyOf(stages);
    }

    /** The latest stage reached by now, unless it was done already; earlier missed reminders are not sent. */
    public Optional<Stage> due(Instant now, Set<String> done) {
        List<Stage> reached = stages().stream().filter(s -> !s.at().isAfter(now)).toList();
        if (reached.isEmpty()) {
            return Optional.empty();
        }
        Stage latest = reached.get(reached.size() - 1);
        return done.contains(latest.key()) ? Optional.empty() : Optional.of(latest);
    }

    /**
     * When the timer looks next: now when a stage is reached and not done, otherwise the next stage's time, or null
     * when the overdue notice is behind (nothing more until the checklist is signed off).
     */
    public Instant nextCheck(Instant now, Set<String> done) {
        if (due(now, done).isPresent()) {
            return now;
        }
        return stages().stream().map(Stage::at).filter(t -> t.isAfter(now)).findFirst().orElse(null);
    }

    /** "P30D" rather than Duration's "PT720H", for keys and mail a person reads. */
    static String iso(Duration d) {
        return d.toSeconds() % 86_400 == 0 ? "P" + d.toDays() + "D" : d.toString();
    }
}
