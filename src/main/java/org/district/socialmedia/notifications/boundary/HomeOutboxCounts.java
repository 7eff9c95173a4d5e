package org.district.socialmedia.notifications.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.district.socialmedia.notifications.entity.OutboxMessage;
import org.district.socialmedia.platform.control.HomeCountSource;
import org.district.socialmedia.platform.entity.HomeCount;
import org.district.socialmedia.platform.entity.Role;

import java.util.List;
import java.util.Set;

/** The system administrator's home count of the outbox: emails that failed (by ix_outbox_due, status first). */
@ApplicationScoped
public class HomeOutboxCounts implements HomeCountSource {

    @Inject
    OutboxService outbox;

    @Override
    public List<HomeCount> counts(Set<Role> roles) {
        if (!roles.contains(Role.SYSTEM_ADMIN)) {
            return List.of();
        }
        return List.of(HomeCount.of(Role.SYSTEM_ADMIN, "home.outbox.failed", outbox.count(OutboxMessage.Status.FAILED),
                "/admin/outbox.xhtml?status=" + OutboxMessage.Status.FAILED.name()));
    }
}
