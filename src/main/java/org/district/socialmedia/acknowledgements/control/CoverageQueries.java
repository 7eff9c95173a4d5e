package org.district.socialmedia.acknowledgements.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.district.socialmedia.acknowledgements.entity.Campaign;

import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Who has acknowledged a campaign's version, per school and department, and who has not. Active staff only. */
@Stateless
public class CoverageQueries {

    /** One school's or department's figures; unitId null for staff without one. */
    public record UnitCoverage(Long unitId, String unitName, long total, long done, long overdue, double share) implements Serializable {
        public UnitCoverage(Long unitId, String unitName, Long total, Long done, Long overdue) {
            this(unitId, unitName == null ? "(no school or department)" : unitName, total, done == null ? 0 : done,
                    overdue == null ? 0 : overdue, total == 0 ? 1.0 : (double) (done == null ? 0 : done) / total);
        }

        public long outstanding() {
            return total - done;
        }
    }

    /** One staff member's line. */
    public record Person(String username, String fullName, String unitName, Instant dueAt, Instant acknowledgedAt, boolean overdue)
            implements Serializable {
    }

    /** A person's row as read; overdue is decided against the application clock. */
    public record PersonRow(String username, String fullName, String unitName, Instant dueAt, Instant acknowledgedAt) {
        Person at(Instant now) {
            return new Person(username, fullName, unitName, dueAt, acknowledgedAt, acknowledgedAt == null && !now.isBefore(dueAt));
        }
    }

    @PersistenceContext
    EntityManager em;
    @Inject
    Clock clock;

    /** The open campaign started last, else the last one. */
    public Optional<Campaign> latest() {
        return em.createQuery("SELECT c FROM Campaign c ORDER BY CASE WHEN c.closedAt IS NULL THEN 0 ELSE 1 END, c.startedAt DESC, c.id DESC",
                Campaign.class).setMaxResults(1).getResultStream().findFirst();
    }

    public Optional<Campaign> campaign(Long id) {
        return Optional.ofNullable(id == null ? null : em.find(Campaign.class, id));
    }

    public List<Campaign> campaigns() {
        return em.createQuery("SELECT c FROM Campaign c ORDER BY c.startedAt DESC, c.id DESC", Campaign.class).setMaxResults(50).getResultList();
    }

    public List<UnitCoverage> byUnit(Long campaignId) {
        return em.createQuery("SELECT NEW " + UnitCoverage.class.getName() + "(u.id, u.name, COUNT(o),"
                        + " SUM(CASE WHEN o.acknowledgedAt IS NOT NULL THEN 1 ELSE 0 END),"
                        + " SUM(CASE WHEN o.acknowledgedAt IS NULL AND o.dueAt <= :now THEN 1 ELSE 0 END))"
                        + " FROM Obligation o JOIN o.staff s LEFT JOIN s.unit u WHERE o.campaignId = :c AND s.active = TRUE"
                        + " GROUP BY u.id, u.name ORDER BY u.name", UnitCoverage.class)
                .setParameter("c", campaignId).setParameter("now", clock.instant()).getResultList();
    }

    /** The people of one unit (or everybody when unitId is null), outstanding ones first, overdue first among them. */
    public Stream<Person> people(Long campaignId, Long unitId, boolean outstandingOnly) {
        Instant now = clock.instant();
        var query = em.createQuery("SELECT NEW " + PersonRow.class.getName() + "(s.username, s.fullName, u.name, o.dueAt, o.acknowledgedAt)"
                        + " FROM Obligation o JOIN o.staff s LEFT JOIN s.unit u WHERE o.campaignId = :c AND s.active = TRUE"
                        + (unitId == null ? "" : " AND u.id = :unit")
                        + (outstandingOnly ? " AND o.acknowledgedAt IS NULL" : "")
                        + " ORDER BY CASE WHEN o.acknowledgedAt IS NULL THEN 0 ELSE 1 END, o.dueAt, s.username", PersonRow.class)
                .setParameter("c", campaignId);
        if (unitId != null) {
            query.setParameter("unit", unitId);
        }
        return query.getResultStream().map(r -> r.at(now));
    }
}
