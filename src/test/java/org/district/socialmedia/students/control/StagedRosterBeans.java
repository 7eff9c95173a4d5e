package org.district.socialmedia.students.control;

import jakarta.persistence.EntityManager;

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
    }
}
