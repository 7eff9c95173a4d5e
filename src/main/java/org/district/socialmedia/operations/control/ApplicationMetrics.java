package org.district.socialmedia.operations.control;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.district.socialmedia.operations.control.MonitoringFigures.AgeBand;
import org.district.socialmedia.operations.control.MonitoringFigures.Figures;
import org.district.socialmedia.platform.entity.HealthStatus;
import org.district.socialmedia.platform.entity.SweepStatus;
import org.district.socialmedia.security.control.SignInCounters;
import org.district.socialmedia.students.control.RosterImportActivity;

import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The application's meters, registered once with the MeterRegistry that WildFly's micrometer subsystem
 * gives the deployment (server-config/configure-metrics.cli, which the deployment needs) and served with
 * WildFly's own in Prometheus format. Names and meanings: docs/operations.md#monitoring; a dashboard and
 * alert rules: docs/monitoring/. Registered through the registry's own methods, not Gauge.builder(): the
 * deployment's registry passes only those on to the server's Prometheus registry.
 * A CDI bean, not an EJB: on a server without the micrometer subsystem (no io.micrometer classes for the
 * deployment) CDI leaves it out and the application deploys without meters, where an EJB would fail it.
 */
@ApplicationScoped
public class ApplicationMetrics {

    static final String[] SWEEPS = {SweepStatus.ESCALATION, SweepStatus.ACCOUNT_RIGHTS, SweepStatus.CONSENT,
            SweepStatus.PARENT_REMINDERS, SweepStatus.ACKNOWLEDGEMENTS, SweepStatus.BOARD_REPORT, SweepStatus.ROSTER_DROP};

    @Inject
    MeterRegistry registry;
    @Inject
    MonitoringFigures figures;
    @Inject
    SignInCounters signIns;
    @Inject
    RosterImportActivity imports;

    void register(@Observes @Initialized(ApplicationScoped.class) Object deployed) {
        gauge("smu.outbox.pending", Tags.empty(), Figures::outboxPending);
        gauge("smu.outbox.failed", Tags.empty(), Figures::outboxFailed);
        gauge("smu.outbox.oldest.pending.seconds", Tags.empty(), Figures::oldestPendingSeconds);
        for (String sweep : SWEEPS) {
            gauge("smu.sweep.lag.seconds", Tags.of("timer", sweep), f -> f.sweepLagSeconds().getOrDefault(sweep, Double.NaN));
            gauge("smu.sweep.failures", Tags.of("timer", sweep), f -> f.sweepFailures().getOrDefault(sweep, Double.NaN));
        }
        gauge("smu.stages.last.hour", Tags.of("kind", "escalation"), Figures::escalationStagesLastHour);
        gauge("smu.stages.last.hour", Tags.of("kind", "rights"), Figures::rightsNoticesLastHour);
        for (AgeBand band : AgeBand.values()) {
            gauge("smu.requests.open", Tags.of("age", band.name().toLowerCase(Locale.ROOT)),
                    f -> f.openRequests().getOrDefault(band, Double.NaN));
        }
        registry.more().counter("smu.signin.failures", Tags.empty(), signIns, SignInCounters::failures);
        registry.more().counter("smu.signin.refused.locked", Tags.empty(), signIns, SignInCounters::refusedWhileLocked);
        gauge("smu.signin.locked.usernames", Tags.empty(), Figures::lockedUsernames);
        registry.gauge("smu.import.running", Tags.empty(), imports, RosterImportActivity::running);
        for (RosterImportActivity.Outcome outcome : RosterImportActivity.Outcome.values()) {
            registry.gauge("smu.import.last.status", Tags.of("status", outcome.name().toLowerCase(Locale.ROOT)), this,
                    m -> m.lastImport() == outcome ? 1 : 0);
        }
        gauge("smu.import.last.success.seconds", Tags.empty(), Figures::importLastSuccessSeconds);
        for (HealthStatus status : HealthStatus.values()) {
            gauge("smu.health", Tags.of("status", status.name()), f -> f.health() == status ? 1 : 0);
        }
    }

    /**
     * Takes the meters away with the deployment: the server's registry outlives it, and a redeployed WAR's
     * meters of the same names would otherwise find the old ones, whose objects are gone (NaN).
     */
    void unregister(@Observes @BeforeDestroyed(ApplicationScoped.class) Object undeploying) {
        if (registry != null) {
            registry.getMeters().stream().filter(m -> m.getId().getName().startsWith("smu.")).toList().forEach(registry::remove);
        }
    }

    /** This server's last import; one that ran on another server is known by its audit row only if it succeeded. */
    RosterImportActivity.Outcome lastImport() {
        RosterImportActivity.Outcome here = imports.last().outcome();
        if (here != RosterImportActivity.Outcome.NONE) {
            return here;
        }
        return Double.isNaN(figures.figures().importLastSuccessSeconds()) ? RosterImportActivity.Outcome.NONE
                : RosterImportActivity.Outcome.SUCCEEDED;
    }

    private void gauge(String name, Tags tags, ToDoubleFunction<Figures> figure) {
        registry.gauge(name, tags, figures, f -> figure.applyAsDouble(f.figures()));
    }
}
