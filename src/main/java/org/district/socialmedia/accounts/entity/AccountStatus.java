package org.district.socialmedia.accounts.entity;

/** The life of a District account in the registry. Names are a contract (API, CSV): extend, never rename. */
public enum AccountStatus {
    /** In use and listed in the public directory. */
    ACTIVE("Active"),
    /** Temporarily not to be used (for instance during an investigation); not in the directory. */
    SUSPENDED("Suspended"),
    /** No longer used; kept with its history. */
    ARCHIVED("Archived");

    private final String label;

    AccountStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
