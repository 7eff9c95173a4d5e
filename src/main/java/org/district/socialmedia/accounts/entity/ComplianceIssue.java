package org.district.socialmedia.accounts.entity;

/** A compliance check an account fails. Names are a contract (API, filters): extend, never rename. */
public enum ComplianceIssue {
    /** Nobody confirmed that the name or bio identifies the District, school or department. */
    IDENTIFICATION_NOT_CONFIRMED("District identification not confirmed"),
    /** Privacy settings never reviewed, or last reviewed more than a year ago. */
    PRIVACY_REVIEW_OUTDATED("Privacy settings not reviewed in the last year"),
    /** Fewer than two District administrators hold rights on it. */
    FEWER_THAN_TWO_ADMINS("Fewer than two District administrators"),
    /** No employee holds an active authorization to operate it. */
    NO_ACTIVE_OPERATOR("No active authorized operator"),
    /** The yearly checklist was not signed off by its due date. */
    CHECKLIST_OVERDUE("Yearly checklist overdue");

    private final String label;

    ComplianceIssue(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
