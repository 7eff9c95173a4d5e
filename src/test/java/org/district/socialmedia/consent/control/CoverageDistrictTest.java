package org.district.socialmedia.consent.control;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import org.district.socialmedia.consent.entity.ConsentItem;
import org.district.socialmedia.consent.entity.CoverageCount;
import org.district.socialmedia.it.JavaSeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The District's row of the consent coverage tally (V88) and the page of schools in name order, by the real
 * statements on a database made by the real migrations: four units, three with a school row (one without students),
 * one without. H2 by default; {@code -Dcoverage.district.url=jdbc:postgresql://...} (user and password
 * {@code coverage.district.user} and {@code .password}) runs the same on an empty PostgreSQL database.
 */
class CoverageDistrictTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 7);
    private static EntityManagerFactory emf;
    private static EntityManager em;
    private static CoverageDistrict district;
    private static CoverageTally tally;

    @BeforeAll
    static void database() throws SQLException {
        JavaSeUnit.TestDatabase db = JavaSeUnit.migrated("coverage.district", "coverage-district");
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            String unit = "INSERT INTO org_unit (id, code, name, kind, active, version) VALUES ";
            s.execute(unit + "(1, 'B', 'Beta School', 'SCHOOL', TRUE, 0)");
            s.execute(unit + "(2, 'A', 'alpha School', 'SCHOOL', TRUE, 0)");
            s.execute(unit + "(3, 'G', 'Gamma Office', 'DEPARTMENT', TRUE, 0)");
            s.execute(unit + "(4, 'D', 'delta School', 'SCHOOL', TRUE, 0)");
            String row = "INSERT INTO consent_coverage_tally (unit_id, class_id, counted_for, stale, enrolled, photo, video, full_name, first_name,"
                    + " student_work, voice, forms_ending) VALUES ";
            s.execute(row + "(1, 0, DATE '2026-12-07', FALSE, 5, 4, 3, 2, 2, 1, 0, 2)");
            s.execute(row + "(1, 10, DATE '2026-12-07', FALSE, 5, 4, 3, 2, 2, 1, 0, 0)");
            s.execute(row + "(2, 0, DATE '2026-12-07', FALSE, 3, 3, 3, 3, 3, 3, 3, 1)");
            s.execute(row + "(3, 0, DATE '2026-12-07', FALSE, 0, 0, 0, 0, 0, 0, 0, 0)");
        }
        Map<String, String> props = db.unit();
        props.put("eclipselink.logging.level", "SEVERE");
        emf = Persistence.createEntityManagerFactory("social-media", props);
        em = emf.createEntityManager();
        district = new CoverageDistrict();
        district.em = em;
        tally = new CoverageTally();
        tally.em = em;
        tally.district = district;
    }

    @AfterAll
    static void close() {
        em.close();
        emf.close();
    }

    private static <T> T inTransaction(Supplier<T> work) {
        em.getTransaction().begin();
        try {
            return work.get();
        } finally {
            em.getTransaction().commit();
        }
    }

    private static void sql(String statement) {
        inTransaction(() -> em.createNativeQuery(statement).executeUpdate());
    }

    private static List<Long> ids(List<CoverageTally.PageUnit> page) {
        return page.stream().map(CoverageTally.PageUnit::unitId).toList();
    }

    @Test
    void theDistrictsRowSumsItsSchoolRowsAndThePageFollowsTheNameOrder() {
        // the migration filled the row from no school rows; the rows above came after: the recount finds it and puts it right
        List<String> found = inTransaction(district::differences);
        assertEquals(1, found.size(), found.toString());
        assertTrue(found.get(0).startsWith("district: stored school rows 0"), found.toString());
        assertEquals(1, inTransaction(district::rebuild));
        assertEquals(List.of(), inTransaction(district::differences));
        assertEquals(0, inTransaction(district::rebuild), "nothing to put right");

        CoverageDistrict.Totals totals = inTransaction(() -> district.totals(DAY, false));
        assertEquals(3, totals.units());
        assertEquals(2, totals.schools());
        assertEquals(3, totals.formsEnding());
        assertEquals(4, totals.unitsNow());
        assertFalse(totals.everyUnit(), "unit 4 has no school row");
        assertEquals(List.of(), totals.notClean());
        assertEquals(List.of(new CoverageTally.SchoolFigures(4, null, null)), inTransaction(() -> district.totals(DAY, true)).notClean());

        // a stale row, and every row of another day, is listed with its stored figures
        sql("UPDATE consent_coverage_tally SET stale = TRUE WHERE unit_id = 1 AND class_id = 0");
        assertEquals(List.of(new CoverageTally.SchoolFigures(1, 5L, 2L)), inTransaction(() -> district.totals(DAY, false)).notClean());
        assertEquals(3, inTransaction(() -> district.totals(DAY.plusDays(1), false)).notClean().size(), "the day after");
        assertEquals(3, inTransaction(() -> district.totals(DAY.minusDays(1), false)).notClean().size(), "the day before");

        // the page: units with students by LOWER(name), then id; a stale row still says whether its unit has students
        List<CoverageTally.PageUnit> all = inTransaction(() -> tally.schoolsByName(DAY, 0, Integer.MAX_VALUE, Set.of(), List.of()));
        assertEquals(List.of(2L, 1L), ids(all));
        assertEquals("alpha School", all.get(0).name());
        assertEquals(3, all.get(0).counted().enrolled());
        assertEquals(3, all.get(0).counted().covered(ConsentItem.VOICE));
        assertNull(all.get(1).counted(), "a stale row is not a count of the day");
        assertEquals(List.of(1L), ids(inTransaction(() -> tally.schoolsByName(DAY, 1, 5, Set.of(), List.of()))));
        assertEquals(List.of(2L), ids(inTransaction(() -> tally.schoolsByName(DAY, 0, 1, Set.of(), List.of()))));
        // units counted now: by what that count says, whatever their row says
        assertEquals(List.of(2L, 4L), ids(inTransaction(() -> tally.schoolsByName(DAY, 0, 10, Set.of(1L, 4L), List.of(4L)))));
        assertEquals(List.of(2L, 1L, 4L), ids(inTransaction(() -> tally.schoolsByName(DAY, 0, 10, Set.of(1L, 4L), List.of(1L, 4L)))));

        // a count moves the row by its school's change: unit 4's first row, unit 1 with one student less and no forms ending
        inTransaction(() -> {
            district.lock();
            district.moved(null, new CoverageCount(4, CoverageCount.SCHOOL, 7, new long[ConsentItem.values().length], 4));
            district.moved(new CoverageCount(1, CoverageCount.SCHOOL, 5, new long[ConsentItem.values().length], 2),
                    new CoverageCount(1, CoverageCount.SCHOOL, 0, new long[ConsentItem.values().length], 0));
            return null;
        });
        CoverageDistrict.Totals moved = inTransaction(() -> district.totals(DAY, false));
        assertEquals(List.of(4L, 2L, 5L, 4L), List.of(moved.units(), moved.schools(), moved.formsEnding(), moved.unitsNow()));
        // the school rows were not written: the recount says so, and puts the row back to them
        assertFalse(inTransaction(district::differences).isEmpty());
        assertEquals(1, inTransaction(district::rebuild));
        sql("UPDATE consent_coverage_tally SET stale = FALSE WHERE unit_id = 1 AND class_id = 0");
        assertEquals(List.of(), inTransaction(district::differences));
    }
}
