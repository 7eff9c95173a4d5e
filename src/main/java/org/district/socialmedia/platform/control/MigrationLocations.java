package org.district.socialmedia.platform.control;

/** Where the Flyway migrations are: those of every database, and the few of one vendor (db/h2: indexes only H2 needs). */
public final class MigrationLocations {

    private MigrationLocations() {
    }

    public static String[] of(String databaseProductName) {
        return "H2".equalsIgnoreCase(databaseProductName)
                ? new String[]{"classpath:db/migration", "classpath:db/h2"}
                : new String[]{"classpath:db/migration"};
    }
}
