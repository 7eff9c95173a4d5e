package org.district.socialmedia.accounts.control;

import org.district.socialmedia.accounts.entity.AccountStatus;
import org.district.socialmedia.accounts.entity.ComplianceIssue;

import java.io.Serializable;

/**
 * What the accounts table shows: text in the handle, a school, a platform, a status, one compliance
 * check failed, or any check failed. Nulls mean "any".
 */
public record AccountFilter(String text, Long unitId, Long platformId, AccountStatus status, ComplianceIssue issue,
                            boolean failingOnly) implements Serializable {

    public static final AccountFilter ALL = new AccountFilter(null, null, null, null, null, false);
}
