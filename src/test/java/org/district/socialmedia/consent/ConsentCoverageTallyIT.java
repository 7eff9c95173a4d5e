package org.district.socialmedia.consent;

import jakarta.inject.Inject;
import org.district.socialmedia.consent.boundary.ConsentService;
import org.district.socialmedia.consent.boundary.OnlineConsents;
import org.district.socialmedia.consent.control.ConsentWorker;
import org.district.socialmedia.consent.control.CoverageCounter;
import org.district.socialmedia.consent.control.CoverageTally;
import org.district.socialmedia.consent.entity.ConsentItem;
import org.district.socialmedia.consent.entity.CoverageCount;
import org.district.socialmedia.it.Deployments;
import org.district.socialmedia.it.TestTransactions;
import org.district.socialmedia.oversight.control.ConsentReports;
import org.district.socialmedia.oversight.entity.ConsentCoverage;
import org.district.socialmedia.people.entity.OrgUnit;
import org.district.socialmedia.platform.control.DistrictTime;
import org.district.socialmedia.students.control.HandEntry;
import org.district.socialmedia.students.control.RosterWriter;
import org.district.socialmedia.students.entity.Enrollment;
import org.district.socialmedia.students.entity.Student;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The consent coverage tally (issue 22, item 5) against a recount of the rows, after the changes that move it,
 * each made through the application's own path: a form signed online, a revocation, a student entered by hand,
 * an enrollment brought back by a roster undo (its school only made stale). Between them the report (stored counts where clean, the rows
 * elsewhere) equals the recount; after the consent timer's work the stored counts do too. An enrollment changed
 * behind the application's back (no mark) is what the recount finds.
 */
