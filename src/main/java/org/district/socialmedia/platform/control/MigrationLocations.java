package org.district.socialmedia.platform.control;

/**
 * Where the Flyway migrations are: those of every database, the few of one vendor (db/h2: indexes only H2 needs),
 * and the Java ones, which live in their component (a migration that applies a rule of the application).
 */
public final class MigrationLocations {

    private MigrationLocations() {
    }

    private static final String JAVA = "classpath:org/district/socialmedia/requests/control/migration";
    private static final String ACCOUNTS_JAVA = "classpath:org/district/socialmedia/accounts/control/migration";
    private static final String CONSENT_JAVA = "classpath:org/district/socialmedia/consent/control/migration";

    public static String[] of(String databaseProductName) {
        return "H2".equalsIgnoreCase(databaseProductName)
                ? new String[]{"classpath:db/migration", "classpath:db/h2", JAVA, ACCOUNTS_JAVA, CONSENT_JAVA}
                : new String[]{"classpath:db/migration", JAVA, ACCOUNTS_JAVA, CONSENT_JAVA};
    }
}
