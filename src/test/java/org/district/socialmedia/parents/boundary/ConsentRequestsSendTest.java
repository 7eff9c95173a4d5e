package org.district.socialmedia.parents.boundary;

import jakarta.ejb.SessionContext;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import org.district.socialmedia.audit.control.AuditLog;
import org.district.socialmedia.consent.boundary.ConsentService;
import org.district.socialmedia.consent.control.ConsentAccess;
import org.district.socialmedia.it.JavaSeUnit;
import org.district.socialmedia.notifications.control.OutboxWriter;
import org.district.socialmedia.parents.control.LinkIssuer;
import org.district.socialmedia.parents.control.ParentMail;
import org.district.socialmedia.parents.entity.TargetKind;
import org.district.socialmedia.settings.boundary.DistrictSettingsService;
import org.district.socialmedia.settings.control.SettingsReadOnce;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.security.Principal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A consent request to a whole school, written a chunk of students at a time (flushed and let go between
 * chunks), on an H2 database made by the real migrations: every link is the one a single pass would write.
 * The school has 1,234 students, more than two chunks: two guardians each but one in ten with one, one guardian
 * in twenty without an email, one inactive guardian, one inactive student, a student enrolled in two classes,
 * and one parent whose link from before is still open. Another school has a class of ten, one of them enrolled twice.
 */
class ConsentRequestsSendTest {

    private static final Instant NOW = Instant.parse("2026-10-05T16:00:00Z");
    private static final int STUDENTS = 1_234;
    private static final long SCHOOL = 7;
    private static String url;
    private static EntityManagerFactory emf;

    @BeforeAll
    static void database() throws SQLException {
        url = JavaSeUnit.migratedH2("parent-requests");
        try (Connection c = DriverManager.getConnection(url, "sa", "sa"); Statement s = c.createStatement()) {
            s.execute("INSERT INTO org_unit (id, code, name, kind, active, version) VALUES (" + SCHOOL + ", 'HS', 'High School', 'SCHOOL', TRUE, 0)");
            s.execute("INSERT INTO org_unit (id, code, name, kind, active, version) VALUES (8, 'ES', 'Elementary', 'SCHOOL', TRUE, 0)");
            s.execute("INSERT INTO school_class (id, sourced_id, title, class_code, school_id, active, version) SELECT X, 'C-' || X, "
                    + "CASE WHEN X = 40 THEN 'Art room' ELSE 'Homeroom ' || (100 + X) END, 'HR' || X, " + SCHOOL + ", TRUE, 0 FROM SYSTEM_RANGE(1, 40)");
            // students 1..1234 of the school, 1235 of the other school, 1236 of the school but inactive
            s.execute("INSERT INTO student (id, sourced_id, district_id, given_name, family_name, school_id, grade, active, created_at, version) "
                    + "SELECT X, 'S-' || X, 'D' || X, 'Given' || X, 'Family' || X, CASE WHEN X = 1235 THEN 8 ELSE " + SCHOOL + " END, '09', "
                    + "X <> 1236, CURRENT_TIMESTAMP, 0 FROM SYSTEM_RANGE(1, 1236)");
            s.execute("INSERT INTO guardian (id, sourced_id, given_name, family_name, email, relationship, active, created_at, version) "
                    + "SELECT X, 'G-' || X, 'Parent' || X, 'Family' || X, CASE WHEN MOD(X, 20) = 19 THEN NULL ELSE 'p' || X || '@example.org' END, "
                    + "'PARENT', X <> 10, CURRENT_TIMESTAMP, 0 FROM SYSTEM_RANGE(1, 2472)");
            s.execute("INSERT INTO student_guardian (student_id, guardian_id) SELECT X, 2 * X - 1 FROM SYSTEM_RANGE(1, 1236)");
            s.execute("INSERT INTO student_guardian (student_id, guardian_id) SELECT X, 2 * X FROM SYSTEM_RANGE(1, 1236) WHERE MOD(X, 10) <> 0");
            // 35 a class, by id; student 3 also in class 40, whose title comes first ("Art room")
            s.execute("INSERT INTO enrollment (id, sourced_id, class_id, student_id, begin_date, active, version) SELECT X, 'E-' || X, "
                    + "1 + (X - 1) / 35, X, DATE '2020-07-01', TRUE, 0 FROM SYSTEM_RANGE(1, " + STUDENTS + ")");
            s.execute("INSERT INTO enrollment (id, sourced_id, class_id, student_id, begin_date, active, version) VALUES "
                    + "(5000, 'E-5000', 40, 3, DATE '2020-07-01', TRUE, 0)");
            // the other school: class 41 of students 2001..2010, guardians 4000 + 2k - 1 and 4000 + 2k; student 2001 enrolled twice
            s.execute("INSERT INTO school_class (id, sourced_id, title, class_code, school_id, active, version) VALUES "
                    + "(41, 'C-41', 'Room 1', 'R1', 8, TRUE, 0)");
            s.execute("INSERT INTO student (id, sourced_id, district_id, given_name, family_name, school_id, grade, active, created_at, version) "
                    + "SELECT 2000 + X, 'S-' || (2000 + X), 'D' || (2000 + X), 'Given', 'Family', 8, '01', TRUE, CURRENT_TIMESTAMP, 0 "
                    + "FROM SYSTEM_RANGE(1, 10)");
            s.execute("INSERT INTO guardian (id, sourced_id, given_name, family_name, email, relationship, active, created_at, version) "
                    + "SELECT 4000 + X, 'G-' || (4000 + X), 'Parent', 'Family', 'q' || X || '@example.org', 'PARENT', TRUE, CURRENT_TIMESTAMP, 0 "
                    + "FROM SYSTEM_RANGE(1, 20)");
            s.execute("INSERT INTO student_guardian (student_id, guardian_id) SELECT 2000 + X, 3999 + 2 * X FROM SYSTEM_RANGE(1, 10)");
            s.execute("INSERT INTO student_guardian (student_id, guardian_id) SELECT 2000 + X, 4000 + 2 * X FROM SYSTEM_RANGE(1, 10)");
            s.execute("INSERT INTO enrollment (id, sourced_id, class_id, student_id, begin_date, active, version) SELECT 6000 + X, "
                    + "'E-' || (6000 + X), 41, 2000 + X, DATE '2020-07-01', TRUE, 0 FROM SYSTEM_RANGE(1, 10)");
            s.execute("INSERT INTO enrollment (id, sourced_id, class_id, student_id, begin_date, active, version) VALUES "
                    + "(6011, 'E-6011', 41, 2001, DATE '2021-07-01', TRUE, 0)");
        }
        Map<String, String> props = JavaSeUnit.onH2(url);
        props.put("eclipselink.logging.level", "SEVERE");
        emf = Persistence.createEntityManagerFactory("social-media", props);
        // a link of student 601's first guardian from before, still open: not sent again
        inTransaction(em -> {
            em.createNativeQuery("INSERT INTO parent_link (id, request_id, student_id, guardian_id, class_id, email, created_at, expires_at, "
                    + "declined, reminders_sent, version) VALUES (1000000, NULL, 601, 1201, NULL, 'p1201@example.org', ?, ?, FALSE, 0, 0)")
                    .setParameter(1, NOW.minusSeconds(86_400).atOffset(ZoneOffset.UTC))
                    .setParameter(2, NOW.plusSeconds(86_400).atOffset(ZoneOffset.UTC)).executeUpdate();
            return null;
        });
    }

