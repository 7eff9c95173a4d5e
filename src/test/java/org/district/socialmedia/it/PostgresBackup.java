package org.district.socialmedia.it;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The PostgreSQL backup and restore of docs/operations.md, run as an operator runs them: PostgreSQL's own
 * pg_dump and pg_restore, as the application's role, on the database the test server uses (DB_URL,
 * DB_USER, DB_PASSWORD, which the PostgreSQL run gives the tests and the server alike).
 */
public final class PostgresBackup {

    private final URI server;
    private final String database;
    private final String user = System.getenv("DB_USER");
    private final String password = System.getenv("DB_PASSWORD");

    public PostgresBackup() {
        String url = System.getenv("DB_URL");
        if (url == null || !url.startsWith("jdbc:postgresql://")) {
            throw new IllegalStateException("DB_URL is not a PostgreSQL URL: " + url);
        }
        URI uri = URI.create(url.substring("jdbc:".length()));
        server = URI.create("postgresql://" + uri.getHost() + ":" + (uri.getPort() < 0 ? 5432 : uri.getPort()) + "/");
        database = uri.getPath().substring(1);
    }

    /** The application's database. */
    public String database() {
        return database;
    }

    /** pg_dump in its custom format (-Fc), as the docs say: one snapshot, taken while the server runs. */
    public void dump(Path file) throws IOException, InterruptedException {
        run("pg_dump", "--format=custom", "--file=" + file, "--dbname=" + server.resolve(database), "--username=" + user);
    }

    /** pg_restore into another, existing database, replacing whatever the dump holds. */
    public void restore(Path file, String into) throws IOException, InterruptedException {
        run("pg_restore", "--clean", "--if-exists", "--no-owner", "--exit-on-error", "--dbname=" + server.resolve(into),
                "--username=" + user, file.toString());
    }

    public Connection connect(String name) throws SQLException {
        return DriverManager.getConnection("jdbc:" + server.resolve(name), user, password);
    }

    private void run(String... command) throws IOException, InterruptedException {
        Path log = Files.createTempFile("pg-tool", ".log");
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(List.of(command)))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("PGPASSWORD", password);
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(command[0] + " did not finish in 120 s");
        }
        String output = Files.readString(log);
        Files.delete(log);
        if (process.exitValue() != 0) {
            throw new IllegalStateException(command[0] + " failed (" + process.exitValue() + "): " + output);
        }
    }
}
