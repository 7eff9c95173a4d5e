package org.district.socialmedia.requests.entity;

/** Whom a platform is meant to reach. The names are a contract (REST API, column values). */
public enum Audience {
    STUDENTS("Students"),
    PARENTS("Parents and guardians"),
    PUBLIC("The public"),
    STAFF("District staff");

    private final String label;

    Audience(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
