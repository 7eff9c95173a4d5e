package org.district.socialmedia.operations.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import org.district.socialmedia.notifications.entity.OutboxMessage;
import org.district.socialmedia.platform.control.Degradations;
import org.district.socialmedia.platform.control.HealthProbe;
import org.district.socialmedia.platform.control.SweepHealth;
import org.district.socialmedia.platform.entity.HealthStatus;
import org.district.socialmedia.platform.entity.SweepLag;
import org.district.socialmedia.platform.entity.SweepStatus;
import org.district.socialmedia.requests.entity.RequestStatus;
import org.district.socialmedia.security.entity.LoginLock;
import org.district.socialmedia.settings.boundary.DistrictSettingsService;
import org.district.socialmedia.settings.entity.SecuritySettings;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The database's figures behind the smu_* gauges (docs/operations.md#monitoring), read together and kept
 * for a few seconds, so that a scrape costs one set of reads however many gauges it asks. Every read is a
 * count or a minimum over an index, or over the few rows that wait (unsent mail, open requests). Several
 * servers share one database, so each reports the same figures: a dashboard takes max(), not sum().
 */
@ApplicationScoped
public class MonitoringFigures {

    static final Duration KEEP = Duration.ofSeconds(5);
    static final int LOCK_CANDIDATES_MAX = 500;
    private static final Logger LOG = Logger.getLogger(MonitoringFigures.class.getName());

    /** Open requests by age band: since submission while the review clock runs, then overdue. */
    public enum AgeBand { UNDER_2D, FROM_2D_TO_5D, OVER_5D, OVERDUE, INFO_REQUESTED }

    /** One reading; NaN where the database did not answer or there is nothing to measure. */
    public record Figures(double outboxPending, double outboxFailed, double oldestPendingSeconds,
                          Map<String, Double> sweepLagSeconds, Map<String, Double> sweepFailures,
                          double escalationStagesLastHour, double rightsNoticesLastHour, Map<AgeBand, Double> openRequests,
                          double lockedUsernames, double importLastSuccessSeconds, HealthStatus health) {
    }

    @PersistenceContext
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    SweepHealth sweeps;
    @Inject
    HealthProbe probe;
    @Inject
    Degradations degradations;
    @Inject
    DistrictSettingsService settings;

    private Figures kept;
    private long keptAt;

    public synchronized Figures figures() {
        if (kept == null || System.nanoTime() - keptAt > KEEP.toNanos()) {
            kept = read();
            keptAt = System.nanoTime();
        }
        return kept;
    }

    private Figures read() {
        String database = probe.database();
        String timers = probe.timerService();
        if (!HealthStatus.PART_UP.equals(database)) {
            return unknown(HealthStatus.DOWN);
        }
        try {
            Instant now = clock.instant();
            HealthStatus health = HealthStatus.of(database, timers, degradations.reasons());
            Map<String, Double> lag = new LinkedHashMap<>();
            Map<String, Double> failures = new LinkedHashMap<>();
            for (SweepStatus s : sweeps.statuses()) {
                Long seconds = SweepLag.seconds(s, now);
                lag.put(s.getName(), seconds == null ? Double.NaN : seconds);
                failures.put(s.getName(), (double) s.getLastFailures());
            }
            // columns, not MIN()/MAX() of them: EclipseLink applies the Instant converter to a column only (PostgreSQL)
            Instant oldest = first(em.createQuery("SELECT m.createdAt FROM OutboxMessage m WHERE m.status = :pending ORDER BY m.createdAt",
                    Instant.class).setParameter("pending", OutboxMessage.Status.PENDING));
            Instant hourAgo = now.minus(Duration.ofHours(1));
            Instant lastImport = first(em.createQuery("SELECT e.occurredAt FROM AuditEntry e WHERE e.action = 'ROSTER_IMPORTED'"
                    + " ORDER BY e.occurredAt DESC, e.id DESC", Instant.class));
            return new Figures(outbox(OutboxMessage.Status.PENDING) + outbox(OutboxMessage.Status.SENDING),
                    outbox(OutboxMessage.Status.FAILED), oldest == null ? 0 : seconds(oldest, now), lag, failures,
                    count("SELECT COUNT(e) FROM EscalationEvent e WHERE e.firedAt >= :t", hourAgo),
                    count("SELECT COUNT(n) FROM RightsNotice n WHERE n.firedAt >= :t", hourAgo),
                    openRequests(now), lockedUsernames(now), lastImport == null ? Double.NaN : seconds(lastImport, now), health);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Monitoring figures not read", e);
            return unknown(HealthStatus.of(probe.database(), timers, List.of()));
        }
    }

