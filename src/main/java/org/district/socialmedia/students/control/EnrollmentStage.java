package org.district.socialmedia.students.control;

import org.district.socialmedia.students.control.RosterRows.EnrollmentRow;
import org.district.socialmedia.students.control.RosterSnapshot.EnrollmentData;
import org.district.socialmedia.students.entity.Enrollment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * enrollments.csv's rows on their way into the run's staging table: held only until a batch of {@link #BATCH} is
 * full, then handed to the store (a transaction of its own in the server), so the heap holds one batch whatever
 * the file's size. {@link #flush()} once the reading is done.
 */
public final class EnrollmentStage implements OneRosterParser.EnrollmentSink {

    /** Rows staged per JDBC batch and transaction. */
    public static final int BATCH = 5_000;

    static final String USABLE = "U";
    static final String SKIPPED = "S";
    static final String REFUSED = "R";

    /** One staged row; {@code payload} is the import_change payload its create or update would carry. */
    public record Staged(int line, String sourcedId, String state, boolean deleted, String classSourcedId,
                         String userSourcedId, LocalDate beginDate, LocalDate endDate, String payload, String reason) {
    }

    private final Consumer<List<Staged>> store;
    private final List<Staged> batch = new ArrayList<>(BATCH);

    public EnrollmentStage(Consumer<List<Staged>> store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public void usable(EnrollmentRow row) {
        String payload = row.toBeDeleted() ? null : RosterChangeRows.enrollment(
                new EnrollmentData(row.classSourcedId(), row.userSourcedId(), row.beginDate(), row.endDate()));
        add(new Staged(row.line(), row.sourcedId(), USABLE, row.toBeDeleted(), row.classSourcedId(), row.userSourcedId(),
                row.beginDate(), row.endDate(), payload, null));
    }

    @Override
    public void skipped(int line, String sourcedId) {
        add(new Staged(line, sourcedId, SKIPPED, false, null, null, null, null, null, null));
    }

    @Override
    public void refused(int line, String sourcedId, String reason) {
        // a sourcedId longer than any stored one names no stored record, so it is staged as none: PostgreSQL's
        // B-tree index on it takes no entry over about 2,700 bytes, and the row is refused for its length anyway
        String named = sourcedId == null || sourcedId.length() > Enrollment.SOURCED_ID_MAX ? null : sourcedId;
        add(new Staged(line, named, REFUSED, false, null, null, null, null, null, reason));
    }

    private void add(Staged row) {
        batch.add(row);
        if (batch.size() == BATCH) {
            flush();
        }
    }

    public void flush() {
        if (!batch.isEmpty()) {
            store.accept(List.copyOf(batch));
            batch.clear();
        }
    }
}