@ExtendWith(ArquillianExtension.class)
class ConsentCoverageTallyIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.inContainer();
    }

    @Inject
    CoverageTally tally;
    @Inject
    ConsentReports reports;
    @Inject
    ConsentWorker worker;
    @Inject
    OnlineConsents online;
    @Inject
    ConsentService consents;
    @Inject
    HandEntry handEntry;
    @Inject
    RosterWriter rosterWriter;
    @Inject
    TestTransactions tx;
    @Inject
    DistrictTime districtTime;
    @Inject
    Clock clock;

    /** A student of a school with classes, a guardian and an imported enrollment. */
    record Pick(long studentId, long guardianId, long schoolId, String enrollment) {
    }

    @Test
    void theTallyAgreesWithARecountAfterEachChangeThatMovesIt() {
        LocalDate today = LocalDate.now(clock.withZone(districtTime.timeZone()));
        assertEquals("consent-coverage", tally.name());
        assertTrue(tx.inNewTransaction(em -> tally.rebuild()) >= 0);
        assertEquals(List.of(), tx.inNewTransaction(em -> tally.differences()), "just rebuilt");
        Pick pick = tx.inNewTransaction(em -> {
            Enrollment e = em.createQuery("SELECT e FROM Enrollment e WHERE e.active = TRUE AND e.sourcedId IS NOT NULL"
                    + " AND e.student.active = TRUE AND e.schoolClass.active = TRUE AND e.student.school = e.schoolClass.school"
                    + " AND EXISTS (SELECT g FROM Student s JOIN s.guardians g WHERE s = e.student) ORDER BY e.id", Enrollment.class)
                    .setMaxResults(1).getSingleResult();
            Student s = e.getStudent();
            return new Pick(s.getId(), s.getGuardians().iterator().next().getId(), s.getSchool().getId(), e.getSourcedId());
        });
        Map<Long, CoverageCount> before = storedFigures(pick.schoolId(), today);
        assertFalse(before.isEmpty(), "the school's counts are stored");

        // a form signed online: the school is stale until counted again, the report counts its rows meanwhile
        long form = tx.inNewTransaction(em -> online.record(pick.studentId(), pick.guardianId(), "2026-1",
                EnumSet.of(ConsentItem.PHOTO, ConsentItem.VIDEO, ConsentItem.VOICE), new OnlineConsents.Signed(clock.instant(),
                        "192.0.2.1", "ConsentCoverageTallyIT", "A Parent", "I agree", "PARENT", "en", "0".repeat(64), "text"), "ConsentCoverageTallyIT").id());
        assertTrue(storedFigures(pick.schoolId(), today).isEmpty(), "a form marks the school's counts stale");
        assertReportIsTheRecount(pick.schoolId(), today);
        // the District's totals: its row, less the stale school's stored figures, plus that school counted now
        assertReportIsTheRecount(null, today);
        countDue();
        assertEquals(List.of(), tx.inNewTransaction(em -> tally.differences()), "after a form");
        assertEquals(before.get(CoverageCount.SCHOOL).enrolled(), storedFigures(pick.schoolId(), today).get(CoverageCount.SCHOOL).enrolled());

        // a revocation by the parent
        tx.inNewTransaction(em -> consents.revokeOnline(form, pick.guardianId(), EnumSet.of(ConsentItem.VIDEO), "ConsentCoverageTallyIT"));
        assertTrue(storedFigures(pick.schoolId(), today).isEmpty(), "a revocation marks it stale");
        assertReportIsTheRecount(pick.schoolId(), today);
        countDue();
        assertEquals(List.of(), tx.inNewTransaction(em -> tally.differences()), "after a revocation");

        // a student entered by hand: one more enrolled in the school
        tx.inNewTransaction(em -> handEntry.student("CT" + Instant.now().toEpochMilli() % 100_000_000, "Tally", "Student",
                em.find(OrgUnit.class, pick.schoolId()), "5"));
        assertReportIsTheRecount(pick.schoolId(), today);
        countDue();
        assertEquals(List.of(), tx.inNewTransaction(em -> tally.differences()), "after a student entered");
        assertEquals(before.get(CoverageCount.SCHOOL).enrolled() + 1,
                storedFigures(pick.schoolId(), today).get(CoverageCount.SCHOOL).enrolled());

        // an enrollment ended behind the application's back: nothing marks it, the recount names the class
        tx.inNewTransaction(em -> em.createNamedQuery(Enrollment.BY_SOURCED_ID, Enrollment.class)
                .setParameter("sourcedIds", List.of(pick.enrollment())).getSingleResult().deactivate(clock.instant()));
        List<String> missed = tx.inNewTransaction(em -> tally.differences());
        assertFalse(missed.isEmpty(), "the recount finds the unmarked change");
        assertTrue(missed.stream().allMatch(d -> d.startsWith("unit " + pick.schoolId())), missed.toString());
        // the roster's undo brings it back, as the application does: marked, counted again, equal
        int reactivated = tx.inNewTransaction(em -> rosterWriter.reactivate(Map.of("ENROLLMENT", Set.of(pick.enrollment()))));
        assertEquals(1, reactivated);
        assertTrue(storedFigures(pick.schoolId(), today).isEmpty(), "a roster change marks its school stale");
        long other = tx.inNewTransaction(em -> em.createQuery("SELECT c.school.id FROM SchoolClass c WHERE c.active = TRUE"
                + " AND c.school.id <> :school ORDER BY c.id", Long.class).setParameter("school", pick.schoolId())
                .setMaxResults(1).getSingleResult());
        assertFalse(storedFigures(other, today).isEmpty(), "and no other: school " + other + "'s counts still hold");
        assertReportIsTheRecount(pick.schoolId(), today);
        countDue();
        assertEquals(List.of(), tx.inNewTransaction(em -> tally.differences()), "after the roster's undo");
        assertEquals(List.of(), worker.coverageDue(), "every unit counted for the day");
        assertReportIsTheRecount(pick.schoolId(), today);
        assertReportIsTheRecount(null, today);
    }

    /**
     * The District's row of the tally (V88) against the sums of its school rows: spoiled by hand, the recount names it and
     * puts it right. A unit without a school row (new since the timer's last pass) is counted from its rows by the report,
     * and the timer's count of it moves the row. A page of schools is the whole answer's rows from where it starts.
     */
    @Test
    void theDistrictsRowAgreesWithItsSchoolRowsAndTheRecountPutsASpoiledOneRight() {
        LocalDate today = LocalDate.now(clock.withZone(districtTime.timeZone()));
        tx.inNewTransaction(em -> tally.rebuild());
        assertEquals(List.of(), tx.inNewTransaction(em -> tally.differences()), "just rebuilt");
        assertReportIsTheRecount(null, today);
        ConsentCoverage all = tx.inNewTransaction(em -> reports.coverage(null, null, today));
        assertTrue(all.schools().size() >= 2, "the demo District has two schools with students at least: " + all.schools().size());
        ConsentCoverage page = tx.inNewTransaction(em -> reports.coverage(null, null, today, 1, 1));
        assertEquals(all.schools().subList(1, 2), page.schools(), "a page is the whole answer's rows from where it starts");
        assertEquals(all.schoolsTotal(), page.schoolsTotal());
        assertEquals(all.formsEndingIn30Days(), page.formsEndingIn30Days());

        int spoiled = tx.inNewTransaction(em -> em.createNativeQuery("UPDATE consent_coverage_district SET schools = schools + 1,"
                + " forms_ending = forms_ending + 5 WHERE id = 1").executeUpdate());
        assertEquals(1, spoiled);
        List<String> found = tx.inNewTransaction(em -> tally.differences());
        assertEquals(1, found.size(), found.toString());
        assertTrue(found.get(0).startsWith("district: "), found.toString());
        assertEquals(Integer.valueOf(1), tx.inNewTransaction(em -> tally.rebuild()), "the District's row only");
        assertEquals(List.of(), tx.inNewTransaction(em -> tally.differences()), "put right");
        assertReportIsTheRecount(null, today);

        // a school as if it had never been counted: its school row gone and the District's row without it
        long school = all.schools().get(0).id();
        tx.inNewTransaction(em -> {
            em.createNativeQuery("UPDATE consent_coverage_district SET units = units - 1, schools = schools - 1, forms_ending = forms_ending"
                    + " - (SELECT forms_ending FROM consent_coverage_tally WHERE unit_id = ?1 AND class_id = 0) WHERE id = 1")
                    .setParameter(1, school).executeUpdate();
            return em.createNativeQuery("DELETE FROM consent_coverage_tally WHERE unit_id = ?1 AND class_id = 0").setParameter(1, school).executeUpdate();
        });
        assertReportIsTheRecount(null, today);
        assertEquals(all.schools().subList(1, 2), tx.inNewTransaction(em -> reports.coverage(null, null, today, 1, 1)).schools());
        assertTrue(worker.coverageDue().contains(school), "the timer's work");
        countDue();
        assertEquals(List.of(), tx.inNewTransaction(em -> tally.differences()), "the timer's count moved the District's row");
        assertReportIsTheRecount(null, today);
    }

    /** What the consent timer does: every unit without a clean count for the day, counted in its own transaction. */
    private void countDue() {
        for (Long unitId : worker.coverageDue()) {
            worker.countCoverage(unitId);
        }
    }

    private Map<Long, CoverageCount> storedFigures(long schoolId, LocalDate day) {
        Map<Long, CoverageCount> byClass = new HashMap<>();
        tx.inNewTransaction(em -> tally.stored(schoolId, day)).getOrDefault(schoolId, List.of()).forEach(c -> byClass.put(c.classId(), c));
        return byClass;
    }

    /** The report's rows against the unit's rows counted now (every school's for none). */
    private void assertReportIsTheRecount(Long schoolId, LocalDate day) {
        ConsentCoverage report = tx.inNewTransaction(em -> reports.coverage(schoolId, null, day));
        Map<Long, CoverageCount> recount = new HashMap<>();
        Map<Long, CoverageCount> classes = new HashMap<>();
        long ending = tx.inNewTransaction(em -> {
            List<Long> units = schoolId == null ? em.createQuery("SELECT u.id FROM OrgUnit u", Long.class).getResultList() : List.of(schoolId);
            long forms = 0;
            for (Long unit : units) {
                for (CoverageCount c : CoverageCounter.count(em, unit, day)) {
                    (c.isSchool() ? recount : classes).put(c.isSchool() ? c.unitId() : c.classId(), c);
                }
                forms += CoverageCounter.formsEnding(em, unit, day);
            }
            return forms;
        });
        assertEquals(ending, report.formsEndingIn30Days(), "forms ending within 30 days");
        assertEquals(recount.size(), report.schools().size(), "a row per school with students");
        assertEquals(recount.size(), report.schoolsTotal(), "schools with students");
        for (ConsentCoverage.Row row : report.schools()) {
            assertRow(recount.get(row.id()), row);
        }
        if (schoolId == null) {
            assertEquals(List.of(), report.classes(), "the District's answer has no class rows");
            return;
        }
        assertEquals(classes.size(), report.classes().size(), "a row per class with students");
        for (ConsentCoverage.Row row : report.classes()) {
            assertRow(classes.get(row.id()), row);
        }
    }

    private static void assertRow(CoverageCount expected, ConsentCoverage.Row row) {
        assertEquals(expected.enrolled(), row.enrolled(), row.name());
        for (ConsentItem item : ConsentItem.values()) {
            assertEquals(expected.covered(item), row.covered().get(item.name()), row.name() + " " + item);
        }
    }
}
