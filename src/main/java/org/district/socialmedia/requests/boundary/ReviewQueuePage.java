package org.district.socialmedia.requests.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.district.socialmedia.platform.control.Matches;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The reviewer's queue: undecided requests, soonest deadline first, lazily paged by the database. */
@Named
@ViewScoped
public class ReviewQueuePage implements Serializable {

    @Inject
    ReviewService service;

    private ReviewService.QueueFilter filter = ReviewService.QueueFilter.ALL;
    private LazyDataModel<ReviewService.QueueRow> rows;
    private Instant asOf;
    /** More requests are in the view than the table counts (see Matches.LIMIT). */
    private boolean more;

    @PostConstruct
    void init() {
        rows = new LazyDataModel<>() {
            @Override
            public int count(Map<String, FilterMeta> filterBy) {
                Matches matches = service.count(filter);
                more = matches.more();
                return (int) matches.count();
            }

            @Override
            public List<ReviewService.QueueRow> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                                      Map<String, FilterMeta> filterBy) {
                asOf = service.now();
                return service.queue(filter, first, pageSize);
            }

            @Override
            public String getRowKey(ReviewService.QueueRow row) {
                return String.valueOf(row.id());
            }
        };
    }

    /** "2 days 4 hours left" or "overdue by 3 hours", from the application clock. */
    public String timeLeft(Instant deadline) {
        if (deadline == null) {
            return "Clock stopped (waiting for the employee)";
        }
        Duration left = Duration.between(asOf == null ? service.now() : asOf, deadline);
        return left.isNegative() ? "Overdue by " + human(left.negated()) : human(left) + " left";
    }

    static String human(Duration d) {
        long days = d.toDays();
        long hours = d.minusDays(days).toHours();
        long minutes = d.minusDays(days).minusHours(hours).toMinutes();
        if (days > 0) {
            return days + (days == 1 ? " day " : " days ") + hours + (hours == 1 ? " hour" : " hours");
        }
        if (hours > 0) {
            return hours + (hours == 1 ? " hour " : " hours ") + minutes + " min";
        }
        return minutes + " min";
    }

    public ReviewService.QueueFilter[] getFilters() {
        return ReviewService.QueueFilter.values();
    }

    public String filterLabel(ReviewService.QueueFilter f) {
        return switch (f) {
            case DUE_SOON -> "Due soon (2 days)";
            case OVERDUE -> "Overdue";
            case WAITING_FOR_EMPLOYEE -> "Waiting for employee";
            case ALL -> "All undecided";
        };
    }

    public ReviewService.QueueFilter getFilter() { return filter; }
    public void setFilter(ReviewService.QueueFilter filter) { this.filter = filter; }
    public LazyDataModel<ReviewService.QueueRow> getRows() { return rows; }
    public boolean isMore() { return more; }
    public String getCountLimit() { return Matches.limitShown(); }
}
