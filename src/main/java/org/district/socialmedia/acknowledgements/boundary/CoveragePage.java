package org.district.socialmedia.acknowledgements.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.district.socialmedia.platform.boundary.CsvDownload;
import org.district.socialmedia.platform.boundary.Messages;
import org.district.socialmedia.platform.entity.ConflictException;
import org.district.socialmedia.platform.entity.InvalidInputException;
import org.district.socialmedia.platform.entity.NotFoundException;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;

/** The coverage report per school and department, its CSV, and starting a campaign by hand. */
@Named
@ViewScoped
public class CoveragePage implements Serializable {

    @Inject
    CoverageService coverage;
    @Inject
    AcknowledgementService acknowledgements;

    private Long campaign;
    private Long unit;
    private String reason;
    private CoverageService.Coverage report;
    private List<CoverageService.CampaignView> campaigns;

    public void load() {
        try {
            report = coverage.coverage(campaign, unit);
        } catch (NotFoundException e) {
            Messages.error(e.getMessage());
            report = coverage.coverage(null, null);
        }
        campaigns = coverage.campaigns();
    }

    public String start() {
        try {
            Long id = acknowledgements.startCampaign(null, reason);
            Messages.info("The campaign started: every active staff member owes an acknowledgement.");
            reason = null;
            campaign = id;
            unit = null;
            load();
        } catch (InvalidInputException e) {
            Messages.fieldErrors("campaignForm", e);
        } catch (ConflictException | NotFoundException e) {
            Messages.error(e.getMessage());
        }
        return null;
    }

    public void export() throws IOException {
        if (report == null) {
            return;
        }
        CsvDownload.send("acknowledgements.csv", out -> coverage.export(report.campaign().id(), unit, out));
    }

    public String percent(double share) {
        return Math.round(share * 1000) / 10.0 + " %";
    }

    public Long getCampaign() { return campaign; }
    public void setCampaign(Long campaign) { this.campaign = campaign; }
    public Long getUnit() { return unit; }
    public void setUnit(Long unit) { this.unit = unit; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public CoverageService.Coverage getReport() { return report; }
    public List<CoverageService.CampaignView> getCampaigns() { return campaigns; }
}
