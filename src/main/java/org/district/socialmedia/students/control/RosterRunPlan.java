package org.district.socialmedia.students.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.district.socialmedia.settings.boundary.DistrictSettingsService;
import org.district.socialmedia.settings.entity.RosterSettings;
import org.district.socialmedia.students.control.RosterPreview.Plan;

/** What a run's files would do now, with the District's roster settings of this moment: each step plans anew. */
@ApplicationScoped
public class RosterRunPlan {

    @Inject
    RosterRunFolder folders;
    @Inject
    RosterPreview preview;
    @Inject
    DistrictSettingsService settings;
    @Inject
    EnrollmentStaging staging;
    @Inject
    UserStaging users;

    /** A plan and the student id source it was made with. */
    public record Planned(Plan plan, String idSource) {
    }

    public Planned of(Long runId) {
        return of(runId, OneRosterParser.Progress.NONE);
    }

    /**
     * Reads the run's files, its users and enrollments into its staging tables (made anew: what an earlier preview or a plan cut
     * off by a crash left goes first), and plans. What is staged stays until {@link #dropStaged(Long)}.
     *
     * @param progress told how far the reading of the run's files is
     */
    public Planned of(Long runId, OneRosterParser.Progress progress) {
        RosterSettings rosterSettings = settings.roster();
        staging.create(runId);
        users.create(runId);
        EnrollmentStage enrollments = staging.sink(runId);
        UserStage userRows = users.sink(runId, preview.unitIds().keySet());
        ParsedRoster roster = folders.read(runId, rosterSettings.idSource(), progress, enrollments, userRows);
        enrollments.flush();
        userRows.flush();
        Plan plan = preview.plan(roster, rosterSettings, settings.current()::isDistrictEmail, runId);
        return new Planned(plan, rosterSettings.idSource());
    }

    /** The run's staged rows are used (its preview or its plan is stored), or no longer wanted: gone. */
    public void dropStaged(Long runId) {
        staging.clear(runId);
        users.clear(runId);
    }
}
