package org.district.socialmedia.requests.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.district.socialmedia.platform.control.HomeCountSource;
import org.district.socialmedia.platform.control.Matches;
import org.district.socialmedia.platform.entity.HomeCount;
import org.district.socialmedia.platform.entity.Role;

import java.util.List;
import java.util.Set;

/**
 * The reviewer's home counts: the review queue's own filters counted by the queue's own query (an index range
 * of queue_key, see V11), so a count always matches the list its link opens.
 */
@ApplicationScoped
public class HomeReviewCounts implements HomeCountSource {

    static final String QUEUE = "/review/queue.xhtml?show=";

    @Inject
    ReviewService review;

    @Override
    public List<HomeCount> counts(Set<Role> roles) {
        if (!roles.contains(Role.REVIEWER) && !roles.contains(Role.SUPERINTENDENT)) {
            return List.of();
        }
        return List.of(
                count("home.review.dueSoon", ReviewService.QueueFilter.DUE_SOON),
                count("home.review.overdue", ReviewService.QueueFilter.OVERDUE),
                count("home.review.waiting", ReviewService.QueueFilter.WAITING_FOR_EMPLOYEE));
    }

    private HomeCount count(String key, ReviewService.QueueFilter filter) {
        Matches m = review.count(filter);
        return new HomeCount(Role.REVIEWER, key, m.count(), m.more(), QUEUE + filter.name());
    }
}
