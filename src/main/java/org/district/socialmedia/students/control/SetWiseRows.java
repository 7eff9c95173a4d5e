package org.district.socialmedia.students.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the set-wise writers of a range share ({@link StudentWrites}, {@link GuardianWrites}, {@link EnrollmentWrites}):
 * a range's rows of one kind, their payload split into columns in SQL that H2 (MODE=LEGACY) and PostgreSQL both run,
 * and new ids drawn from a sequence as EclipseLink draws them.
 */
final class SetWiseRows {

    /** The ids a value of a roster table's sequence stands for: its INCREMENT BY, EclipseLink's allocationSize. */
    static final int ID_BLOCK = 50;

    private static final String SEPARATOR = "'" + RosterChangeRows.SEPARATOR + "'";
    private static final String NONE = "'" + RosterChangeRows.NULL + "'";

    /** Inserts the rows numbered {@code fromRow} to {@code toRow} (from 0, in seq order) with the ids {@code base} + number. */
    @FunctionalInterface
    interface Insert {
        void rows(long base, long fromRow, long toRow) throws SQLException;
    }

    private SetWiseRows() {
    }

    /** The range's rows of {@code kind} (parameters run, from, to), as {@code x}: a FROM and WHERE clause. */
    static String rows(String kind) {
        return " FROM import_change x WHERE x.run_id = ? AND x.seq BETWEEN ? AND ? AND x.kind = '" + kind + "'";
    }

    /**
     * The range's rows of {@code kind} and {@code op} (parameters run, from, to): seq, ref and the payload's fields
     * ({@link RosterChangeRows#join}) as the columns {@code names}, NULL where the payload says none. One derived table
     * per field, each taking the first field off the rest, so that no expression repeats the ones before it.
     */
    static String fields(String kind, String op, String... names) {
        String table = "SELECT x.seq, x.ref, x.payload AS r" + rows(kind) + " AND x.op = '" + op + "'";
        List<String> taken = new ArrayList<>();
        for (int i = 0; i < names.length - 1; i++) {
            String q = "q" + i;
            StringBuilder select = new StringBuilder("SELECT ").append(q).append(".seq, ").append(q).append(".ref");
            taken.forEach(name -> select.append(", ").append(q).append('.').append(name));
            select.append(", SUBSTRING(").append(q).append(".r FROM 1 FOR POSITION(").append(SEPARATOR).append(" IN ")
                    .append(q).append(".r) - 1) AS ").append(names[i])
                    .append(", SUBSTRING(").append(q).append(".r FROM POSITION(").append(SEPARATOR).append(" IN ")
                    .append(q).append(".r) + 1) AS r FROM (").append(table).append(") ").append(q);
            table = select.toString();
            taken.add(names[i]);
        }
        StringBuilder last = new StringBuilder("SELECT f.seq, f.ref");
        taken.forEach(name -> last.append(", NULLIF(f.").append(name).append(", ").append(NONE).append(") AS ").append(name));
        last.append(", NULLIF(f.r, ").append(NONE).append(") AS ").append(names[names.length - 1])
                .append(" FROM (").append(table).append(") f");
        return last.toString();
    }

    /** How many rows of {@code kind} and {@code op} the range holds. */
    static long count(Connection c, String kind, String op, long runId, long fromSeq, long toSeq) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT COUNT(*)" + rows(kind) + " AND x.op = '" + op + "'")) {
            RosterChangeLog.bindRange(select, 1, runId, fromSeq, toSeq);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Draws ids for {@code count} new rows from {@code sequence}: each of its values stands for the {@link #ID_BLOCK}
     * ids up to it, as for EclipseLink, so neither takes an id the other has. Another server may draw values meanwhile:
     * {@code insert} runs once per run of consecutive values.
     */
    static void withIds(Connection c, String sequence, long count, Insert insert) throws SQLException {
        if (count == 0) {
            return;
        }
        List<Long> blocks = new ArrayList<>();
        try (PreparedStatement next = c.prepareStatement("SELECT NEXTVAL('" + sequence + "')")) {
            for (long i = 0; i < count; i += ID_BLOCK) {
                try (ResultSet rs = next.executeQuery()) {
                    rs.next();
                    blocks.add(rs.getLong(1));
                }
            }
        }
        int first = 0;
        while (first < blocks.size()) {
            int last = first;
            while (last + 1 < blocks.size() && blocks.get(last + 1) == blocks.get(last) + ID_BLOCK) {
                last++;
            }
            long fromRow = (long) first * ID_BLOCK;
            insert.rows(blocks.get(first) - (ID_BLOCK - 1) - fromRow, fromRow, (long) (last + 1) * ID_BLOCK - 1);
            first = last + 1;
        }
    }

    /**
     * What a statement selects, its {@code ranges} ranges each bound to the run's range in turn: the schools told of
     * a range's change. NULLs are left out.
     */
    static Set<Long> ids(Connection c, String sql, int ranges, long runId, long fromSeq, long toSeq) throws SQLException {
        Set<Long> ids = new TreeSet<>();
        try (PreparedStatement select = c.prepareStatement(sql)) {
            for (int i = 0; i < ranges; i++) {
                RosterChangeLog.bindRange(select, 3 * i + 1, runId, fromSeq, toSeq);
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    if (!rs.wasNull()) {
                        ids.add(id);
                    }
                }
            }
        }
        return ids;
    }

    /**
     * Inserts a range's {@code count} new rows onto ids drawn from {@code sequence} ({@link #withIds}). The statement's
     * parameters are the base id, then {@code now} unless it is null, then the run's range, then the first and the
     * last row number of the ids' run.
     */
    static void insertNumbered(Connection c, String sequence, long count, String insertSql, Instant now, long runId, long fromSeq,
                               long toSeq) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(insertSql)) {
            withIds(c, sequence, count, (base, fromRow, toRow) -> {
                int p = 1;
                insert.setLong(p++, base);
                if (now != null) {
                    insert.setObject(p++, now.atOffset(ZoneOffset.UTC));
                }
                RosterChangeLog.bindRange(insert, p, runId, fromSeq, toSeq);
                insert.setLong(p + 3, fromRow);
                insert.setLong(p + 4, toRow);
                insert.executeUpdate();
            });
        }
    }
}
