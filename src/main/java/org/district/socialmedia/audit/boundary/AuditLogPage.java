package org.district.socialmedia.audit.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.district.socialmedia.audit.control.AuditChain;
import org.district.socialmedia.audit.control.AuditFilter;
import org.district.socialmedia.audit.entity.AuditEntry;
import org.district.socialmedia.platform.boundary.CsvDownload;
import org.district.socialmedia.platform.boundary.Messages;
import org.district.socialmedia.platform.control.Matches;
import org.district.socialmedia.platform.entity.InvalidInputException;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The auditor's search of the audit log (newest first), its CSV export, and the check of the hash chain. */
@Named
@ViewScoped
public class AuditLogPage implements Serializable {

    @Inject
    AuditService service;

    private String actor;
    private String action;
    private String objectType;
    private String objectId;
    private LocalDate from;
    private LocalDate to;
    private AuditEntry.Outcome outcome;
    private boolean more;
    private AuditChain.Verification verification;
    private LazyDataModel<AuditService.AuditRow> rows;

    @PostConstruct
    void init() {
        rows = new LazyDataModel<>() {
            @Override
            public int count(Map<String, FilterMeta> filterBy) {
                try {
                    Matches matches = service.count(filter());
                    more = matches.more();
                    return (int) matches.count();
                } catch (InvalidInputException e) {
                    e.getFieldErrors().values().forEach(Messages::error);
                    more = false;
                    return 0;
                }
            }

            @Override
            public List<AuditService.AuditRow> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
                try {
                    return service.page(filter(), first, pageSize);
                } catch (InvalidInputException e) {
                    return List.of();
                }
            }

            @Override
            public String getRowKey(AuditService.AuditRow row) {
                return String.valueOf(row.id());
            }
        };
    }

    AuditFilter filter() {
        return new AuditFilter(actor, action, objectType, objectId, from, to, outcome);
    }

    public void export() throws IOException {
        try {
            CsvDownload.send("audit-log.csv", out -> service.export(filter(), out));
        } catch (InvalidInputException e) {
            e.getFieldErrors().values().forEach(Messages::error);
        }
    }

    public void verify() {
        verification = service.verify();
        if (verification.valid()) {
            Messages.info("The audit chain is intact: " + verification.checkedRows() + " rows checked.");
        } else {
            Messages.error("The audit chain is broken at link " + verification.firstBrokenRow()
                    + (verification.firstBrokenEntryId() == null ? "" : " (audit row " + verification.firstBrokenEntryId() + ")")
                    + ": " + verification.reason() + ".");
        }
    }

    public AuditEntry.Outcome[] getOutcomes() { return AuditEntry.Outcome.values(); }
    public LazyDataModel<AuditService.AuditRow> getRows() { return rows; }
    public boolean isMore() { return more; }
    public String getCountLimit() { return Matches.limitShown(); }
    public int getExportMax() { return AuditService.EXPORT_MAX; }
    public AuditChain.Verification getVerification() { return verification; }
    public String getActor() { return actor; }
    public void setActor(String actor) { this.actor = actor; }
    public String getAction() { return action; }
    public void setAction(String action) { this.action = action; }
    public String getObjectType() { return objectType; }
    public void setObjectType(String objectType) { this.objectType = objectType; }
    public String getObjectId() { return objectId; }
    public void setObjectId(String objectId) { this.objectId = objectId; }
    public LocalDate getFrom() { return from; }
    public void setFrom(LocalDate from) { this.from = from; }
    public LocalDate getTo() { return to; }
    public void setTo(LocalDate to) { this.to = to; }
    public AuditEntry.Outcome getOutcome() { return outcome; }
    public void setOutcome(AuditEntry.Outcome outcome) { this.outcome = outcome; }
}
