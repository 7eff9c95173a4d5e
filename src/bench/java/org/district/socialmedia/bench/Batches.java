package org.district.socialmedia.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * JDBC batch inserts into several tables at once, written parent before child: rows wait in each table's
 * batch and all batches are sent together, in the order the tables were opened, then committed, once the
 * caller says its rows are complete ({@link #rowsDone}). A table's batch is never sent alone, so a row never
 * reaches the database before the row its foreign key names, whichever was added first. Memory holds one
 * batch per table, whatever the number of rows.
 */
final class Batches implements AutoCloseable {

    /** One table's INSERT statement and its pending rows. */
    final class Table {
        private final String name;
        private final PreparedStatement insert;
        private final int columns;
        private long rows;

        private Table(String name, String... columns) throws SQLException {
            this.name = name;
            this.columns = columns.length;
            this.insert = connection.prepareStatement("INSERT INTO " + name + " (" + String.join(", ", columns) + ") VALUES ("
                    + Collections.nCopies(columns.length, "?").stream().collect(Collectors.joining(", ")) + ")");
        }

        /** One row, its values in the order of the columns; an Instant is stored as TIMESTAMP WITH TIME ZONE. */
        void add(Object... values) throws SQLException {
            if (values.length != columns) {
                throw new IllegalArgumentException(name + " has " + columns + " columns, not " + values.length);
            }
            for (int i = 0; i < values.length; i++) {
                Object v = values[i];
                if (v == null) {
                    insert.setNull(i + 1, Types.NULL);
                } else if (v instanceof Instant instant) {
                    insert.setObject(i + 1, instant.atOffset(ZoneOffset.UTC));
                } else {
                    insert.setObject(i + 1, v);
                }
            }
            insert.addBatch();
            rows++;
            pending++;
        }

        long rows() {
            return rows;
        }

        String name() {
            return name;
        }
    }

    private final Connection connection;
    private final int size;
    private final int commitEvery;
    private final List<Table> tables = new ArrayList<>();
    private int pending;
    private long sinceCommit;

    /**
     * Sends about every {@code size} rows (all tables together) and commits about every {@code commitEvery}: H2
     * writes a new chunk of its file at each commit, so small transactions make a large file and a slow fill.
     */
    Batches(Connection connection, int size, int commitEvery) {
        this.connection = connection;
        this.size = size;
        this.commitEvery = commitEvery;
    }

    /** Opens a table; open parents before their children. */
    Table table(String name, String... columns) throws SQLException {
        Table t = new Table(name, columns);
        tables.add(t);
        return t;
    }

    /** The rows added so far have every row they refer to: sends them once a batch is full. */
    void rowsDone() throws SQLException {
        if (pending >= size) {
            send();
        }
    }

    /** Sends what waits, parents first; commits once enough was sent since the last commit. */
    void send() throws SQLException {
        for (Table t : tables) {
            t.insert.executeBatch();
        }
        sinceCommit += pending;
        pending = 0;
        if (sinceCommit >= commitEvery) {
            connection.commit();
            sinceCommit = 0;
        }
    }

    @Override
    public void close() throws SQLException {
        send();
        connection.commit();
        for (Table t : tables) {
            t.insert.close();
        }
    }
}
