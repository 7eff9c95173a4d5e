package org.district.socialmedia.acknowledgements.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.district.socialmedia.acknowledgements.control.CoverageQueries;
import org.district.socialmedia.acknowledgements.entity.Campaign;
import org.district.socialmedia.audit.control.AuditLog;
import org.district.socialmedia.platform.entity.InvalidInputException;
import org.district.socialmedia.platform.entity.NotFoundException;
import org.district.socialmedia.platform.entity.Role;
import org.district.socialmedia.policy.boundary.PolicyLibrary;
import org.district.socialmedia.policy.entity.PolicyVersion;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/** The coverage report: per school and department the share done, who is outstanding, who is overdue; CSV export. */
@Stateless
@RolesAllowed({Role.SUPERINTENDENT_NAME, Role.AUDITOR_NAME, Role.SYSTEM_ADMIN_NAME})
public class CoverageService {

    public record CampaignView(Long id, Long versionId, String document, String label, Instant startedAt, String startedBy,
                               String reason, String period, String reminders, boolean open) implements Serializable {
    }

    /** The whole District's figures and each unit's; the people of one unit when it is asked for. */
    public record Coverage(CampaignView campaign, long total, long done, long outstanding, long overdue, double share,
                           List<CoverageQueries.UnitCoverage> units, Long unit, List<CoverageQueries.Person> outstandingPeople)
            implements Serializable {
    }

    /** The most outstanding people one answer lists. */
    public static final int PAGE_MAX = 500;

    @Inject
    CoverageQueries queries;
    @Inject
    PolicyLibrary policies;
    @Inject
    AuditLog audit;

    public List<CampaignView> campaigns() {
        return queries.campaigns().stream().map(this::view).toList();
    }

    /** The campaign asked for, else the latest; 404 when there is none (checked before an answer starts streaming). */
    public CampaignView campaignOf(Long campaignId) {
        Campaign campaign = campaign(campaignId);
        if (campaign == null) {
            throw new NotFoundException("acknowledgement campaign");
        }
        return view(campaign);
    }

    /** The latest campaign's coverage when campaignId is null; null when no campaign was ever started. */
    public Coverage coverage(Long campaignId, Long unitId) {
        return coverage(campaignId, unitId, 0, PAGE_MAX);
    }

    /**
     * As {@link #coverage(Long, Long)}, with one page of the unit's outstanding people (first, at most max of them;
     * the unit's figures say how many there are in all).
     */
    public Coverage coverage(Long campaignId, Long unitId, int first, int max) {
        if (first < 0) {
            throw new InvalidInputException("first", "first is where the page of outstanding people starts: 0 or more");
        }
        if (max < 1 || max > PAGE_MAX) {
            throw new InvalidInputException("max", "max is the page size of outstanding people: 1 to " + PAGE_MAX);
        }
        Campaign campaign = campaign(campaignId);
        if (campaign == null) {
            return null;
        }
        List<CoverageQueries.UnitCoverage> units = queries.byUnit(campaign.getId());
        long total = units.stream().mapToLong(CoverageQueries.UnitCoverage::total).sum();
        long done = units.stream().mapToLong(CoverageQueries.UnitCoverage::done).sum();
        long overdue = units.stream().mapToLong(CoverageQueries.UnitCoverage::overdue).sum();
        List<CoverageQueries.Person> people = unitId == null ? List.of()
                : queries.outstanding(campaign.getId(), unitId, first, max);
        return new Coverage(view(campaign), total, done, total - done, overdue, total == 0 ? 1.0 : (double) done / total,
                unitId == null ? units : units.stream().filter(u -> unitId.equals(u.unitId())).toList(), unitId, people);
    }

    /** Everybody of the campaign (of one unit when given), as CSV; the export is audited. */
    public int export(Long campaignId, Long unitId, Writer out) {
        Campaign campaign = campaign(campaignId);
        if (campaign == null) {
            throw new NotFoundException("acknowledgement campaign");
        }
        int rows = 0;
        try (Stream<CoverageQueries.Person> people = queries.people(campaign.getId(), unitId, false)) {
            CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder()
                    .setHeader("username", "full_name", "school_or_department", "due_at", "acknowledged_at", "overdue").get());
            for (CoverageQueries.Person p : (Iterable<CoverageQueries.Person>) people::iterator) {
                csv.printRecord(p.username(), safe(p.fullName()), safe(p.unitName()), p.dueAt(), p.acknowledgedAt(), p.overdue());
                rows++;
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        audit.record("ACK_COVERAGE_EXPORTED", Campaign.AUDIT_TYPE, campaign.getId(), rows + " rows" + (unitId == null ? "" : ", unit " + unitId));
        return rows;
    }

    /** Names come from staff input: a cell a spreadsheet would run as a formula gets an apostrophe (as platform's Csv does). */
    static String safe(String value) {
        return value != null && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    private Campaign campaign(Long campaignId) {
        if (campaignId != null) {
            return queries.campaign(campaignId).orElseThrow(() -> new NotFoundException("acknowledgement campaign " + campaignId));
        }
        return queries.latest().orElse(null);
    }

    private CampaignView view(Campaign c) {
        PolicyVersion v = policies.find(c.getVersionId()).orElseThrow();
        return new CampaignView(c.getId(), v.getId(), v.getDocument().name(), v.getLabel(), c.getStartedAt(), c.getStartedBy(),
                c.getReason(), c.getPeriod().toString(), c.getReminders(), c.isOpen());
    }
}
