package org.district.socialmedia.policy.entity;

/** The documents staff are bound by. The names are stored and used in the API: extend, never rename. */
public enum PolicyDocument {
    BOARD_POLICY("Employee and District Social Media Use", "Board policy"),
    SUPERINTENDENT_GUIDELINES("Supplemental guidelines on social media use", "Superintendent's supplemental guidelines");

    private final String title;
    private final String label;

    PolicyDocument(String title, String label) {
        this.title = title;
        this.label = label;
    }

    public String title() {
        return title;
    }

    public String label() {
        return label;
    }
}