    @AfterAll
    static void close() {
        emf.close();
    }

    @Test
    void aSchoolGetsOneLinkPerParentWithAnEmailWrittenInChunks() throws SQLException {
        ConsentRequests.Sent sent = inTransaction(em -> requests(em, SCHOOL).send(TargetKind.SCHOOL, null));

        // the parents reached, counted here from the rows: active, with an email, of active students of the school
        List<String> pairs = rows("SELECT sg.student_id || '/' || sg.guardian_id FROM student_guardian sg JOIN student s ON s.id = sg.student_id "
                + "JOIN guardian g ON g.id = sg.guardian_id WHERE s.school_id = " + SCHOOL + " AND s.active AND g.active AND g.email IS NOT NULL "
                + "AND NOT (sg.student_id = 601 AND sg.guardian_id = 1201) ORDER BY sg.student_id, sg.guardian_id");
        List<String> linked = rows("SELECT student_id || '/' || guardian_id FROM parent_link WHERE request_id = " + sent.requestId()
                + " ORDER BY id");
        assertEquals(pairs, linked, "one link per parent and student, in the students' and guardians' order");
        assertEquals(pairs.size(), sent.links());
        assertTrue(sent.links() > 2 * 500, "more than two chunks of students: " + sent.links());

        assertEquals(List.of(String.valueOf(sent.links())), rows("SELECT COUNT(*) FROM parent_link_token t JOIN parent_link l ON l.id = t.link_id "
                + "WHERE l.request_id = " + sent.requestId()), "a token hash per link");
        // the Message-ID names the link: <parent-request.ID.uuid@host>
        assertEquals(List.of(String.valueOf(sent.links())), rows("SELECT COUNT(*) FROM outbox_message o JOIN parent_link l "
                + "ON l.id = CAST(SUBSTRING(o.message_id, 17, LOCATE('.', o.message_id, 17) - 17) AS BIGINT) AND o.recipients = l.email "
                + "WHERE o.event_type = 'PARENT_REQUEST' AND l.request_id = " + sent.requestId()), "an email per link, to its parent");
        assertEquals(List.of("0"), rows("SELECT COUNT(*) FROM parent_link WHERE request_id = " + sent.requestId()
                + " AND (class_id IS NULL OR expires_at <> TIMESTAMP WITH TIME ZONE '2026-10-19 16:00:00+00' OR opened_at IS NOT NULL"
                + " OR answered_at IS NOT NULL OR form_id IS NOT NULL OR declined OR reminders_sent <> 0 OR next_reminder_at IS NULL"
                + " OR email <> 'p' || guardian_id || '@example.org')"), "every link as issued: TTL P14D, unopened, its reminders due");
        // each student's class: their first active class by title
        assertEquals(List.of("40"), rows("SELECT DISTINCT class_id FROM parent_link WHERE request_id = " + sent.requestId() + " AND student_id = 3"));
        assertEquals(List.of("35"), rows("SELECT DISTINCT class_id FROM parent_link WHERE request_id = " + sent.requestId()
                + " AND student_id = 1201"));
        // students whose parents have no email: those with one guardian (x % 10 = 0), guardian 2x - 1, whose email is missing (19 of 20)
        List<String> without = new ArrayList<>();
        for (int x = 10; x <= STUDENTS; x += 10) {
            without.add("D" + x);
        }
        assertEquals(without, sent.studentsWithoutEmail());
        assertEquals(List.of("SCHOOL High School: " + sent.links() + " link(s) to parents of " + STUDENTS + " student(s); "
                        + without.size() + " without a parent's email"),
                rows("SELECT details FROM audit_entry WHERE action = 'PARENT_REQUEST_SENT' AND object_id = '" + sent.requestId() + "'"));

        // sent again the same day: every link is still open, nothing new
        ConsentRequests.Sent again = inTransaction(em -> requests(em, SCHOOL).send(TargetKind.SCHOOL, null));
        assertEquals(0, again.links());
        assertEquals(without, again.studentsWithoutEmail());
    }

