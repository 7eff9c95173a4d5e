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

    /** A plan and the student id source it was made with. */
    public record Planned(Plan plan, String idSource) {
    }

    public Planned of(Long runId) {
        return of(runId, OneRosterParser.Progress.NONE);
    }

    /** @param progress told how far the reading of the run's files is */
    public Planned of(Long runId, OneRosterParser.Progress progress) {
        RosterSettings rosterSettings = settings.roster();
        Plan plan = preview.plan(folders.read(runId, rosterSettings.idSource(), progress), rosterSettings,
                settings.current()::isDistrictEmail);
        return new Planned(plan, rosterSettings.idSource());
    }
}
