package org.district.socialmedia.notifications.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.district.socialmedia.notifications.entity.OutboxMessage;
import org.district.socialmedia.platform.boundary.Messages;
import org.district.socialmedia.platform.entity.InvalidInputException;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The outbox for system administrators: every email's recipients, subject, status, attempts, error. */
@Named
@ViewScoped
public class OutboxPage implements Serializable {

    @Inject
    OutboxService service;

    private String status = "";
    private Map<OutboxMessage.Status, Long> counts;
    private LazyDataModel<OutboxService.Row> rows;

    @PostConstruct
    void init() {
        counts = service.counts();
        rows = new LazyDataModel<>() {
            @Override
            public int count(Map<String, FilterMeta> filterBy) {
                return (int) Math.min(Integer.MAX_VALUE, service.count(selected()));
            }

            @Override
            public List<OutboxService.Row> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
                return service.page(selected(), first, pageSize);
            }

            @Override
            public String getRowKey(OutboxService.Row row) {
                return String.valueOf(row.id());
            }
        };
    }

    private OutboxMessage.Status selected() {
        // the status may come from the address (?status=FAILED): an unknown one shows every message rather than failing
        return Arrays.stream(OutboxMessage.Status.values()).filter(s -> s.name().equals(status)).findFirst().orElse(null);
    }

    public void resend(Long id) {
        try {
            service.resend(id);
            Messages.info("The message will be sent again within a minute.");
            counts = service.counts();
        } catch (InvalidInputException e) {
            e.getFieldErrors().values().forEach(Messages::error);
        }
    }

    public void refresh() {
        counts = service.counts();
    }

    public OutboxMessage.Status[] getStatuses() { return OutboxMessage.Status.values(); }
    public Map<OutboxMessage.Status, Long> getCounts() { return counts; }
    public LazyDataModel<OutboxService.Row> getRows() { return rows; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
}
