package org.district.socialmedia.students.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.district.socialmedia.students.control.EnrollmentStage.Staged;
import org.district.socialmedia.students.control.StagedEnrollments.Figures;

import java.util.Collection;
import java.util.List;

/**
 * A run's staged enrollments ({@link StagedEnrollments}) in the server: each batch and range in a transaction of
 * its own, so that neither the staging of millions of rows nor their comparison outlasts a transaction's timeout;
 * the loops over the ranges hold none, and call each range through this bean's proxy.
 */
@Stateless
public class EnrollmentStaging {

    @PersistenceContext
    EntityManager em;
    /** This bean's proxy: each range's method in a transaction of its own. */
    @Inject
    EnrollmentStaging self;

    /** A sink that stages the run's enrollments.csv, a batch a transaction. */
    public EnrollmentStage sink(Long runId) {
        return new EnrollmentStage(rows -> self.store(runId, rows));
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void store(Long runId, List<Staged> rows) {
        run(c -> StagedEnrollments.insert(c, runId, rows));
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int maxLine(Long runId) {
        return call(c -> StagedEnrollments.maxLine(c, runId));
    }

    /** The run's staging tables, new and empty: before its files are read (what an earlier reading left goes). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void create(Long runId) {
        run(c -> StagedEnrollments.create(c, runId));
    }

    /** The run's staging tables are gone: once used, or no longer wanted. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void clear(Long runId) {
        run(c -> StagedEnrollments.drop(c, runId));
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean exists(Long runId) {
        return call(c -> StagedEnrollments.exists(c, runId));
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void keys(Long runId, String kind, Collection<String> ids) {
        run(c -> StagedEnrollments.keys(c, runId, kind, ids));
    }

    /**
     * Compares everything staged for the run with the stored enrollments; a bulk file's absence check too.
     *
     * @param createdStudents sourcedIds of the students the run creates
     * @param createdClasses  sourcedIds of the classes the run creates
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Figures compare(Long runId, boolean bulk, Collection<String> createdStudents, Collection<String> createdClasses) {
        self.keys(runId, "STUDENT", createdStudents);
        self.keys(runId, "CLASS", createdClasses);
        self.analyze(runId);
        self.duplicates(runId);
        int max = self.maxLine(runId);
        for (int from = 1; from <= max; from += StagedEnrollments.RANGE) {
            self.compareLines(runId, from, from + StagedEnrollments.RANGE - 1);
        }
        if (bulk) {
            long[] ids = self.enrollmentIds();
            if (ids != null) {
                for (long from = ids[0]; from <= ids[1]; from += StagedEnrollments.RANGE) {
                    self.absent(runId, from, from + StagedEnrollments.RANGE - 1);
                }
            }
        }
        return self.figures(runId);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void analyze(Long runId) {
        run(c -> StagedEnrollments.analyze(c, runId));
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void duplicates(Long runId) {
        run(c -> StagedEnrollments.duplicates(c, runId));
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void compareLines(Long runId, int from, int to) {
        run(c -> StagedEnrollments.compare(c, runId, from, to));
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public long[] enrollmentIds() {
        return call(StagedEnrollments::enrollmentIds);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void absent(Long runId, long from, long to) {
        run(c -> StagedEnrollments.absent(c, runId, from, to));
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Figures figures(Long runId) {
        return call(c -> StagedEnrollments.figures(c, runId));
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<ImportProblem> problems(Long runId, int max) {
        return call(c -> StagedEnrollments.problems(c, runId, max));
    }

    /**
     * Stores the run's enrollment creates and updates (updates first, each in line order) from {@code firstSeq}, or
     * with {@code deactivations} its deactivations; how many rows.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int storePlan(Long runId, long firstSeq, boolean deactivations) {
        int max = self.maxLine(runId);
        long seq = firstSeq;
        for (String op : deactivations ? List.of("D") : List.of("U", "C")) {
            for (int from = 1; from <= max; from += StagedEnrollments.RANGE) {
                seq += self.storeChanges(runId, op, seq, from, from + StagedEnrollments.RANGE - 1);
            }
        }
        if (deactivations) {
            long[] ids = self.enrollmentIds();
            if (ids != null) {
                for (long from = ids[0]; from <= ids[1]; from += StagedEnrollments.RANGE) {
                    seq += self.storeAbsent(runId, seq, from, from + StagedEnrollments.RANGE - 1);
                }
            }
        }
        return (int) (seq - firstSeq);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int storeChanges(Long runId, String changeOp, long firstSeq, int from, int to) {
        return call(c -> StagedEnrollments.storeChanges(c, runId, changeOp, firstSeq, from, to));
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int storeAbsent(Long runId, long firstSeq, long from, long to) {
        return call(c -> StagedEnrollments.storeAbsent(c, runId, firstSeq, from, to));
    }

    private void run(StagingConnection.VoidWork work) {
        StagingConnection.run(em, "staged enrollments", work);
    }

    private <T> T call(StagingConnection.Work<T> work) {
        return StagingConnection.call(em, "staged enrollments", work);
    }
}
