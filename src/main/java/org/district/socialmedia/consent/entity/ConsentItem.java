package org.district.socialmedia.consent.entity;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a post shows of a student; each is consented to (or not) separately on the form.
 * The names are those of the API.
 */
public enum ConsentItem {
    PHOTO("Photographs"), VIDEO("Video"), FULL_NAME("Full name"), FIRST_NAME("First name only"),
    STUDENT_WORK("Student work"), VOICE("Voice");

    private final String label;

    ConsentItem(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * Whether consent to {@code consented} allows this item: showing the full name shows the first
     * name, so FULL_NAME allows FIRST_NAME; a first name alone never allows the full name.
     */
    public boolean allowedBy(Set<ConsentItem> consented) {
        return consented.contains(this) || this == FIRST_NAME && consented.contains(FULL_NAME);
    }

    /** What revoking {@code revoked} takes away: without the first name, the full name cannot be shown either. */
    public static Set<ConsentItem> withdrawnBy(Set<ConsentItem> revoked) {
        Set<ConsentItem> withdrawn = revoked.isEmpty() ? EnumSet.noneOf(ConsentItem.class) : EnumSet.copyOf(revoked);
        if (withdrawn.contains(FIRST_NAME)) {
            withdrawn.add(FULL_NAME);
        }
        return withdrawn;
    }
}
