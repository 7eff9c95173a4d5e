package org.district.socialmedia.it;

import org.district.socialmedia.platform.control.MigrationLocations;
import org.flywaydb.core.Flyway;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The application's persistence unit "social-media" outside the server: RESOURCE_LOCAL on an H2 (or other JDBC) URL
 * instead of the JTA datasource, its other properties unchanged (no weaving, no shared cache), for
 * tests and benchmarks that run the real mappings and queries without a container.
 */
public final class JavaSeUnit {

    private JavaSeUnit() {
    }

    /** Properties for Persistence.createEntityManagerFactory("social-media", ...); the map may be extended. */
    public static Map<String, String> onH2(String url) {
        return on("org.h2.Driver", url, "sa", "sa");
    }

    /**
     * The same on any JDBC database, e.g. PostgreSQL for the benchmarks (EclipseLink finds the platform from the
     * connection, as in the server).
     */
    public static Map<String, String> on(String driver, String url, String user, String password) {
        Map<String, String> props = new HashMap<>();
        props.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
        props.put("jakarta.persistence.jtaDataSource", "");
        props.put("jakarta.persistence.nonJtaDataSource", "");
        props.put("jakarta.persistence.jdbc.driver", driver);
        props.put("jakarta.persistence.jdbc.url", url);
        props.put("jakarta.persistence.jdbc.user", user);
        props.put("jakarta.persistence.jdbc.password", password);
        return props;
    }

    /** A new in-memory H2 database of its own, made by the application's real migrations; its URL. */
    public static String migratedH2(String name) {
        String url = "jdbc:h2:mem:" + name + "-" + UUID.randomUUID() + ";MODE=LEGACY;DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "sa").locations(MigrationLocations.of("H2")).load().migrate();
        return url;
    }

    /** A test's database: its URL and credentials, migrated. */
    public record TestDatabase(String url, String user, String password) {

        public Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }

        /** The persistence unit's properties on it (see {@link #on}). */
        public Map<String, String> unit() {
            return url.startsWith("jdbc:h2:") ? onH2(url) : on("org.postgresql.Driver", url, user, password);
        }
    }

    /**
     * A new in-memory H2 database made by the real migrations ({@link #migratedH2}), or, when the system property
     * {@code prefix.url} names an empty PostgreSQL database (user and password {@code prefix.user} and
     * {@code prefix.password}), that one migrated: the same test then runs its statements on PostgreSQL.
     */
    public static TestDatabase migrated(String prefix, String h2Name) {
        String url = System.getProperty(prefix + ".url");
        String user = System.getProperty(prefix + ".user", "sa");
        String password = System.getProperty(prefix + ".password", "sa");
        if (url == null) {
            return new TestDatabase(migratedH2(h2Name), "sa", "sa");
        }
        Flyway.configure().dataSource(url, user, password).locations(MigrationLocations.of("PostgreSQL")).load().migrate();
        return new TestDatabase(url, user, password);
    }
}
