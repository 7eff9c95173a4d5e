package org.district.socialmedia.acknowledgements.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import org.district.socialmedia.acknowledgements.entity.Campaign;

import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Who has acknowledged a campaign's version, per school and department, and who has not. Active staff only. */
@Stateless
public class CoverageQueries {

    /** One school's or department's figures; unitId null for staff without one. */
    public record UnitCoverage(Long unitId, String unitName, long total, long done, long outstanding, long overdue, double share)
            implements Serializable {
        static UnitCoverage of(UnitCount counts) {
            long total = count(counts.total());
            long done = count(counts.done());
            return new UnitCoverage(counts.unitId(), counts.unitName() == null ? "(no school or department)" : counts.unitName(),
                    total, done, total - done, count(counts.overdue()), total == 0 ? 1.0 : (double) done / total);
        }

        private static long count(Number n) {
            return n == null ? 0 : n.longValue();
        }
    }

    /**
     * A unit's counts as read: everybody, those who acknowledged (COUNT of a path counts what is not null) and
     * those overdue (a conditional sum, whose type is the database's: read as a number).
     */
    public record UnitCount(Long unitId, String unitName, Number total, Number done, Number overdue) {
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
        Optional<Campaign> open = em.createQuery("SELECT c FROM Campaign c WHERE c.closedAt IS NULL ORDER BY c.startedAt DESC, c.id DESC",
                Campaign.class).setMaxResults(1).getResultStream().findFirst();
        return open.isPresent() ? open : em.createQuery("SELECT c FROM Campaign c ORDER BY c.startedAt DESC, c.id DESC", Campaign.class)
                .setMaxResults(1).getResultStream().findFirst();
    }

    public Optional<Campaign> campaign(Long id) {
        return Optional.ofNullable(id == null ? null : em.find(Campaign.class, id));
    }

    public List<Campaign> campaigns() {
        return em.createQuery("SELECT c FROM Campaign c ORDER BY c.startedAt DESC, c.id DESC", Campaign.class).setMaxResults(50).getResultList();
    }

    /**
     * Every unit's figures, from the coverage tally (CoverageTally: a row per unit and due date, a thousand rows where
     * the campaign has 150,000 obligations); overdue is what is not done in the rows due by now.
     */
    @SuppressWarnings("unchecked")
    public List<UnitCoverage> byUnit(Long campaignId) {
        List<Object[]> rows = em.createNativeQuery("SELECT t.unit_key, u.name, SUM(t.total), SUM(t.done),"
                        + " SUM(CASE WHEN t.due_at <= ?1 THEN t.total - t.done ELSE 0 END)"
                        + " FROM ack_coverage_tally t LEFT JOIN org_unit u ON u.id = t.unit_key WHERE t.campaign_id = ?2"
                        + " GROUP BY t.unit_key, u.name HAVING SUM(t.total) > 0 ORDER BY u.name")
                .setParameter(1, clock.instant().atOffset(ZoneOffset.UTC)).setParameter(2, campaignId).getResultList();
        return rows.stream().map(r -> {
            long unitKey = ((Number) r[0]).longValue();
            return UnitCoverage.of(new UnitCount(unitKey == 0 ? null : unitKey, (String) r[1], (Number) r[2], (Number) r[3], (Number) r[4]));
        }).toList();
    }

    /**
     * One page of a unit's outstanding people, soonest due first: the unit's active staff (staff_user's unit index),
     * each one's obligation by its primary key; a unit's few hundred sorted, not the campaign's obligations.
     */
    public List<Person> outstanding(Long campaignId, long unitId, int first, int max) {
        Instant now = clock.instant();
        return em.createQuery("SELECT NEW " + PersonRow.class.getName() + "(s.username, s.fullName, u.name, o.dueAt, o.acknowledgedAt)"
                        + " FROM StaffUser s JOIN s.unit u, Obligation o WHERE u.id = :unit AND s.active = TRUE"
                        + " AND o.campaignId = :c AND o.staffId = s.id AND o.acknowledgedAt IS NULL ORDER BY o.dueAt, s.username",
                        PersonRow.class)
                .setParameter("unit", unitId).setParameter("c", campaignId).setFirstResult(first).setMaxResults(max)
                .getResultStream().map(r -> r.at(now)).toList();
    }

    /** The people of one unit (or everybody when unitId is null): outstanding ones first, soonest due first; then the others. */
    public Stream<Person> people(Long campaignId, Long unitId, boolean outstandingOnly) {
        Stream<Person> outstanding = people(campaignId, unitId, " AND o.acknowledgedAt IS NULL ORDER BY o.dueAt, s.username");
        return outstandingOnly ? outstanding
                : Stream.concat(outstanding, people(campaignId, unitId, " AND o.acknowledgedAt IS NOT NULL ORDER BY s.username"));
    }

    private Stream<Person> people(Long campaignId, Long unitId, String rest) {
        Instant now = clock.instant();
        TypedQuery<PersonRow> query = em.createQuery("SELECT NEW " + PersonRow.class.getName()
                        + "(s.username, s.fullName, u.name, o.dueAt, o.acknowledgedAt)"
                        + " FROM Obligation o JOIN o.staff s LEFT JOIN s.unit u WHERE o.campaignId = :c AND s.active = TRUE"
                        + (unitId == null ? "" : " AND u.id = :unit") + rest, PersonRow.class)
                .setParameter("c", campaignId);
        if (unitId != null) {
            query.setParameter("unit", unitId);
        }
        return query.getResultStream().map(r -> r.at(now));
    }
}
