package org.district.socialmedia.platform.control;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Logs a failure that repeats (the database is down, every request and every timer run fails the same
 * way) once per period with a count, instead of once per occurrence: the first failure of a kind at
 * WARN, then at most one WARN line per period saying how often it failed meanwhile, and one INFO line
 * when it works again. Two outages of a few seconds used to write 42,000 lines; now a few. The state is
 * this server's own (only what it logs), so several servers need not agree on it.
 */
public final class LogThrottle {

    /** How often a failure that goes on is logged again. */
    public static final Duration PERIOD = Duration.ofMinutes(1);

    private final Logger log;
    private final Clock clock;
    private final Duration period;
    private final Map<String, Episode> episodes = new ConcurrentHashMap<>();

    public LogThrottle(Logger log) {
        this(log, Clock.systemUTC(), PERIOD);
    }

    LogThrottle(Logger log, Clock clock, Duration period) {
        this.log = log;
        this.clock = clock;
        this.period = period;
    }

    /** One failure of a kind ("database", "mail relay"...); logged when it is the first or a period has passed. */
    public void failed(String kind, String problem, Throwable cause) {
        Instant now = clock.instant();
        Episode episode = episodes.computeIfAbsent(kind, k -> new Episode(now));
        String line = null;
        boolean first;
        synchronized (episode) {
            episode.count++;
            episode.lastProblem = problem;
            first = episode.count == 1;
            if (first) {
                episode.lastLogged = now;
                line = kind + " failing: " + problem;
            } else if (!now.isBefore(episode.lastLogged.plus(period))) {
                line = kind + " still failing: " + (episode.count - episode.countLogged) + " more failures since "
                        + episode.lastLogged + ", the last: " + problem;
                episode.lastLogged = now;
            }
            if (line != null) {
                episode.countLogged = episode.count;
            }
        }
        if (line != null) {
            // the first time with its stack trace one level down, for whoever needs to dig
            log.warning(line);
            if (first && cause != null) {
                log.log(Level.FINE, kind + " failure", cause);
            }
        }
    }

    /** The kind works (again): one INFO line if it had failed, nothing otherwise. */
    public void recovered(String kind) {
        if (episodes.isEmpty()) {
            return;
        }
        Episode episode = episodes.remove(kind);
        if (episode != null) {
            log.info(kind + " works again after " + episode.count + " failures since " + episode.since
                    + " (" + Duration.between(episode.since, clock.instant()).toSeconds() + " s)");
        }
    }

    /** Whether the kind is failing now (between a failure and its recovery). */
    public boolean isFailing(String kind) {
        return episodes.containsKey(kind);
    }

    private static final class Episode {
        private final Instant since;
        private Instant lastLogged;
        private long count;
        private long countLogged;
        private String lastProblem;

        private Episode(Instant since) {
            this.since = since;
            this.lastLogged = since;
        }
    }
}
