package org.district.socialmedia.students.control;

import jakarta.persistence.EntityManager;
import org.district.socialmedia.students.control.RosterChangeRows.RosterChange;

import java.util.ArrayList;
import java.util.List;

/**
 * The beans the staged roster path runs through (the preview, the runs, both stagings), wired by hand on one
 * entity manager whose resource-local transaction is already open: what the container injects, for the tests that
 * run that path against the in-memory reference without a server. Each bean's self-proxy is itself, so every
 * range runs in the test's one transaction, which the test rolls back.
 */
final class StagedRosterBeans {

    final EntityManager em;
    final EnrollmentStaging staging = new EnrollmentStaging();
    final UserStaging users = new UserStaging();
    final RosterPreview preview = new RosterPreview();
    final ImportRuns runs = new ImportRuns();

    StagedRosterBeans(EntityManager em) {
        this.em = em;
        staging.em = em;
        staging.self = staging;
        users.em = em;
        users.self = users;
        preview.em = em;
        preview.staging = staging;
        preview.users = users;
        RosterChangeLog log = new RosterChangeLog();
        log.em = em;
        ImportRunClaims claims = new ImportRunClaims();
        claims.em = em;
        runs.em = em;
        runs.changes = log;
        runs.claims = claims;
        runs.staging = staging;
        runs.users = users;
        RunFiles files = new RunFiles();
        files.em = em;
        files.self = files;
        files.embedded = false; // the database's rows, as on PostgreSQL: these tests keep no zip
        runs.files = files;
    }

    /** The run's stored plan rows, in seq order. */
    List<RosterChange> stored(Long runId) {
        return ((List<?>) em.createNativeQuery("SELECT seq, kind, op, ref, payload FROM import_change WHERE run_id = ? ORDER BY seq")
                .setParameter(1, runId).getResultList()).stream().map(row -> {
                    Object[] c = (Object[]) row;
                    return new RosterChange(((Number) c[0]).longValue(), (String) c[1], (String) c[2], (String) c[3], (String) c[4]);
                }).toList();
    }

    /**
     * The changes as runs of one kind and operation, in order, each run's records sorted: the order within a run is
     * the order a set comes in (file order for writes, key order for deactivations), which the writer does not need.
     */
    static List<String> groups(List<RosterChange> changes) {
        List<String> groups = new ArrayList<>();
        List<String> records = new ArrayList<>();
        String current = null;
        for (RosterChange change : changes) {
            String key = change.kind() + " " + change.op();
            if (!key.equals(current)) {
                if (current != null) {
                    groups.add(current + " " + records.stream().sorted().toList());
                }
                current = key;
                records = new ArrayList<>();
            }
            records.add(change.ref() + "=" + change.payload());
        }
        if (current != null) {
            groups.add(current + " " + records.stream().sorted().toList());
        }
        return groups;
    }
}
