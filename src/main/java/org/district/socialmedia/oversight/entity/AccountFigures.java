package org.district.socialmedia.oversight.entity;

import java.io.Serializable;
import java.util.List;

/**
 * The registry's compliance now: per school the accounts in use and how many fail each check, the
 * accounts by their number of District administrators, the rights ending within 30 days, and the rights
 * an access review flagged and nobody has confirmed since plus the accounts whose yearly checklist is overdue
 * (overdue attestations). The District's list per school is a page of it in name order from {@code first} (0 on),
 * {@code unitsTotal} the whole list's length. Names are the API's.
 */
public record AccountFigures(String asOf, long accounts, long failing, List<ComplianceRow> compliance,
                             List<RequestFigures.Count> byAdministrators, long grantsExpiringIn30Days,
                             long overdueAttestations, long unitsTotal, int first) implements Serializable {

    public record ComplianceRow(Long unitId, String unit, long accounts, long failing, long identification, long privacy,
                                long fewerThanTwoAdmins, long noActiveOperator) implements Serializable {
    }
}