    @Test
    void aClassWithAStudentListedTwiceSendsOneLinkPerParent() throws SQLException {
        ConsentRequests.Sent sent = inTransaction(em -> requests(em, 8).send(TargetKind.CLASS, "41"));
        List<String> expected = new ArrayList<>();
        for (int k = 1; k <= 10; k++) {
            expected.add((2000 + k) + "/" + (3999 + 2 * k));
            expected.add((2000 + k) + "/" + (4000 + 2 * k));
        }
        assertEquals(expected, rows("SELECT student_id || '/' || guardian_id FROM parent_link WHERE request_id = " + sent.requestId()
                + " ORDER BY student_id, guardian_id"), "one link per parent and student");
        assertEquals(20, sent.links());
        assertEquals(List.of("41"), rows("SELECT DISTINCT class_id FROM parent_link WHERE request_id = " + sent.requestId()),
                "every link counts in the request's class");
        assertEquals(List.of(), sent.studentsWithoutEmail());
    }

    // ------------------------------------------------------------------------------------ wiring

    /** ConsentRequests with its beans as the container would inject them, on one EntityManager (one transaction). */
    private static ConsentRequests requests(EntityManager em, long school) {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        SessionContext clerk = caller("clerk");
        DistrictSettingsService settings = new DistrictSettingsService();
        set(settings, "em", em);
        set(settings, "clock", clock);
        set(settings, "caller", clerk.getCallerPrincipal());
        set(settings, "readOnce", new SettingsReadOnce());
        AuditLog audit = new AuditLog();
        set(audit, "em", em);
        set(audit, "context", clerk);
        set(audit, "clock", clock);
        OutboxWriter outbox = new OutboxWriter();
        set(outbox, "em", em);
        set(outbox, "clock", clock);
        ParentMail mail = new ParentMail();
        set(mail, "outbox", outbox);
        set(mail, "settings", settings);
        LinkIssuer issuer = new LinkIssuer();
        set(issuer, "em", em);
        set(issuer, "clock", clock);
        set(issuer, "settings", settings);
        ConsentRequests requests = new ConsentRequests();
        requests.em = em;
        requests.consent = new ConsentService() {
            @Override
            public ConsentAccess.Scope scope() {
                return new ConsentAccess.Scope("clerk", school, true, false);
            }
        };
        requests.issuer = issuer;
        requests.mail = mail;
        requests.audit = audit;
        requests.clock = clock;
        requests.settings = settings;
        return requests;
    }

    private static void set(Object bean, String name, Object value) {
        try {
            Field f = bean.getClass().getDeclaredField(name);
            f.setAccessible(true);
            f.set(bean, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(bean.getClass().getSimpleName() + "." + name, e);
        }
    }

    private static SessionContext caller(String name) {
        Principal principal = () -> name;
        return (SessionContext) Proxy.newProxyInstance(SessionContext.class.getClassLoader(), new Class<?>[]{SessionContext.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getCallerPrincipal" -> principal;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> method.getReturnType() == boolean.class ? false : null;
                });
    }

    private static <T> T inTransaction(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            T result = work.apply(em);
            em.getTransaction().commit();
            return result;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    private static List<String> rows(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, "sa", "sa"); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
