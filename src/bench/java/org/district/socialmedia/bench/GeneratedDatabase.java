package org.district.socialmedia.bench;

import org.district.socialmedia.it.JavaSeUnit;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A database the district-scale generator filled, as the benchmarks that read one are told where it is: an H2
 * folder (the generator's gen.dir) in -Dbench.dirs, or a PostgreSQL JDBC URL (the generator's DB_URL) in
 * -Dbench.urls, whose user and password are DB_USER and DB_PASSWORD as for the generator and the server. Both
 * properties take a comma-separated list; the folders are read first. Without either, target/district-data.
 *
 * @param label   what the benchmark prints for it: the folder, or the URL
 * @param product the database as JDBC names it ("H2", "PostgreSQL"): which migrations apply
 */
record GeneratedDatabase(String label, String url, String user, String password, String product) {

    /** The databases named by -Dbench.dirs and -Dbench.urls; each H2 folder checked to hold one. */
    static List<GeneratedDatabase> named() {
        List<GeneratedDatabase> databases = new ArrayList<>();
        String urls = System.getProperty("bench.urls", "");
        // with only URLs named, the default folder is not asked for
        if (System.getProperty("bench.dirs") != null || urls.isBlank()) {
            for (Path dir : BenchDatabase.generatedDirs()) {
                databases.add(new GeneratedDatabase(dir.toString(), "jdbc:h2:file:" + dir.toAbsolutePath() + "/social-media;MODE=LEGACY",
                        "sa", "sa", "H2"));
            }
        }
        for (String url : urls.split(",")) {
            if (url.isBlank()) {
                continue;
            }
            if (!url.strip().startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException("-Dbench.urls takes PostgreSQL JDBC URLs (H2 folders go to -Dbench.dirs): " + url);
            }
            databases.add(new GeneratedDatabase(url.strip(), url.strip(), System.getenv().getOrDefault("DB_USER", ""),
                    System.getenv().getOrDefault("DB_PASSWORD", ""), "PostgreSQL"));
        }
        return databases;
    }

    boolean h2() {
        return "H2".equals(product);
    }

    /** Brings it to the current schema, as the server would at its start. */
    void migrate() {
        BenchDatabase.migrate(url, user, password, product);
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** The persistence unit's properties on it (the map may be extended). */
    Map<String, String> unit() {
        // H2 hands back the last result of an unchanged query on unchanged tables: each run must count for real
        return h2() ? JavaSeUnit.onH2(url + ";OPTIMIZE_REUSE_RESULTS=FALSE")
                : JavaSeUnit.on("org.postgresql.Driver", url, user, password);
    }
}
