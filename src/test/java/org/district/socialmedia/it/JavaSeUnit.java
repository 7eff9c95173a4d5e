package org.district.socialmedia.it;

import org.district.socialmedia.platform.control.MigrationLocations;
import org.flywaydb.core.Flyway;

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
}
