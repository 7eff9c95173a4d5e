package org.district.socialmedia.students.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.district.socialmedia.audit.control.AuditLog;
import org.district.socialmedia.notifications.control.MailTemplates;
import org.district.socialmedia.notifications.control.OutboxWriter;
import org.district.socialmedia.platform.entity.Role;
import org.district.socialmedia.settings.boundary.DistrictSettingsService;
import org.district.socialmedia.settings.entity.DistrictSettings;
import org.district.socialmedia.students.entity.ImportRun;
import org.district.socialmedia.students.entity.ImportStatus;
import org.district.socialmedia.students.entity.RosterDrop;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The stored side of the roster drop folder: the zips taken, what became of them, and the one mail to the
 * system administrators when one stopped short of being written. Each step in its own transaction.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class RosterDrops {

    /** Who starts a dropped zip's run: its audit rows and the run's "started by" name the folder. */
    public static final String ACTOR = "roster-drop-folder";
    /** A drop with neither a run nor a refusal this long after its claim was interrupted (its server stopped). */
    static final Duration INTERRUPTED_AFTER = Duration.ofMinutes(30);
    static final String PAGE = "/admin/roster.xhtml";

    @PersistenceContext
    EntityManager em;
    @Inject
    OutboxWriter outbox;
    @Inject
    DistrictSettingsService settings;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;

    /** Records a zip just claimed; its claimed name is unique, so a second record fails. */
    public void claimed(String claimedName, Instant at) {
        em.persist(new RosterDrop(claimedName, RosterDropFolder.originalName(claimedName), at));
        audit.recordAs(ACTOR, "ROSTER_DROP_TAKEN", "RosterDrop", claimedName, "taken from the roster drop folder");
    }

    public void started(String claimedName, Long runId) {
        em.find(RosterDrop.class, claimedName).started(runId);
        audit.recordAs(ACTOR, "ROSTER_DROP_STARTED", "RosterDrop", claimedName, "import run " + runId);
    }

    public void refused(String claimedName, String reason) {
        RosterDrop drop = em.find(RosterDrop.class, claimedName);
        drop.refused(reason);
        audit.recordAs(ACTOR, "ROSTER_DROP_REFUSED", "RosterDrop", claimedName, drop.getRefusedReason());
    }

    /** Whether a claimed name has its row (a file in processing/ without one was claimed by a server that stopped). */
    public boolean known(String claimedName) {
        return em.find(RosterDrop.class, claimedName) != null;
    }

    /** Drops whose server stopped between the claim and the run. */
    public List<RosterDrop> interrupted() {
        Instant now = clock.instant();
        return em.createQuery("SELECT d FROM RosterDrop d WHERE d.runId IS NULL AND d.refusedReason IS NULL AND d.claimedAt < :before",
                        RosterDrop.class).setParameter("before", now.minus(INTERRUPTED_AFTER)).getResultList().stream()
                .filter(d -> d.interrupted(now, INTERRUPTED_AFTER)).toList();
    }

    /** The drops that stopped short of being written and whose stop nobody was told of yet. */
    public List<String> untold() {
        List<String> names = new ArrayList<>(em.createQuery("SELECT d.claimedName FROM RosterDrop d WHERE d.toldAt IS NULL"
                + " AND d.refusedReason IS NOT NULL ORDER BY d.claimedAt", String.class).setMaxResults(100).getResultList());
        names.addAll(em.createQuery("SELECT d.claimedName FROM RosterDrop d, ImportRun r WHERE d.toldAt IS NULL AND r.id = d.runId"
                        + " AND r.status IN :stopped ORDER BY d.claimedAt", String.class)
                .setParameter("stopped", EnumSet.of(ImportStatus.AWAITING_CONFIRMATION, ImportStatus.FAILED, ImportStatus.STOPPED))
                .setMaxResults(100).getResultList());
        return names;
    }

    /**
     * Tells the system administrators, once, that a drop stopped: a conditional UPDATE claims the telling, so of
     * two servers (or a retry) only one writes the mail, in the same transaction.
     *
     * @return whether this call told them
     */
    public boolean tell(String claimedName) {
        RosterDrop drop = em.find(RosterDrop.class, claimedName);
        ImportRun run = drop == null || drop.getRunId() == null ? null : em.find(ImportRun.class, drop.getRunId());
        if (drop == null || drop.getToldAt() != null || !drop.stopped(run == null ? null : run.getStatus())) {
            return false;
        }
        int claimed = em.createQuery("UPDATE RosterDrop d SET d.toldAt = :now WHERE d.claimedName = :name AND d.toldAt IS NULL")
                .setParameter("now", clock.instant()).setParameter("name", claimedName).executeUpdate();
        if (claimed != 1) {
            return false;
        }
        Set<String> to = new LinkedHashSet<>(em.createQuery("SELECT s.email FROM StaffUser s JOIN s.roles r WHERE r = :role"
                + " AND s.active = TRUE AND s.email IS NOT NULL ORDER BY s.username", String.class)
                .setParameter("role", Role.SYSTEM_ADMIN).getResultList());
        DistrictSettings district = settings.current();
        outbox.enqueue("ROSTER_DROP_STOPPED", null, "roster-drop." + (run == null ? "refused" : run.getId()), to,
                new MailTemplates.Parts(district.districtName(), "roster import from the drop folder stopped: " + drop.getOriginalName(),
                        "Dear system administrator,", paragraphs(drop, run), "Open the roster import page",
                        district.publicBaseUrl() + PAGE));
        audit.recordAs(ACTOR, "ROSTER_DROP_TOLD", "RosterDrop", claimedName, "mailed to " + to.size() + " system administrator(s)");
        return true;
    }

    static List<String> paragraphs(RosterDrop drop, ImportRun run) {
        List<String> lines = new ArrayList<>();
        lines.add("The zip " + drop.getOriginalName() + " that appeared in the roster drop folder was not imported.");
        if (run == null) {
            lines.add("No import run was started: " + drop.getRefusedReason()
                    + ". The file was moved to the drop folder's " + RosterDropFolder.REFUSED + "/ sub-folder.");
        } else if (run.getStatus() == ImportStatus.AWAITING_CONFIRMATION) {
            lines.add("Import run " + run.getId() + " stopped before writing anything, because " + run.getLimitReasons() + ".");
            lines.add("Nothing changes until a system administrator confirms or stops it on the roster import page.");
        } else if (run.getStatus() == ImportStatus.FAILED) {
            lines.add("Import run " + run.getId() + " failed: " + run.getOutcome() + ".");
        } else {
            lines.add("Import run " + run.getId() + " was stopped: " + run.getOutcome() + ".");
        }
        return lines;
    }
}
