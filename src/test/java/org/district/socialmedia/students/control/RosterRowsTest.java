package org.district.socialmedia.students.control;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import org.district.socialmedia.it.JavaSeUnit;
import org.district.socialmedia.students.entity.GuardianRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The stored roster as RosterPreview reads it (JPQL constructor expressions into named rows), on H2 made by the real migrations. */
class RosterRowsTest {

    private static EntityManagerFactory emf;
    private static EntityManager em;

    @BeforeAll
    static void database() throws SQLException {
        String url = JavaSeUnit.migratedH2("roster");
        try (Connection c = DriverManager.getConnection(url, "sa", "sa"); Statement s = c.createStatement()) {
            s.execute("INSERT INTO org_unit (id, code, name, kind, active, version) VALUES (1, 'HS', 'High School', 'SCHOOL', TRUE, 0)");
            s.execute("INSERT INTO student (id, sourced_id, district_id, given_name, family_name, school_id, grade, active, created_at, version)"
                    + " VALUES (1, 's1', 'D1', 'Al', 'Bo', 1, '09', TRUE, CURRENT_TIMESTAMP, 0)");
            s.execute("INSERT INTO guardian (id, sourced_id, given_name, family_name, email, phone, relationship, active, created_at, version)"
                    + " VALUES (1, 'g1', 'Gus', 'Bo', 'gus@example.org', '555', 'PARENT', TRUE, CURRENT_TIMESTAMP, 0)");
            s.execute("INSERT INTO student_guardian (student_id, guardian_id) VALUES (1, 1)");
            s.execute("INSERT INTO school_class (id, sourced_id, title, class_code, school_id, active, version)"
                    + " VALUES (1, 'c1', 'Art', 'A1', 1, FALSE, 0)");
            s.execute("INSERT INTO enrollment (id, sourced_id, class_id, student_id, begin_date, end_date, active, version)"
                    + " VALUES (1, 'e1', 1, 1, DATE '2026-09-01', NULL, TRUE, 0)");
        }
        Map<String, String> props = JavaSeUnit.onH2(url);
        props.put("eclipselink.logging.level", "SEVERE");
        emf = Persistence.createEntityManagerFactory("social-media", props);
        em = emf.createEntityManager();
    }

    @AfterAll
    static void close() {
        em.close();
        emf.close();
    }

    private <T> List<T> rows(String jpql, Class<T> type, String id) {
        return em.createQuery(jpql, type).setParameter("ids", List.of(id)).getResultList();
    }

    @Test
    void eachRecordReadsIntoItsNamedRow() {
        assertEquals(List.of(new RosterPreview.UnitRow("HS", 1L)), em.createQuery(RosterPreview.UNITS, RosterPreview.UnitRow.class).getResultList());
        RosterPreview.StudentRow student = new RosterPreview.StudentRow("s1", "D1", "Al", "Bo", "HS", "09", true);
        assertEquals(List.of(student), rows(RosterPreview.STUDENTS, RosterPreview.StudentRow.class, "s1"));
        assertEquals(List.of(student), rows(RosterPreview.STUDENTS_BY_DISTRICT_ID, RosterPreview.StudentRow.class, "D1"));
        assertEquals(List.of(new RosterPreview.LinkRow("s1", "g1")), rows(RosterPreview.LINKS, RosterPreview.LinkRow.class, "s1"));
        assertEquals(List.of(new RosterPreview.GuardianRow("g1", "Gus", "Bo", "gus@example.org", "555", GuardianRole.PARENT, true)),
                rows(RosterPreview.GUARDIANS, RosterPreview.GuardianRow.class, "g1"));
        assertEquals(List.of(new RosterPreview.ClassRow("c1", "Art", "A1", "HS", false)), rows(RosterPreview.CLASSES, RosterPreview.ClassRow.class, "c1"));
        assertEquals(List.of(new RosterPreview.EnrollmentRow("e1", "c1", "s1", LocalDate.of(2026, 9, 1), null, true)),
                rows(RosterPreview.ENROLLMENTS, RosterPreview.EnrollmentRow.class, "e1"));
    }
}
