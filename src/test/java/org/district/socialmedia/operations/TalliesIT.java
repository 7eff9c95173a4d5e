package org.district.socialmedia.operations;

import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.district.socialmedia.it.Api;
import org.district.socialmedia.it.Deployments;
import org.district.socialmedia.it.JsonBodies;
import org.district.socialmedia.it.TestTransactions;
import org.district.socialmedia.oversight.control.BoardReportSweep;
import org.district.socialmedia.oversight.control.RequestReports;
import org.district.socialmedia.oversight.control.RequestRollups;
import org.district.socialmedia.oversight.control.TakedownRollups;
import org.district.socialmedia.oversight.entity.AnswerTimes;
import org.district.socialmedia.oversight.entity.Durations;
import org.district.socialmedia.oversight.entity.ReportPeriod;
import org.district.socialmedia.oversight.entity.RequestFigures;
import org.district.socialmedia.oversight.entity.TimeClass;
import org.district.socialmedia.platform.control.DistrictTime;
import org.district.socialmedia.requests.boundary.ReviewService;
import org.district.socialmedia.requests.control.DeadlineSlots;
import org.district.socialmedia.requests.entity.RequestStatus;
import org.district.socialmedia.requests.entity.SocialMediaRequest;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.sql.Date;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tallies and the operators' recount on the real WAR: after real changes through the API (requests filed,
 * decided, information asked and answered) and a day's roll-up by the timer, every tally agrees with a recount of
 * the rows and the requests report's figures are those of the review cycles read one by one; a tally spoiled by
 * hand is found by GET /api/operations/tallies and put right by POST .../recount, for system administrators only.
 */
