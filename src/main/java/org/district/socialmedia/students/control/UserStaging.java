package org.district.socialmedia.students.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.district.socialmedia.students.control.StagedUsers.Figures;
import org.district.socialmedia.students.control.UserStage.Staged;

import java.util.List;
import java.util.Set;

/**
 * A run's staged users ({@link StagedUsers}) in the server, as {@link EnrollmentStaging} has its enrollments: each
 * batch and range in a transaction of its own; the loops over the ranges hold none, and call each range through this
 * bean's proxy.
 */
@Stateless
public class UserStaging {

    /** The parts of the plan the staged users fill, each at its place in the order. */
    public enum Part { WRITES, LINKS, DEACTIVATIONS }

    @PersistenceContext
    EntityManager em;
    /** This bean's proxy: each range's method in a transaction of its own. */
    @Inject
    UserStaging self;

    /**
     * A sink that stages the run's users.csv, a batch a transaction.
     *
     * @param unitCodes the codes of the District's org units (a student's school is found as it is staged)
     */
    public UserStage sink(Long runId, Set<String> unitCodes) {
        return new UserStage(unitCodes, rows -> self.store(runId, rows));
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void store(Long runId, List<Staged> rows) {
        run(c -> StagedUsers.insert(c, runId, rows));
    }

    /** The run's staging tables, new and empty: before its files are read (what an earlier reading left goes). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void create(Long runId) {
        run(c -> StagedUsers.create(c, runId));
    }

    /** The run's staging tables are gone: once used, or no longer wanted. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void clear(Long runId) {
        run(c -> StagedUsers.drop(c, runId));
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean exists(Long runId) {
        return call(c -> StagedUsers.exists(c, runId));
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int maxLine(Long runId) {
        return call(c -> StagedUsers.maxLine(c, runId));
    }

    /**
     * Compares everything staged for the run with the stored students and guardians, a bulk file's absence check
     * too, and records the students it creates among the staged enrollments' keys (the run's enrollment staging
     * tables are made with these).
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Figures compare(Long runId, boolean bulk) {
        int max = self.maxLine(runId);
        // the statistics again as each step fills the tables the next one reads: rows, then decisions, then links
        self.analyze(runId);
        for (int from = 1; from <= max; from += StagedEnrollments.RANGE) {
            self.compareRows(runId, from, from + StagedEnrollments.RANGE - 1);
        }
        self.analyze(runId);
        for (int index = 0; index < StagedUserRules.LINKS.size(); index++) {
            if (StagedUsers.linksByLines(index)) {
                for (int from = 1; from <= max; from += StagedEnrollments.RANGE) {
                    self.compareLinks(runId, index, from, from + StagedEnrollments.RANGE - 1);
                }
            } else {
                self.compareLinks(runId, index, 0, 0);
            }
        }
        self.analyze(runId);
        for (int from = 1; from <= max; from += StagedEnrollments.RANGE) {
            self.compareChanges(runId, from, from + StagedEnrollments.RANGE - 1);
        }
        if (bulk) {
            for (String kind : List.of(UserStage.STUDENT, UserStage.GUARDIAN)) {
                long[] ids = self.ids(kind);
                if (ids != null) {
                    for (long from = ids[0]; from <= ids[1]; from += StagedEnrollments.RANGE) {
                        self.absent(runId, kind, from, from + StagedEnrollments.RANGE - 1);
                    }
                }
            }
        }
        self.createdStudentKeys(runId);
        return self.figures(runId);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void analyze(Long runId) {
        run(c -> StagedUsers.analyze(c, runId));
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void compareRows(Long runId, int from, int to) {
        run(c -> StagedUsers.compareRows(c, runId, from, to));
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void compareLinks(Long runId, int index, int from, int to) {
        run(c -> StagedUsers.compareLinks(c, runId, index, from, to));
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void compareChanges(Long runId, int from, int to) {
        run(c -> StagedUsers.compareChanges(c, runId, from, to));
    }

    /** The lowest and highest id of the stored students (S) or guardians (G), or null when there are none. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public long[] ids(String kind) {
        return call(c -> StagedUsers.ids(c, kind.equals(UserStage.STUDENT) ? "student" : "guardian"));
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void absent(Long runId, String kind, long from, long to) {
        run(c -> StagedUsers.absent(c, runId, kind, from, to));
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void createdStudentKeys(Long runId) {
        run(c -> StagedUsers.createdStudentKeys(c, runId));
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Figures figures(Long runId) {
        return call(c -> StagedUsers.figures(c, runId));
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<ImportProblem> problems(Long runId, int max) {
        return call(c -> StagedUsers.problems(c, runId, max));
    }

    /** The active roster staff no staged row of the run names: what a bulk users.csv deactivates of them. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Set<String> unnamedRosterStaff(Long runId) {
        return call(c -> StagedUsers.unnamedRosterStaff(c, runId));
    }

    /** Stores a part of the run's user changes from {@code firstSeq}, in the reconciler's order; how many rows. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int storePlan(Long runId, long firstSeq, Part part) {
        long seq = firstSeq;
        if (part == Part.LINKS) {
            return self.storeLinks(runId, firstSeq);
        }
        int max = self.maxLine(runId);
        List<String> kinds = part == Part.WRITES ? List.of(UserStage.GUARDIAN, UserStage.STUDENT)
                : List.of(UserStage.STUDENT, UserStage.GUARDIAN);
        for (String kind : kinds) {
            for (String op : part == Part.WRITES ? List.of("U", "C") : List.of("D")) {
                for (int from = 1; from <= max; from += StagedEnrollments.RANGE) {
                    seq += self.storeChanges(runId, kind, op, seq, from, from + StagedEnrollments.RANGE - 1);
                }
            }
            if (part == Part.DEACTIVATIONS) {
                long[] ids = self.ids(kind);
                if (ids != null) {
                    for (long from = ids[0]; from <= ids[1]; from += StagedEnrollments.RANGE) {
                        seq += self.storeAbsent(runId, kind, seq, from, from + StagedEnrollments.RANGE - 1);
                    }
                }
            }
        }
        return (int) (seq - firstSeq);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int storeChanges(Long runId, String kind, String op, long firstSeq, int from, int to) {
        return call(c -> StagedUserChanges.storeChanges(c, runId, kind, op, firstSeq, from, to));
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int storeAbsent(Long runId, String kind, long firstSeq, long from, long to) {
        return call(c -> StagedUserChanges.storeAbsent(c, runId, kind, firstSeq, from, to));
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int storeLinks(Long runId, long firstSeq) {
        return call(c -> StagedUserChanges.storeLinks(c, runId, firstSeq));
    }

    private void run(StagingConnection.VoidWork work) {
        StagingConnection.run(em, "staged users", work);
    }

    private <T> T call(StagingConnection.Work<T> work) {
        return StagingConnection.call(em, "staged users", work);
    }
}
