package org.district.socialmedia.accounts.control;

import org.district.socialmedia.accounts.entity.AccountStatus;
import org.district.socialmedia.accounts.entity.ComplianceIssue;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * What the accounts table shows: text in the handle, a school, a platform, a status, one compliance
 * check failed, or any check failed; accounts whose yearly checklist is due by a day. Nulls mean "any".
 */
public record AccountFilter(String text, Long unitId, Long platformId, AccountStatus status, ComplianceIssue issue,
                            boolean failingOnly, LocalDate checklistDueBy) implements Serializable {

    public static final AccountFilter ALL = new AccountFilter(null, null, null, null, null, false, null);

    public AccountFilter(String text, Long unitId, Long platformId, AccountStatus status, ComplianceIssue issue, boolean failingOnly) {
        this(text, unitId, platformId, status, issue, failingOnly, null);
    }
}
