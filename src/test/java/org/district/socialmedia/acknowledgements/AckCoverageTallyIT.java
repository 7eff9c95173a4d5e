package org.district.socialmedia.acknowledgements;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.district.socialmedia.acknowledgements.control.CoverageTally;
import org.district.socialmedia.it.Api;
import org.district.socialmedia.it.AsSystemAdministrator;
import org.district.socialmedia.it.Deployments;
import org.district.socialmedia.it.JsonBodies;
import org.district.socialmedia.it.TestTransactions;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Inside the server: the acknowledgement coverage tally moved by the real changes (a campaign started by hand,
 * acknowledgements through the API, a deactivation and a reactivation, a move to another school, a new hire
 * enrolled by the timer, a teacher from a roster import, the clock past the due date) agrees after each with a recount (differences() is empty),
 * and the coverage API's figures, per unit and for the District, and a unit's outstanding people are what a count
 * of the obligation rows says.
 */
@ExtendWith(ArquillianExtension.class)
class AckCoverageTallyIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.inContainer();
    }

    @Inject
    CoverageTally tally;
    @Inject
    TestTransactions tx;
    @Inject
    AsSystemAdministrator sysadmin;
    @Inject
    Clock clock;

    private final Api api = Api.onTestServer();
    private final String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    private Long campaignId;

    /** An independent count of one unit's (unit key 0: none) active staff's obligations: total, done, overdue. */
    private record Count(long total, long done, long overdue) {
    }

    @AfterEach
    void endCampaignAndResetClock() {
        if (campaignId != null) {
            api.post("/api/acknowledgements/campaigns/" + campaignId + "/closing", "sysadmin", "{}");
        }
        api.post("/api/test/clock/reset", "sysadmin", "{}");
    }

    private long unit(String code) {
        HttpResponse<String> created = api.post("/api/units", "sysadmin",
                "{\"code\":\"%s\",\"name\":\"Tally %s %s\",\"kind\":\"SCHOOL\"}".formatted(code + tag, code, tag));
        assertEquals(201, created.statusCode(), created.body());
        return JsonBodies.object(created.body()).getJsonNumber("id").longValue();
    }

    private JsonObject staff(String name, long unitId) {
        String username = name + tag;
        HttpResponse<String> created = api.post("/api/staff", "sysadmin", """
                {"username":"%s","fullName":"%s Tally","email":"%s@district.example.org","unitId":%d,"roles":["EMPLOYEE"],"password":"%s"}"""
                .formatted(username, name, username, unitId, password(username)));
        assertEquals(201, created.statusCode(), created.body());
        return JsonBodies.object(created.body());
    }

    private static String password(String username) {
        return "a long enough password " + username;
    }

    private void acknowledge(JsonObject staff) {
        String username = staff.getString("username");
        JsonObject owed = JsonBodies.array(api.getWithPassword("/api/me/acknowledgements", username, password(username)).body()).stream()
                .map(JsonValue::asJsonObject).filter(o -> o.getJsonNumber("campaignId").longValue() == campaignId).findFirst().orElseThrow();
        HttpResponse<String> done = api.postWithPassword("/api/me/acknowledgements", username, password(username),
                "{\"versionId\":" + owed.getJsonNumber("versionId") + "}");
        assertEquals(200, done.statusCode(), done.body());
    }

    private void move(JsonObject staff, long toUnit) {
        JsonObject now = JsonBodies.object(api.get("/api/staff/" + staff.getJsonNumber("id"), "sysadmin").body());
        HttpResponse<String> moved = api.put("/api/staff/" + staff.getJsonNumber("id"), "sysadmin", """
                {"user":{"username":"%s","fullName":"%s","email":"%s","unitId":%d,"roles":["EMPLOYEE"]},"version":%d}"""
                .formatted(now.getString("username"), now.getString("fullName"), now.getString("email"), toUnit,
                        now.getJsonNumber("version").longValue()));
        assertEquals(200, moved.statusCode(), moved.body());
    }

    @SuppressWarnings("unchecked")
    private Map<Long, Count> recount() {
        return tx.inNewTransaction(em -> {
            Map<Long, Count> counts = new HashMap<>();
            for (Object[] r : (List<Object[]>) em.createNativeQuery("SELECT COALESCE(s.unit_id, 0),"
                            + " SUM(1), SUM(CASE WHEN o.acknowledged_at IS NULL THEN 0 ELSE 1 END),"
                            + " SUM(CASE WHEN o.acknowledged_at IS NULL AND o.due_at <= ?1 THEN 1 ELSE 0 END)"
                            + " FROM ack_obligation o, staff_user s WHERE s.id = o.staff_id AND s.active = TRUE AND o.campaign_id = ?2"
                            + " GROUP BY COALESCE(s.unit_id, 0)")
                    .setParameter(1, clock.instant().atOffset(ZoneOffset.UTC)).setParameter(2, campaignId).getResultList()) {
                counts.put(((Number) r[0]).longValue(), new Count(((Number) r[1]).longValue(), ((Number) r[2]).longValue(),
                        ((Number) r[3]).longValue()));
            }
            return counts;
        });
    }

    /** Imports a delta roster of these users.csv rows and waits until it is written. */
    private void imported(String users) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("manifest.csv"));
            zip.write(("propertyName,value\nmanifest.version,1.0\noneroster.version,1.1\nfile.users,delta\n").getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("users.csv"));
            zip.write(("sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName,"
                    + "middleName,identifier,email,sms,phone,agentSourcedIds,grades,password\n" + users).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HttpResponse<String> started = api.postBytes("/api/imports/oneroster", "sysadmin", "application/zip", out.toByteArray());
        assertEquals(202, started.statusCode(), started.body());
        long id = JsonBodies.object(started.body()).getJsonNumber("id").longValue();
        long until = System.nanoTime() + 60_000_000_000L;
        JsonObject run;
        do {
            assertTrue(System.nanoTime() < until, "the roster import still at work after a minute");
            run = JsonBodies.object(api.get("/api/imports/" + id, "sysadmin").body());
        } while (run.getString("status").equals("PREVIEWING") || run.getString("status").equals("RUNNING"));
        assertEquals("COMPLETED", run.getString("status"), run.toString());
        assertEquals(1, run.getJsonObject("counts").getJsonObject("staff").getInt("created"), run.toString());
    }

    @SuppressWarnings("unchecked")
    private List<String> outstandingOf(long unitId) {
        return tx.inNewTransaction(em -> (List<String>) em.createNativeQuery("SELECT s.username FROM ack_obligation o, staff_user s"
                        + " WHERE s.id = o.staff_id AND s.active = TRUE AND o.campaign_id = ?1 AND s.unit_id = ?2 AND o.acknowledged_at IS NULL"
                        + " ORDER BY o.due_at, s.username")
                .setParameter(1, campaignId).setParameter(2, unitId).getResultList());
    }

    /** The tally agrees with its recount, and the API with a count of the rows, for the District and for these units. */
    private void agrees(String after, long... units) {
        assertEquals(List.of(), tally.differences(), "the tally after " + after);
        Map<Long, Count> counted = recount();
        JsonObject coverage = JsonBodies.object(api.get("/api/acknowledgements/coverage?campaign=" + campaignId, "superintendent").body());
        assertEquals(counted.values().stream().mapToLong(Count::total).sum(), coverage.getJsonNumber("total").longValue(), after + ": total");
        assertEquals(counted.values().stream().mapToLong(Count::done).sum(), coverage.getJsonNumber("done").longValue(), after + ": done");
        assertEquals(counted.values().stream().mapToLong(Count::overdue).sum(), coverage.getJsonNumber("overdue").longValue(), after + ": overdue");
        assertEquals(counted.size(), coverage.getJsonArray("units").size(), after + ": the units with active staff");
        for (long unit : units) {
            HttpResponse<String> answer = api.get("/api/acknowledgements/coverage?campaign=" + campaignId + "&unit=" + unit, "superintendent");
            assertEquals(200, answer.statusCode(), answer.body());
            JsonObject one = JsonBodies.object(answer.body());
            Count count = counted.getOrDefault(unit, new Count(0, 0, 0));
            List<JsonObject> rows = one.getJsonArray("units").stream().map(JsonValue::asJsonObject).toList();
            assertEquals(count.total() == 0 ? 0 : 1, rows.size(), after + ": unit " + unit + " listed when it has active staff");
            if (!rows.isEmpty()) {
                assertEquals(count, new Count(rows.get(0).getJsonNumber("total").longValue(), rows.get(0).getJsonNumber("done").longValue(),
                        rows.get(0).getJsonNumber("overdue").longValue()), after + ": unit " + unit);
            }
            assertEquals(outstandingOf(unit), one.getJsonArray("outstandingPeople").stream()
                    .map(p -> p.asJsonObject().getString("username")).toList(), after + ": unit " + unit + "'s outstanding people");
        }
    }

    @Test
    void theTallyAgreesWithARecountAfterEveryChangeThatMovesIt() {
        long north = unit("N");
        long south = unit("S");
        JsonObject ann = staff("ann", north);
        JsonObject bob = staff("bob", north);
        JsonObject cy = staff("cy", north);
        JsonObject dee = staff("dee", south);

        HttpResponse<String> started = api.post("/api/acknowledgements/campaigns", "superintendent",
                "{\"reason\":\"Coverage tally test " + tag + "\"}");
        assertEquals(201, started.statusCode(), started.body());
        campaignId = JsonBodies.object(started.body()).getJsonNumber("id").longValue();
        agrees("the start", north, south);

        acknowledge(ann);
        acknowledge(bob);
        acknowledge(dee);
        agrees("three acknowledgements", north, south);

        assertEquals(200, api.post("/api/staff/" + bob.getJsonNumber("id") + "/deactivation", "sysadmin", "{}").statusCode());
        agrees("a deactivation of someone who acknowledged", north, south);

        move(cy, south);
        move(ann, south);
        agrees("two moves to another school", north, south);

        // a move while deactivated moves nothing; the reactivation counts them in their new school
        move(bob, south);
        agrees("a deactivated staff member's move", north, south);
        sysadmin.reactivate(bob.getJsonNumber("id").longValue());
        agrees("a reactivation", north, south);

        // the clock past everybody's end; a new hire then gets their own full period
        assertEquals(200, api.post("/api/test/clock", "sysadmin", "{\"by\":\"P15D\"}").statusCode());
        JsonObject eve = staff("eve", north);
        assertEquals(200, api.post("/api/test/ack-sweep", "sysadmin", "{}").statusCode());
        agrees("a new hire enrolled by the timer, the others overdue", north, south);
        Map<Long, Count> counted = recount();
        assertEquals(new Count(1, 0, 0), counted.get(north), "the new hire alone in the north, not overdue");
        assertEquals(new Count(4, 3, 1), counted.get(south), "ann, bob, dee acknowledged; cy overdue");

        acknowledge(eve);
        move(eve, south);
        agrees("the new hire's acknowledgement and move", north, south);

        // a teacher from the roster import owes it too, as anyone the District has
        String fay = "fay" + tag;
        imported(fay + ",,,true,S" + tag + ",teacher," + fay + ",,Fay,Roster,,,"  + fay + "@district.example.org,,,,,\n");
        assertEquals(200, api.post("/api/test/ack-sweep", "sysadmin", "{}").statusCode());
        agrees("a teacher from the roster enrolled by the timer", north, south);
        assertTrue(outstandingOf(south).contains(fay), "the roster's teacher owes the acknowledgement: " + outstandingOf(south));
        assertNotNull(tally.name());
        assertEquals(0, tally.rebuild(), "a rebuild of a tally that agrees changes nothing");

        // rows spoiled behind the application's back: the check finds them (read again under the campaign's locks), the rebuild puts them right
        int spoiled = tx.inNewTransaction(em -> em.createNativeQuery("UPDATE ack_coverage_tally SET done = done + 2 WHERE campaign_id = ?1")
                .setParameter(1, campaignId).executeUpdate());
        assertTrue(spoiled > 0);
        List<String> found = tally.differences();
        assertEquals(spoiled, found.size(), found.toString());
        assertTrue(found.stream().allMatch(d -> d.startsWith("campaign " + campaignId + ",")), found.toString());
        assertTrue(tally.rebuild() > 0);
        agrees("a rebuild of spoiled rows", north, south);
    }
}
