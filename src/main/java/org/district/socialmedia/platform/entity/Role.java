package org.district.socialmedia.platform.entity;

/**
 * What a staff member may do in the application. The names are a contract (web.xml, @RolesAllowed,
 * scripts): extend, never rename.
 */
public enum Role {
    /** Files requests for District-related social media use. */
    EMPLOYEE("Employee"),
    /** The Superintendent or a designee: reviews and answers requests. */
    REVIEWER("Reviewer"),
    /** Names designees, grants administrative rights on District accounts. */
    SUPERINTENDENT("Superintendent"),
    /** A District administrator or supervisor who may hold administrative rights on District accounts. */
    SITE_ADMIN("Site administrator"),
    /** Keeps parents' consent forms for the students of their school. */
    CONSENT_CLERK("Consent clerk"),
    /** Reads everything, changes nothing. */
    AUDITOR("Auditor"),
    /** Manages staff users and District settings. */
    SYSTEM_ADMIN("System administrator");

    // Role names as compile-time constants, for @RolesAllowed.
    public static final String EMPLOYEE_NAME = "EMPLOYEE";
    public static final String REVIEWER_NAME = "REVIEWER";
    public static final String SUPERINTENDENT_NAME = "SUPERINTENDENT";
    public static final String SITE_ADMIN_NAME = "SITE_ADMIN";
    public static final String CONSENT_CLERK_NAME = "CONSENT_CLERK";
    public static final String AUDITOR_NAME = "AUDITOR";
    public static final String SYSTEM_ADMIN_NAME = "SYSTEM_ADMIN";

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