@ExtendWith(ArquillianExtension.class)
class TalliesIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.inContainer();
    }

    @Inject
    BoardReportSweep sweep;
    @Inject
    RequestReports requestReports;
    @Inject
    RequestRollups rollups;
    @Inject
    TakedownRollups takedowns;
    @Inject
    TestTransactions tx;
    @Inject
    DistrictTime districtTime;
    @Inject
    Clock clock;

    private final Api api = Api.onTestServer();

    private long submit(String user) {
        HttpResponse<String> created = api.post("/api/requests", user, """
                {"lines":[{"platform":"Instagram","objectives":"Tallies %s","audience":["PARENTS"],"communicatesWithStudents":false,
                 "accountName":"@lhs_tallies","districtEmail":"coach@district.example.org"}]}""".formatted(UUID.randomUUID()));
        assertEquals(201, created.statusCode(), created.body());
        return JsonBodies.object(created.body()).getJsonNumber("id").longValue();
    }

    private long firstLine(long id, String user) {
        return JsonBodies.object(api.get("/api/requests/" + id, user).body()).getJsonArray("lines").getJsonObject(0)
                .getJsonNumber("id").longValue();
    }

    private JsonArray tallies() {
        HttpResponse<String> answer = api.get("/api/operations/tallies", "sysadmin");
        assertEquals(200, answer.statusCode(), answer.body());
        return JsonBodies.array(answer.body());
    }

    private static JsonObject named(JsonArray tallies, String name) {
        for (JsonValue v : tallies) {
            if (v.asJsonObject().getString("name").equals(name)) {
                return v.asJsonObject();
            }
        }
        throw new AssertionError("no tally " + name + " in " + tallies);
    }

    /**
     * Runs the timer until the day's District rows are rolled up: a pass the server's own timer is running at that
     * moment makes {@code sweep()} return at once, and it may have begun before the clock moved.
     */
    private void rolledUp(LocalDate day) {
        long until = System.nanoTime() + 60_000_000_000L;
        while (true) {
            sweep.sweep();
            Number rows = tx.inNewTransaction(em -> (Number) em.createNativeQuery(
                    "SELECT COUNT(*) FROM report_response_day WHERE on_day = ? AND unit_id = 0").setParameter(1, Date.valueOf(day))
                    .getSingleResult());
            if (rows.longValue() > 0) {
                return;
            }
            assertTrue(System.nanoTime() < until, "the timer rolled up " + day + " within a minute");
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** The reviewer's overdue and waiting counts from the status tally, and the queue's own filters counted row by row. */
    private List<Long> reviewerCounts() {
        return tx.inNewTransaction(em -> {
            Instant now = clock.instant();
            long overdue = em.createQuery("SELECT COUNT(r.id) FROM SocialMediaRequest r WHERE r.queueKey <= :now AND r.status IN :running",
                    Long.class).setParameter("now", now).setParameter("running", EnumSet.of(RequestStatus.OVERDUE, RequestStatus.SUBMITTED))
                    .getSingleResult();
            long waiting = em.createQuery("SELECT COUNT(r.id) FROM SocialMediaRequest r WHERE r.status = :info", Long.class)
                    .setParameter("info", RequestStatus.INFO_REQUESTED).getSingleResult();
            return List.of(ReviewService.Counts.count(em, ReviewService.QueueFilter.OVERDUE, now).count(),
                    ReviewService.Counts.count(em, ReviewService.QueueFilter.WAITING_FOR_EMPLOYEE, now).count(), overdue, waiting);
        });
    }

    /**
     * The counts equal the queue's, and the tally a recount: a few tries, since the server's own escalation timer may
     * commit a request marked overdue between the statements of one look (the two figures then differ by it once).
     */
    private void assertReviewerCountsAreTheQueues(String after) {
        List<Long> counts = List.of();
        JsonObject statuses = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            counts = reviewerCounts();
            statuses = named(tallies(), "request-statuses");
            if (counts.get(0).equals(counts.get(2)) && counts.get(1).equals(counts.get(3)) && statuses.getBoolean("agrees")) {
                return;
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        assertEquals(counts.get(2), counts.get(0), "overdue after " + after + ": " + counts);
        assertEquals(counts.get(3), counts.get(1), "waiting after " + after + ": " + counts);
        assertTrue(statuses.getBoolean("agrees"), after + ": " + statuses);
    }

    @Test
    void theReviewersCountsFollowEveryChangeOfStatusAndTheRecountPutsASpoiledOneRight() {
        assertReviewerCountsAreTheQueues("the changes of the tests before");
        long asked = submit("employee1");
        assertEquals(200, api.post("/api/requests/" + asked + "/decision", "superintendent", "{\"question\":\"Which page?\"}").statusCode());
        assertReviewerCountsAreTheQueues("information requested");
        List<Long> before = reviewerCounts();
        assertEquals(200, api.post("/api/requests/" + asked + "/info-response", "employee1", "{\"answer\":\"The team's.\"}").statusCode());
        assertReviewerCountsAreTheQueues("information given");
        assertEquals(before.get(1) - 1, reviewerCounts().get(1));

        long late = submit("employee2");
        try {
            // past the deadline: counted as overdue at once, then marked OVERDUE by the escalation timer
            assertEquals(200, api.post("/api/test/clock", "sysadmin", "{\"by\":\"P20D\"}").statusCode());
            long overdueUnmarked = reviewerCounts().get(0);
            assertReviewerCountsAreTheQueues("the clock moved past the deadline");
            assertEquals(200, api.post("/api/test/escalate/" + late, "sysadmin", "").statusCode());
            assertEquals(200, api.post("/api/test/escalate/" + late, "sysadmin", "").statusCode());
            assertEquals(RequestStatus.OVERDUE, tx.inNewTransaction(em -> em.find(SocialMediaRequest.class, late).getStatus()));
            assertReviewerCountsAreTheQueues("marked overdue");
            assertEquals(overdueUnmarked, reviewerCounts().get(0), "marking does not change how many are overdue");
        } finally {
            assertEquals(200, api.post("/api/test/clock/reset", "sysadmin", "").statusCode());
        }
        // the clock set back: the request marked overdue has its deadline ahead again, and the queue does not list it
        assertReviewerCountsAreTheQueues("the clock set back");
        assertEquals(200, api.post("/api/requests/" + late + "/decision", "designee",
                "{\"lines\":[{\"lineId\":" + firstLine(late, "employee2") + ",\"outcome\":\"AUTHORIZE\"}]}").statusCode());
        assertReviewerCountsAreTheQueues("decided");
        assertEquals(200, api.post("/api/requests/" + asked + "/decision", "designee",
                "{\"lines\":[{\"lineId\":" + firstLine(asked, "employee1") + ",\"outcome\":\"REJECT\",\"explanation\":\"Use the District's page\"}]}")
                .statusCode());

        int spoiled = tx.inNewTransaction(em -> em.createNativeQuery("UPDATE request_status_tally SET requests = requests + 3 WHERE status = 'OVERDUE'")
                .executeUpdate());
        assertEquals(1, spoiled);
        assertFalse(named(tallies(), "request-statuses").getBoolean("agrees"));
        HttpResponse<String> recount = api.post("/api/operations/tallies/recount?name=request-statuses", "sysadmin", "");
        assertEquals(200, recount.statusCode(), recount.body());
        assertEquals(1, named(JsonBodies.array(recount.body()), "request-statuses").getInt("keysChanged"), recount.body());
        assertReviewerCountsAreTheQueues("the recount");
    }

    /** The reviewer's due-soon count from the deadline tally, and the queue's DUE_SOON filter counted row by row. */
    private List<Long> dueSoonCounts() {
        return tx.inNewTransaction(em -> {
            Instant now = clock.instant();
            long listed = em.createQuery("SELECT COUNT(r.id) FROM SocialMediaRequest r WHERE r.queueKey > :now AND r.queueKey <= :soon"
                            + " AND r.status = :submitted", Long.class).setParameter("now", now).setParameter("soon", now.plus(ReviewService.DUE_SOON))
                    .setParameter("submitted", RequestStatus.SUBMITTED).getSingleResult();
            return List.of(ReviewService.Counts.count(em, ReviewService.QueueFilter.DUE_SOON, now).count(), listed);
        });
    }

    /**
     * The due-soon count equals the queue's, and the deadline tally a recount: a few tries, since the server's own
     * escalation timer may mark a request overdue between the statements of one look.
     */
    private List<Long> assertDueSoonIsTheQueues(String after) {
        List<Long> counts = List.of();
        JsonObject deadlines = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            counts = dueSoonCounts();
            deadlines = named(tallies(), "request-deadlines");
            if (counts.get(0).equals(counts.get(1)) && deadlines.getBoolean("agrees")) {
                return counts;
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        assertEquals(counts.get(1), counts.get(0), "due soon after " + after + ": " + counts);
        assertTrue(deadlines.getBoolean("agrees"), after + ": " + deadlines);
        return counts;
    }

    private Instant deadlineOf(long id) {
        return tx.inNewTransaction(em -> em.find(SocialMediaRequest.class, id).getDeadline());
    }

    /**
     * The reviewer's "due within two days" follows every change of a request's status or deadline (submitted, the clock
     * moved so that it falls due, information asked and answered with a new deadline, withdrawn, marked overdue,
     * decided), always equal to the queue's DUE_SOON list counted row by row; a spoiled slot is found by the check and
     * put right by the recount.
     */
    @Test
    void theDueSoonCountFollowsEveryChangeOfDeadlineAndTheRecountPutsASpoiledSlotRight() {
        assertDueSoonIsTheQueues("the changes of the tests before");
        long asked = submit("employee1");
        long withdrawn = submit("employee2");
        long late = submit("employee3");
        long decided = submit("employee1");
        long before = assertDueSoonIsTheQueues("four submitted").get(0);
        try {
            // the clock to a day before the first deadline: the four fall due (each within two days)
            Instant due = deadlineOf(asked);
            Duration ahead = Duration.between(clock.instant(), due).minusDays(1);
            assertEquals(200, api.post("/api/test/clock", "sysadmin", "{\"by\":\"" + ahead + "\"}").statusCode());
            long fallenDue = assertDueSoonIsTheQueues("the clock moved a day before the deadlines").get(0);
            assertTrue(fallenDue >= 4, "the four requests are due within two days: " + fallenDue + " (before: " + before + ")");

            assertEquals(200, api.post("/api/requests/" + asked + "/decision", "superintendent", "{\"question\":\"Which page?\"}").statusCode());
            assertEquals(fallenDue - 1, assertDueSoonIsTheQueues("information requested").get(0));
            assertEquals(200, api.post("/api/requests/" + asked + "/info-response", "employee1", "{\"answer\":\"The team's.\"}").statusCode());
            assertTrue(deadlineOf(asked).isAfter(clock.instant().plus(ReviewService.DUE_SOON)), "a full review period again");
            assertEquals(fallenDue - 1, assertDueSoonIsTheQueues("information given: a new deadline").get(0));

            assertEquals(200, api.post("/api/requests/" + withdrawn + "/withdrawal", "employee2", "").statusCode());
            assertEquals(fallenDue - 2, assertDueSoonIsTheQueues("withdrawn").get(0));

            assertEquals(200, api.post("/api/requests/" + decided + "/decision", "designee",
                    "{\"lines\":[{\"lineId\":" + firstLine(decided, "employee1") + ",\"outcome\":\"AUTHORIZE\"}]}").statusCode());
            assertEquals(fallenDue - 3, assertDueSoonIsTheQueues("decided").get(0));

            // past the last deadline: nothing of these is due soon any more, and the timer marks them overdue
            assertEquals(200, api.post("/api/test/clock", "sysadmin", "{\"by\":\"P2D\"}").statusCode());
            assertDueSoonIsTheQueues("the clock moved past the deadline");
            assertEquals(200, api.post("/api/test/escalate/" + late, "sysadmin", "").statusCode());
            assertEquals(200, api.post("/api/test/escalate/" + late, "sysadmin", "").statusCode());
            assertEquals(RequestStatus.OVERDUE, tx.inNewTransaction(em -> em.find(SocialMediaRequest.class, late).getStatus()));
            assertDueSoonIsTheQueues("marked overdue");
        } finally {
            assertEquals(200, api.post("/api/test/clock/reset", "sysadmin", "").statusCode());
        }
        // the clock set back: the request marked overdue has its deadline ahead again, and DUE_SOON lists only submitted ones
        assertDueSoonIsTheQueues("the clock set back");
        assertEquals(200, api.post("/api/requests/" + late + "/decision", "designee",
                "{\"lines\":[{\"lineId\":" + firstLine(late, "employee3") + ",\"outcome\":\"AUTHORIZE\"}]}").statusCode());
        assertDueSoonIsTheQueues("the overdue one decided");

        // a slot spoiled by hand: the one of the answered request's deadline, which it still holds
        long slot = DeadlineSlots.slotOf(deadlineOf(asked));
        int spoiled = tx.inNewTransaction(em -> em.createNativeQuery("UPDATE request_deadline_tally SET requests = requests + 2 WHERE slot = ?")
                .setParameter(1, slot).executeUpdate());
        assertEquals(1, spoiled);
        JsonObject found = named(tallies(), "request-deadlines");
        assertFalse(found.getBoolean("agrees"), found.toString());
        assertTrue(found.getJsonArray("differences").toString().contains("deadlines from " + DeadlineSlots.start(slot)), found.toString());
        HttpResponse<String> recount = api.post("/api/operations/tallies/recount?name=request-deadlines", "sysadmin", "");
        assertEquals(200, recount.statusCode(), recount.body());
        assertEquals(1, named(JsonBodies.array(recount.body()), "request-deadlines").getInt("keysChanged"), recount.body());
        assertDueSoonIsTheQueues("the recount");
        assertEquals(200, api.post("/api/requests/" + asked + "/decision", "designee",
                "{\"lines\":[{\"lineId\":" + firstLine(asked, "employee1") + ",\"outcome\":\"REJECT\",\"explanation\":\"Use the District's page\"}]}")
                .statusCode());
        assertDueSoonIsTheQueues("all decided");
    }

    @Test
    void afterRealChangesEveryTallyAgreesWithARecountAndASpoiledOneIsPutRight() {
        LocalDate today = LocalDate.now(clock.withZone(districtTime.timeZone()));
        // a test before may have moved the clock ahead and back, leaving today rolled up with what it had then; the
        // timer's next pass drops it, but none may have run since
        rollups.dropUnfinished();
        // real changes: one request decided, one asked for information and answered, one asked and left waiting
        long decided = submit("employee1");
        assertEquals(200, api.post("/api/requests/" + decided + "/decision", "superintendent",
                "{\"lines\":[{\"lineId\":" + firstLine(decided, "employee1") + ",\"outcome\":\"AUTHORIZE\"}]}").statusCode());
        long asked = submit("employee2");
        assertEquals(200, api.post("/api/requests/" + asked + "/decision", "superintendent", "{\"question\":\"Who moderates it?\"}").statusCode());
        assertEquals(200, api.post("/api/requests/" + asked + "/info-response", "employee2", "{\"answer\":\"I do.\"}").statusCode());
        assertEquals(200, api.post("/api/requests/" + asked + "/decision", "designee",
                "{\"lines\":[{\"lineId\":" + firstLine(asked, "employee2") + ",\"outcome\":\"REJECT\",\"explanation\":\"Use the District's page\"}]}").statusCode());
        long waiting = submit("employee3");
        assertEquals(200, api.post("/api/requests/" + waiting + "/decision", "designee", "{\"question\":\"Which school?\"}").statusCode());

        ReportPeriod period = new ReportPeriod(today.minusDays(60), today, districtTime.timeZone());
        RequestFigures live = RequestFigures.ofCells(period, rollups.liveCells(period.from(), period.to(), null),
                requestReports.kindLabels(), requestReports.openByAge(null, clock.instant()));
        try {
            // the next day: the timer rolls today up, with the responses above
            assertEquals(200, api.post("/api/test/clock", "sysadmin", "{\"by\":\"P1D\"}").statusCode());
            rolledUp(today);
            Instant now = clock.instant();
            JsonObject requests = named(tallies(), RequestRollups.ROLLUP);
            assertTrue(requests.getBoolean("agrees"), requests.toString());
            assertEquals(0, requests.getJsonArray("differences").size(), requests.toString());
            for (JsonValue t : tallies()) {
                assertTrue(t.asJsonObject().isNull("error") && t.asJsonObject().getBoolean("agrees"), "every tally agrees: " + t);
            }
            // the report from the roll-ups (today's responses now in a rolled-up day) and read live: the same figures
            RequestFigures rolled = requestReports.figures(period, null, now);
            RequestFigures recounted = RequestFigures.ofCells(period, rollups.liveCells(period.from(), period.to(), null),
                    requestReports.kindLabels(), requestReports.openByAge(null, now));
            assertEquals(recounted, rolled);
            assertEquals(live.answered(), rolled.answered(), "nothing was answered on the day after");
            assertTrue(rolled.answered() >= 3, "the three responses above at least: " + rolled);

            // a roll-up row spoiled by hand: found, then rebuilt by the recount (audited), then found no more
            int spoiled = tx.inNewTransaction(em -> em.createNativeQuery(
                    "UPDATE report_response_day SET responses = responses + 1 WHERE on_day = ? AND unit_id = 0")
                    .setParameter(1, Date.valueOf(today)).executeUpdate());
            assertTrue(spoiled >= 1, "today's District rows were rolled up");
            JsonObject found = named(tallies(), RequestRollups.ROLLUP);
            assertFalse(found.getBoolean("agrees"));
            assertEquals(spoiled, found.getJsonArray("differences").size(), found.toString());
            assertTrue(found.getJsonArray("differences").getString(0).contains(today.toString()), found.toString());

            assertEquals(403, api.post("/api/operations/tallies/recount", "superintendent", "").statusCode());
            assertEquals(403, api.get("/api/operations/tallies", "auditor").statusCode());
            assertEquals(404, api.post("/api/operations/tallies/recount?name=no-such-tally", "sysadmin", "").statusCode());
            HttpResponse<String> recount = api.post("/api/operations/tallies/recount?name=" + RequestRollups.ROLLUP, "sysadmin", "");
            assertEquals(200, recount.statusCode(), recount.body());
            JsonObject rebuilt = named(JsonBodies.array(recount.body()), RequestRollups.ROLLUP);
            assertEquals(spoiled, rebuilt.getInt("keysChanged"), rebuilt.toString());
            assertEquals(spoiled, rebuilt.getJsonArray("differences").size(), "it answers what it changed: " + rebuilt);
            assertEquals(0, named(tallies(), RequestRollups.ROLLUP).getJsonArray("differences").size());
            assertEquals(recounted, requestReports.figures(period, null, now));
            long audited = tx.inNewTransaction(em -> em.createQuery(
                    "SELECT COUNT(a) FROM AuditEntry a WHERE a.action = 'TALLIES_RECOUNTED' AND a.occurredAt >= :since", Long.class)
                    .setParameter("since", now.minusSeconds(60)).getSingleResult());
            assertTrue(audited >= 1, "the recount is in the audit log");
        } finally {
            assertEquals(200, api.post("/api/test/clock/reset", "sysadmin", "").statusCode());
            // the day rolled up under the moved clock is not over: the next pass forgets it, today is read live again
            sweep.sweep();
        }
        List<String> after = new ArrayList<>(rollups.differences());
        assertEquals(List.of(), after);
        assertFalse(rollups.liveCells(today, today, null).isEmpty());
    }

    private static Map<Integer, TimeClass> byTenth(List<TimeClass> times) {
        Map<Integer, TimeClass> merged = new TreeMap<>();
        times.forEach(t -> merged.merge(t.tenths(), t, TimeClass::plus));
        return merged;
    }

    /**
     * The takedowns report's times from the roll-ups against the tasks read one by one: every tenth (the months' tenths
     * all read), and the figures as the report reads them (the months' hours, then the tenths of the median's and the
     * 90th percentile's hours).
     */
    private void assertTheReportsTimes(LocalDate from, LocalDate today, Map<Integer, TimeClass> live) {
        assertEquals(live, byTenth(takedowns.tenths(from, today, null)));
        List<TimeClass> all = List.copyOf(live.values());
        List<Object> expected = List.of(all.stream().mapToLong(TimeClass::count).sum(), Durations.medianHoursOfClasses(all),
                Durations.p90HoursOfClasses(all));
        assertEquals(expected, tx.inNewTransaction(em -> {
            AnswerTimes times = takedowns.times(from, today, null);
            times.readHoursOf(List.of(AnswerTimes.Scope.ALL), List.of(AnswerTimes.Scope.ALL));
            return List.<Object>of(times.count(AnswerTimes.Scope.ALL), times.medianHours(AnswerTimes.Scope.ALL),
                    times.p90Hours(AnswerTimes.Scope.ALL));
        }));
    }

    /** Waits until a rolled-up day row of the District holds the tenth (by the recount or the server's timer). */
    private void takedownDayHolds(LocalDate day, int tenths) {
        long until = System.nanoTime() + 60_000_000_000L;
        while (true) {
            Number rows = tx.inNewTransaction(em -> (Number) em.createNativeQuery("SELECT COUNT(*) FROM report_takedown_day"
                    + " WHERE on_day = ? AND unit_id = 0 AND tenths = ?").setParameter(1, Date.valueOf(day)).setParameter(2, tenths)
                    .getSingleResult());
            if (rows.longValue() > 0) {
                return;
            }
            assertTrue(System.nanoTime() < until, "the District's row of " + day + " holds " + tenths / 10.0 + " h within a minute");
            sweep.sweep();
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private void recountTakedowns() {
        HttpResponse<String> recount = api.post("/api/operations/tallies/recount?name=" + TakedownRollups.ROLLUP, "sysadmin", "");
        assertEquals(200, recount.statusCode(), recount.body());
    }

    /**
     * The takedowns report's months are part of the takedown-times tally: a month row spoiled by hand is found and put
     * right by the recount. Before and after, the report's times from the roll-ups (whole months, the first partial
     * month's days, today live) are those of the tasks read one by one, by tenth of an hour. The demo data may hold no
     * task done when this class runs, so the test adds one, done 40 days ago in 3.5 hours (its revocation revokes
     * nothing, so no consent changes), and the comparison always has a task in a rolled-up day.
     */
    @Test
    void aSpoiledTakedownMonthIsFoundAndPutRightByTheRecountAndTheReportKeepsTheTasksTimes() {
        LocalDate today = LocalDate.now(clock.withZone(districtTime.timeZone()));
        takedowns.dropUnfinished();
        LocalDate from = today.minusMonths(14).withDayOfMonth(15);
        LocalDate doneDay = today.minusDays(40);
        Instant doneAt = doneDay.atTime(12, 0).atZone(districtTime.timeZone()).toInstant();
        long[] ids = tx.inNewTransaction(em -> {
            Object[] form = (Object[]) em.createNativeQuery("SELECT f.id, f.student_id FROM consent_form f ORDER BY f.id")
                    .setMaxResults(1).getSingleResult();
            long account = ((Number) em.createNativeQuery("SELECT MIN(a.id) FROM district_account a").getSingleResult()).longValue();
            long revocation = ((Number) em.createNativeQuery("SELECT COALESCE(MAX(id), 0) + 1000000 FROM consent_revocation")
                    .getSingleResult()).longValue();
            long task = ((Number) em.createNativeQuery("SELECT COALESCE(MAX(id), 0) + 1000000 FROM takedown_task").getSingleResult())
                    .longValue();
            em.createNativeQuery("INSERT INTO consent_revocation (id, form_id, revoked_on, received_by, photo, video, full_name,"
                            + " first_name, student_work, voice, recorded_at, recorded_by, version)"
                            + " VALUES (?, ?, ?, 'TalliesIT', FALSE, FALSE, FALSE, FALSE, FALSE, FALSE, ?, 'clerk', 1)")
                    .setParameter(1, revocation).setParameter(2, ((Number) form[0]).longValue()).setParameter(3, Date.valueOf(doneDay))
                    .setParameter(4, doneAt.minusSeconds(12_600).atOffset(ZoneOffset.UTC)).executeUpdate();
            em.createNativeQuery("INSERT INTO takedown_task (id, form_id, revocation_id, account_id, student_id, status, created_at,"
                            + " created_by, done_at, done_by, reminders_sent, version) VALUES (?, ?, ?, ?, ?, 'DONE', ?, 'clerk', ?, 'siteadmin', 0, 1)")
                    .setParameter(1, task).setParameter(2, ((Number) form[0]).longValue()).setParameter(3, revocation)
                    .setParameter(4, account).setParameter(5, ((Number) form[1]).longValue())
                    .setParameter(6, doneAt.minusSeconds(12_600).atOffset(ZoneOffset.UTC)).setParameter(7, doneAt.atOffset(ZoneOffset.UTC))
                    .executeUpdate();
            return new long[] {task, revocation};
        });
        try {
            recountTakedowns();
            takedownDayHolds(doneDay, 35);
            Map<Integer, TimeClass> live = byTenth(takedowns.liveTimes(from, today, null));
            assertTrue(live.containsKey(35), "the task added is read live: " + live);
            assertTheReportsTimes(from, today, live);
            spoilAMonthAndRecount(from, today, live);
        } finally {
            tx.inNewTransaction(em -> {
                em.createNativeQuery("DELETE FROM takedown_task WHERE id = ?").setParameter(1, ids[0]).executeUpdate();
                return em.createNativeQuery("DELETE FROM consent_revocation WHERE id = ?").setParameter(1, ids[1]).executeUpdate();
            });
            recountTakedowns();
        }
        assertTrue(named(tallies(), TakedownRollups.ROLLUP).getBoolean("agrees"), "the added task's rows left with it");
    }

    private void spoilAMonthAndRecount(LocalDate from, LocalDate today, Map<Integer, TimeClass> live) {

        // a month long before any task: a row no day holds
        Date spoiledMonth = Date.valueOf(LocalDate.of(2001, 1, 1));
        tx.inNewTransaction(em -> {
            em.createNativeQuery("INSERT INTO report_takedown_month (on_month, unit_id, tenths, tasks, min_seconds,"
                    + " max_seconds) VALUES (?, 0, 7, 1, 2520, 2520)").setParameter(1, spoiledMonth).executeUpdate();
            return em.createNativeQuery("INSERT INTO report_takedown_month_hour (on_month, unit_id, hours, tasks) VALUES (?, 0, 0, 1)")
                    .setParameter(1, spoiledMonth).executeUpdate();
        });
        try {
            JsonObject found = named(tallies(), TakedownRollups.ROLLUP);
            assertFalse(found.getBoolean("agrees"), found.toString());
            assertTrue(found.getJsonArray("differences").toString().contains("month 2001-01 District 0.7 h: stored 1 (2520-2520 s), recounted none"),
                    found.toString());
            assertTrue(found.getJsonArray("differences").toString().contains("month 2001-01 District hour 0: stored 1 tasks, recounted none"),
                    found.toString());

            HttpResponse<String> recount = api.post("/api/operations/tallies/recount?name=" + TakedownRollups.ROLLUP, "sysadmin", "");
            assertEquals(200, recount.statusCode(), recount.body());
            assertTrue(named(JsonBodies.array(recount.body()), TakedownRollups.ROLLUP).getInt("keysChanged") >= 1, recount.body());
            JsonObject after = named(tallies(), TakedownRollups.ROLLUP);
            assertTrue(after.getBoolean("agrees"), after.toString());
            Number left = tx.inNewTransaction(em -> (Number) em.createNativeQuery("SELECT COUNT(*) FROM report_takedown_month"
                    + " WHERE on_month = ?").setParameter(1, spoiledMonth).getSingleResult());
            assertEquals(0, left.longValue(), "the recount made the months again from the days");
            Number hoursLeft = tx.inNewTransaction(em -> (Number) em.createNativeQuery("SELECT COUNT(*) FROM report_takedown_month_hour"
                    + " WHERE on_month = ?").setParameter(1, spoiledMonth).getSingleResult());
            assertEquals(0, hoursLeft.longValue(), "the recount made the months' hours again from the days");
            assertTheReportsTimes(from, today, live);
        } finally {
            tx.inNewTransaction(em -> {
                em.createNativeQuery("DELETE FROM report_takedown_month_hour WHERE on_month = ?").setParameter(1, spoiledMonth).executeUpdate();
                return em.createNativeQuery("DELETE FROM report_takedown_month WHERE on_month = ?").setParameter(1, spoiledMonth)
                        .executeUpdate();
            });
        }
    }
}