    private Map<AgeBand, Double> openRequests(Instant now) {
        Instant twoDays = now.minus(Duration.ofDays(2));
        Instant fiveDays = now.minus(Duration.ofDays(5));
        String submitted = "SELECT COUNT(r) FROM SocialMediaRequest r WHERE r.status = :status";
        Map<AgeBand, Double> bands = new LinkedHashMap<>();
        bands.put(AgeBand.UNDER_2D, requests(submitted + " AND r.submittedAt > :newer", twoDays, null));
        bands.put(AgeBand.FROM_2D_TO_5D, requests(submitted + " AND r.submittedAt <= :newer AND r.submittedAt > :older", twoDays, fiveDays));
        bands.put(AgeBand.OVER_5D, requests(submitted + " AND r.submittedAt <= :older", null, fiveDays));
        bands.put(AgeBand.OVERDUE, (double) em.createQuery("SELECT COUNT(r) FROM SocialMediaRequest r WHERE r.status = :status", Long.class)
                .setParameter("status", RequestStatus.OVERDUE).getSingleResult());
        bands.put(AgeBand.INFO_REQUESTED, (double) em.createQuery("SELECT COUNT(r) FROM SocialMediaRequest r WHERE r.status = :status", Long.class)
                .setParameter("status", RequestStatus.INFO_REQUESTED).getSingleResult());
        return bands;
    }

    private double requests(String query, Instant newer, Instant older) {
        var q = em.createQuery(query, Long.class).setParameter("status", RequestStatus.SUBMITTED);
        if (newer != null) {
            q.setParameter("newer", newer);
        }
        if (older != null) {
            q.setParameter("older", older);
        }
        return q.getSingleResult();
    }

    /**
     * Usernames locked now (LoginLock). Only a username with at least the lock's number of failures within
     * the lock's reach can be locked; each such one is checked exactly, up to LOCK_CANDIDATES_MAX.
     */
    private double lockedUsernames(Instant now) {
        SecuritySettings rules = settings.current().security();
        if (rules.lockFailures() <= 0) {
            return 0;
        }
        Instant reach = now.minus(rules.lockDuration()).minus(rules.lockWindow());
        List<String> candidates = em.createQuery("SELECT f.username FROM LoginFailure f WHERE f.failedAt > :reach"
                        + " GROUP BY f.username HAVING COUNT(f) >= :n", String.class)
                .setParameter("reach", reach).setParameter("n", (long) rules.lockFailures())
                .setMaxResults(LOCK_CANDIDATES_MAX).getResultList();
        return candidates.stream().filter(username -> LoginLock.lockedUntil(em.createQuery(
                        "SELECT f.failedAt FROM LoginFailure f WHERE f.username = :u ORDER BY f.failedAt DESC", Instant.class)
                .setParameter("u", username).setMaxResults(rules.lockFailures()).getResultList(), rules, now).isPresent()).count();
    }

    private double outbox(OutboxMessage.Status status) {
        return em.createQuery("SELECT COUNT(m) FROM OutboxMessage m WHERE m.status = :s", Long.class)
                .setParameter("s", status).getSingleResult();
    }

    private double count(String query, Instant since) {
        return em.createQuery(query, Long.class).setParameter("t", since).getSingleResult();
    }

    private static Instant first(TypedQuery<Instant> query) {
        return query.setMaxResults(1).getResultStream().findFirst().orElse(null);
    }

    private static double seconds(Instant since, Instant now) {
        return Math.max(0, Duration.between(since, now).toSeconds());
    }

    private static Figures unknown(HealthStatus health) {
        return new Figures(Double.NaN, Double.NaN, Double.NaN, Map.of(), Map.of(), Double.NaN, Double.NaN, Map.of(),
                Double.NaN, Double.NaN, health);
    }
}
