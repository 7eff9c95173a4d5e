package org.district.socialmedia.accounts;

import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.district.socialmedia.accounts.control.AccountComplianceTally;
import org.district.socialmedia.accounts.control.AccountQueries;
import org.district.socialmedia.accounts.control.RightsWorker;
import org.district.socialmedia.it.Api;
import org.district.socialmedia.it.Deployments;
import org.district.socialmedia.it.JsonBodies;
import org.district.socialmedia.it.Multipart;
import org.district.socialmedia.it.TestTransactions;
import org.district.socialmedia.oversight.control.AccountReports;
import org.district.socialmedia.oversight.entity.AccountFigures;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The accounts report's per-unit compliance tally (issue 22, item 5) against a count of the accounts, after each
 * kind of change that moves it, made through the API: an account registered, rights granted and revoked, rights
 * flagged by an access review's deadline then confirmed or revoked, the yearly checklist signed off (identification
 * and privacy), an operator linked from a decided request and its authorization revoked, an account moved to another school, a checklist falling overdue as the clock moves, an
 * account archived. After each, before any count, the District report (and the school's, and the District's list read a
 * unit a page) equals a count of the accounts now and the tally's {@code differences()} is empty: the change marked its
 * units; after the rights timer's work, too. A row spoiled by hand is found by the operators' recount and put right.
 */
@ExtendWith(ArquillianExtension.class)
class AccountComplianceTallyIT {

    private static final ZoneId DISTRICT = ZoneId.of("America/Los_Angeles");
    /** A 1x1 PNG. */
    private static final byte[] PNG = HexFormat.of().parseHex("89504E470D0A1A0A0000000D49484452000000010000000108060000001F15C489"
            + "0000000D49444154789C6360000002000154A24F5D0000000049454E44AE426082");

    @Deployment
    static WebArchive deployment() {
        return Deployments.inContainer();
    }

    @Inject
    AccountComplianceTally tally;
    @Inject
    AccountReports reports;
    @Inject
    RightsWorker worker;
    @Inject
    TestTransactions tx;
    @Inject
    Clock clock;

    private final Api api = Api.onTestServer();

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    private JsonObject register(String handle, String unit) {
        HttpResponse<String> created = api.post("/api/accounts", "sysadmin", """
                {"platform":"Instagram","handle":"%s","url":"https://www.instagram.com/%s","unit":"%s",
                 "purpose":"Announcements for families.","registeredEmail":"office@district.example.org","archiveCovered":true,"operatorException":"Registered before its operator is authorized (test)."}"""
                .formatted(handle, handle.replace("@", ""), unit));
        assertEquals(201, created.statusCode(), created.body());
        return JsonBodies.object(created.body());
    }

    private JsonObject account(long id) {
        return JsonBodies.object(api.get("/api/accounts/" + id, "sysadmin").body());
    }

    private long grant(long account, String holder, LocalDate endsOn) {
        HttpResponse<String> granted = api.post("/api/accounts/" + account + "/grants", "superintendent",
                "{\"holder\":\"" + holder + "\",\"reason\":\"Compliance tally test.\",\"endsOn\":\"" + endsOn + "\"}");
        assertEquals(201, granted.statusCode(), granted.body());
        return JsonBodies.object(granted.body()).getJsonNumber("id").longValue();
    }

    private long unitOf(long account) {
        return tx.inNewTransaction(em -> ((Number) em.createNativeQuery("SELECT unit_id FROM district_account WHERE id = ?1")
                .setParameter(1, account).getSingleResult()).longValue());
    }

    /**
     * What the rights timer does for the tally: every unit whose row does not hold, counted in transactions of its own.
     * Passes until none is due, a few at most: the server's own rights timer (every 2 s here) may end a grant that a
     * moved clock made due, and so mark its unit again, while this counts. A count that leaves its row not holding
     * leaves the unit due in every pass, and fails.
     */
    private void countDue() {
        // the pass that finds none due is the one asserted: a read after it would leave the timer a moment to mark a unit
        List<Long> due = worker.complianceDue(10_000);
        for (int pass = 0; pass < 5 && !due.isEmpty(); pass++) {
            for (Long unitId : due) {
                worker.prepareCompliance(unitId);
                worker.storeCompliance(unitId);
            }
            due = worker.complianceDue(10_000);
        }
        assertEquals(List.of(), due, "every unit's row holds after the count");
    }

    /**
     * The tally's own check, then the rows as the report gives them and as the accounts count now, in one transaction
     * each, as comparable text. Those two reads are compared again, three times at most, when they differ: the
     * server's rights timer (every 2 s here) may end a grant that a moved clock made due between them; a report
     * that does not equal the count fails every time.
     */
    private void assertReportIsTheRecount(String after, long... units) throws InterruptedException {
        LocalDate today = LocalDate.now(clock.withZone(DISTRICT));
        assertEquals(List.of(), tx.inNewTransaction(em -> tally.differences()), "differences after " + after);
        List<Long> scopes = new ArrayList<>();
        scopes.add(null);
        for (long unit : units) {
            scopes.add(unit);
        }
        for (Long scope : scopes) {
            String what = (scope == null ? "the District" : "unit " + scope) + " after " + after;
            for (int attempt = 1; ; attempt++) {
                List<String> live = live(scope, today);
                List<String> reported = reported(scope, today);
                if (live.equals(reported) || attempt == 3) {
                    assertEquals(live, reported, what);
                    break;
                }
                Thread.sleep(500);
            }
        }
    }

    private List<String> reported(Long unit, LocalDate today) {
        return tx.inNewTransaction(em -> {
            AccountFigures f = reports.figures(unit, today, clock.instant());
            long accounts = f.compliance().stream().mapToLong(AccountFigures.ComplianceRow::accounts).sum();
            assertEquals(accounts, f.accounts(), "the total is the rows' sum");
            assertEquals(f.compliance().stream().mapToLong(AccountFigures.ComplianceRow::failing).sum(), f.failing(), "failing: the rows' sum");
            List<String> rows = new ArrayList<>(f.compliance().stream().map(r -> r.unitId() + " " + r.unit() + ": " + r.accounts() + " accounts, "
                    + r.failing() + " failing, " + r.identification() + "/" + r.privacy() + "/" + r.fewerThanTwoAdmins() + "/"
                    + r.noActiveOperator()).toList());
            rows.add(RightsCounted.of(f).toString());
            if (unit == null) {
                rows.add(pagesPutTogether(f, today));
            }
            return rows;
        });
    }

    /**
     * Whether the District's list read a unit a page (as the API pages it, units that do not hold included), one page
     * past its end too, is the whole list with the same totals: a line the live side also gives when it is.
     */
    private String pagesPutTogether(AccountFigures whole, LocalDate today) {
        List<AccountFigures.ComplianceRow> paged = new ArrayList<>();
        for (int first = 0; first <= whole.compliance().size(); first++) {
            AccountFigures page = reports.figures(null, today, clock.instant(), first, 1);
            if (page.unitsTotal() != whole.compliance().size() || page.first() != first || page.failing() != whole.failing()
                    || page.accounts() != whole.accounts()) {
                return "page from " + first + ": " + page.unitsTotal() + " units, first " + page.first() + ", totals " + page.accounts()
                        + "/" + page.failing() + " against " + whole.compliance().size() + " units, " + whole.accounts() + "/" + whole.failing();
            }
            paged.addAll(page.compliance());
        }
        return paged.equals(whole.compliance()) ? "the pages put together are the list" : "the pages put together: " + paged;
    }

    private List<String> live(Long unit, LocalDate today) {
        List<String> rows = new ArrayList<>(tx.inNewTransaction(em -> AccountQueries.compliance(em, clock.instant(), unit).stream()
                .map(r -> r.unitId() + " " + r.unit() + ": " + r.accounts() + " accounts, " + r.failing() + " failing, "
                        + r.identification() + "/" + r.privacy() + "/" + r.admins() + "/" + r.operators()).toList()));
        rows.add(tx.inNewTransaction(em -> RightsCounted.count(em, unit, today, clock.instant())).toString());
        if (unit == null) {
            rows.add("the pages put together are the list");
        }
        return rows;
    }

    private JsonObject figuresOf(long unit) {
        JsonArray rows = JsonBodies.object(api.get("/api/reports/accounts?unit=" + unit, "auditor").body()).getJsonArray("compliance");
        return rows.stream().map(JsonValue::asJsonObject).filter(r -> r.getJsonNumber("unitId").longValue() == unit).findFirst()
                .orElseThrow(() -> new AssertionError("no row for unit " + unit + " in " + rows));
    }

    private HttpResponse<String> signOff(long account, String user) {
        JsonArray items = JsonBodies.object(api.get("/api/accounts/" + account + "/checklist", user).body()).getJsonArray("privacyItems");
        String full = "{\"identifiesDistrict\":true,\"privacyItems\":" + items + ",\"recoveryIsDistrict\":true}";
        Multipart body = new Multipart().text("checklist", "application/json", full).file("evidence", "settings.png", "image/png", PNG);
        return api.postBytes("/api/accounts/" + account + "/checklist", user, body.contentType(), body.bytes());
    }

    private JsonObject tallyState(JsonArray states) {
        return states.stream().map(JsonValue::asJsonObject).filter(s -> s.getString("name").equals("account-compliance")).findFirst()
                .orElseThrow(() -> new AssertionError("no account-compliance tally in " + states));
    }

    private long overdueAttestations(long unit) {
        return JsonBodies.object(api.get("/api/reports/accounts?unit=" + unit, "auditor").body()).getJsonNumber("overdueAttestations").longValue();
    }

    /**
     * An access review's deadline passes with two rights of a new account in the unit unconfirmed: both flagged, the
     * unit's overdue attestations up by two at least (the row marked by the flagging, before any count); one confirmed,
     * one revoked: down by one each; the report equals a count of the grants after each. The review opens on the first
     * day ahead on which none opened yet, and closes by the rights timer at its deadline; one already under way is used as it is.
     */
    private void flaggedByAReviewThenConfirmedAndRevoked(long unit) throws InterruptedException {
        long account = register(unique("@review_"), "LHS").getJsonNumber("id").longValue();
        assertEquals(unit, unitOf(account));
        LocalDate today = LocalDate.now(clock.withZone(DISTRICT));
        long kept = grant(account, "siteadmin", today.plusDays(200));
        long dropped = grant(account, "siteadmin2", today.plusDays(200));
        assertReportIsTheRecount("an account with two grants", unit);
        countDue();
        long before = overdueAttestations(unit);
        try {
            // a day ahead on which no review opened yet (one a day): the databases outlive a run, whose reviews open ahead
            LocalDate latest = tx.inNewTransaction(em -> em.createQuery("SELECT MAX(r.opensOn) FROM AccessReview r", LocalDate.class)
                    .getSingleResult());
            long days = latest == null || latest.isBefore(today) ? 1 : ChronoUnit.DAYS.between(today, latest) + 1;
            assertEquals(200, api.post("/api/test/clock", "sysadmin", "{\"by\":\"P" + days + "D\"}").statusCode());
            LocalDate deadline = LocalDate.now(clock.withZone(DISTRICT));
            HttpResponse<String> opened = api.post("/api/access-reviews", "superintendent", "{\"deadline\":\"" + deadline + "\"}");
            if (opened.statusCode() == 400 && opened.body().contains("already under way")) {
                deadline = LocalDate.parse(JsonBodies.object(api.get("/api/access-reviews/current", "auditor").body()).getString("deadline"));
            } else {
                assertEquals(201, opened.statusCode(), opened.body());
            }
            Duration by = Duration.between(clock.instant(), deadline.plusDays(1).atStartOfDay(DISTRICT).toInstant().plusSeconds(60));
            assertEquals(200, api.post("/api/test/clock", "sysadmin", "{\"by\":\"" + by + "\"}").statusCode());
            for (int wait = 0; api.get("/api/access-reviews/current", "auditor").statusCode() != 204; wait++) {
                assertTrue(wait < 60, "the review closes at its deadline");
                api.post("/api/test/rights-sweep", "sysadmin", "{}");
                Thread.sleep(500);
            }
            assertReportIsTheRecount("an access review flagged the unconfirmed rights", unit);
            // at least: a checklist of the school may have fallen overdue as the clock moved (never the other way)
            long flagged = overdueAttestations(unit);
            assertTrue(flagged >= before + 2, "both rights flagged: " + before + " then " + flagged);
            assertEquals(200, api.post("/api/grants/" + kept + "/confirmation", "superintendent", "{}").statusCode());
            assertReportIsTheRecount("flagged rights confirmed", unit);
            assertEquals(flagged - 1, overdueAttestations(unit), "one confirmed, no longer flagged");
            countDue();
            HttpResponse<String> revoked = api.post("/api/grants/" + dropped + "/revocation", "superintendent", "{\"reason\":\"Tally test.\"}");
            assertEquals(200, revoked.statusCode(), revoked.body());
            assertReportIsTheRecount("flagged rights revoked", unit);
            assertEquals(flagged - 2, overdueAttestations(unit), "the other revoked, no longer in force");
        } finally {
            assertEquals(200, api.post("/api/test/clock/reset", "sysadmin", "").statusCode());
        }
        assertReportIsTheRecount("the clock set back after the access review", unit);
        countDue();
    }

    @Test
    void theReportEqualsACountOfTheAccountsAfterEveryChangeAndTheRecountPutsASpoiledRowRight() throws InterruptedException {
        assertEquals("account-compliance", tally.name());
        countDue();
        assertReportIsTheRecount("the timer's count");

        // registered: one more account in Lincoln High, failing every check
        long first = register(unique("@tally_"), "LHS").getJsonNumber("id").longValue();
        long lhs = unitOf(first);
        JsonObject before = figuresOf(lhs);
        assertReportIsTheRecount("a registration", lhs);
        countDue();
        assertReportIsTheRecount("a registration, counted", lhs);

        // rights granted: two administrators, so the account no longer fails that check; the first ends 45 days from now
        // (in the 30 days ahead once the clock has moved 20 days), the second within the 30 days ahead
        LocalDate today = LocalDate.now(clock.withZone(DISTRICT));
        grant(first, "siteadmin", today.plusDays(45));
        long second = grant(first, "siteadmin2", today.plusDays(10));
        assertReportIsTheRecount("two grants", lhs);
        countDue();
        // the yearly checklist signed off: identification and privacy recorded
        HttpResponse<String> signed = signOff(first, "siteadmin");
        assertEquals(200, signed.statusCode(), signed.body());
        assertReportIsTheRecount("a checklist signed off", lhs);
        countDue();
        JsonObject checked = figuresOf(lhs);
        assertEquals(before.getInt("identification") - 1, checked.getInt("identification"), "the new account's identification confirmed");
        assertEquals(before.getInt("privacy") - 1, checked.getInt("privacy"), "and its privacy settings reviewed");
        // rights revoked: one administrator left
        HttpResponse<String> revoked = api.post("/api/grants/" + second + "/revocation", "superintendent", "{\"reason\":\"Tally test.\"}");
        assertEquals(200, revoked.statusCode(), revoked.body());
        assertReportIsTheRecount("a grant revoked", lhs);
        assertEquals(checked.getInt("fewerThanTwoAdmins") + 1, figuresOf(lhs).getInt("fewerThanTwoAdmins"), "fewer than two administrators again");
        countDue();

        flaggedByAReviewThenConfirmedAndRevoked(lhs);

        // an operator: an account registered from employee1's authorization, which the Superintendent then revokes
        JsonArray mine = JsonBodies.array(api.get("/api/me/authorizations", "employee1").body());
        HttpResponse<String> submitted = api.post("/api/requests", "employee1", """
                {"lines":[{"platform":"YouTube","objectives":"Lab safety videos for my classes.","audience":["STUDENTS"],
                  "communicatesWithStudents":true,"accountName":"%s","districtEmail":"mlopez@district.example.org"}]}"""
                .formatted(unique("Tally Lab ")));
        assertEquals(201, submitted.statusCode(), submitted.body());
        JsonObject request = JsonBodies.object(submitted.body());
        long lineId = request.getJsonArray("lines").getJsonObject(0).getJsonNumber("id").longValue();
        assertEquals(200, api.post("/api/requests/" + request.getJsonNumber("id") + "/decision", "superintendent",
                "{\"lines\":[{\"lineId\":" + lineId + ",\"outcome\":\"AUTHORIZE\"}]}").statusCode());
        JsonArray now = JsonBodies.array(api.get("/api/me/authorizations", "employee1").body());
        assertEquals(mine.size() + 1, now.size());
        long authorization = now.stream().map(JsonValue::asJsonObject).mapToLong(a -> a.getJsonNumber("id").longValue()).max().orElseThrow();
        HttpResponse<String> operated = api.post("/api/accounts", "sysadmin",
                "{\"authorizationId\":" + authorization + ",\"url\":\"https://www.youtube.com/@" + unique("tallylab") + "\"}");
        assertEquals(201, operated.statusCode(), operated.body());
        long operatedId = JsonBodies.object(operated.body()).getJsonNumber("id").longValue();
        long operatedUnit = unitOf(operatedId);
        assertReportIsTheRecount("an account with an operator", operatedUnit);
        countDue();
        long withoutOperator = figuresOf(operatedUnit).getInt("noActiveOperator");
        assertEquals(204, api.post("/api/authorizations/" + authorization + "/revocation", "superintendent",
                "{\"reason\":\"Tally test: the employee changed jobs.\"}").statusCode());
        assertReportIsTheRecount("the operator's authorization revoked", operatedUnit);
        assertEquals(withoutOperator + 1, figuresOf(operatedUnit).getInt("noActiveOperator"), "the account has no active operator left");
        countDue();

        // moved to another school: both schools' figures change
        JsonObject firstNow = account(first);
        HttpResponse<String> moved = api.put("/api/accounts/" + first, "sysadmin", """
                {"account":{"platform":"Instagram","handle":"%s","url":"%s","unit":"WES","purpose":"Announcements for families.",
                 "registeredEmail":"office@district.example.org","archiveCovered":true},"version":%d}"""
                .formatted(firstNow.getString("handle"), firstNow.getString("url"), firstNow.getJsonNumber("version").longValue()));
        assertEquals(200, moved.statusCode(), moved.body());
        long wes = unitOf(first);
        assertFalse(wes == lhs, "moved");
        assertReportIsTheRecount("a move to another school", lhs, wes);
        countDue();

        // time alone, 20 days on: the rights ending in 45 days are now within the 30 days ahead; a row that still holds
        // answers from its rights by last day, the window moved on without a write
        try {
            assertEquals(200, api.post("/api/test/clock", "sysadmin", "{\"by\":\"P20D\"}").statusCode());
            assertReportIsTheRecount("the clock moved 20 days", lhs, wes, operatedUnit);
            countDue();
            assertReportIsTheRecount("the clock moved 20 days, counted", lhs, wes, operatedUnit);
        } finally {
            assertEquals(200, api.post("/api/test/clock/reset", "sysadmin", "").statusCode());
        }
        assertReportIsTheRecount("the clock set back from 20 days on", lhs, wes, operatedUnit);
        countDue();

        // time alone: 40 days on, the operated account's first checklist (due within 30 days of its registration) is overdue
        long overdueBefore = figuresOf(operatedUnit).getInt("accounts");
        try {
            assertEquals(200, api.post("/api/test/clock", "sysadmin", "{\"by\":\"P40D\"}").statusCode());
            assertTrue(tx.inNewTransaction(em -> AccountQueries.compliance(em, clock.instant(), operatedUnit)).get(0).checklists() > 0,
                    "a checklist is overdue now");
            assertReportIsTheRecount("the clock moved past a checklist's due date", operatedUnit);
            countDue();
            assertReportIsTheRecount("the clock moved, counted", operatedUnit);
        } finally {
            assertEquals(200, api.post("/api/test/clock/reset", "sysadmin", "").statusCode());
        }
        // and set back: the rows counted in the future no longer hold
        assertReportIsTheRecount("the clock set back", operatedUnit);
        assertEquals(overdueBefore, figuresOf(operatedUnit).getInt("accounts"));
        countDue();

        // archived: out of use, out of the figures
        JsonObject moved1 = account(first);
        HttpResponse<String> archived = api.put("/api/accounts/" + first + "/status", "sysadmin",
                "{\"status\":\"ARCHIVED\",\"version\":" + moved1.getJsonNumber("version").longValue() + "}");
        assertEquals(200, archived.statusCode(), archived.body());
        assertReportIsTheRecount("an account archived", wes);

        // the rights timer itself counts the stale units again
        assertEquals(200, api.post("/api/test/rights-sweep", "sysadmin", "{}").statusCode());
        assertEquals(List.of(), worker.complianceDue(10_000), "the rights timer counted every unit whose row did not hold");
        assertReportIsTheRecount("the rights timer", wes);

        // a row spoiled behind the application's back: the recount finds it and puts it right
        int spoiled = tx.inNewTransaction(em -> em.createNativeQuery("UPDATE account_compliance_tally SET failing = failing + 5 WHERE unit_id = ?1")
                .setParameter(1, lhs).executeUpdate());
        assertEquals(1, spoiled);
        List<String> differences = tx.inNewTransaction(em -> tally.differences());
        // the unit's row, and the District's row is no longer the sum of the units' rows
        assertEquals(2, differences.size(), differences.toString());
        assertTrue(differences.get(0).startsWith("unit " + lhs + ":"), differences.toString());
        assertTrue(differences.get(1).startsWith("District:"), differences.toString());
        assertFalse(tallyState(JsonBodies.array(api.get("/api/operations/tallies", "sysadmin").body())).getBoolean("agrees"));
        HttpResponse<String> recount = api.post("/api/operations/tallies/recount?name=account-compliance", "sysadmin", "");
        assertEquals(200, recount.statusCode(), recount.body());
        assertTrue(tallyState(JsonBodies.array(recount.body())).getInt("keysChanged") >= 1, recount.body());
        assertTrue(tallyState(JsonBodies.array(api.get("/api/operations/tallies", "sysadmin").body())).getBoolean("agrees"));
        assertReportIsTheRecount("the recount", lhs, wes, operatedUnit);

        // the District's row spoiled alone (V87, V90): the report reads it, so the check finds it and the recount puts it right
        assertEquals(1, (int) tx.inNewTransaction(em -> em.createNativeQuery("UPDATE account_compliance_district SET failing = failing + 3,"
                + " admins_one = admins_one + 1, flagged = flagged + 2, units_in_use = units_in_use + 1 WHERE id = 1").executeUpdate()));
        List<String> district = tx.inNewTransaction(em -> tally.differences());
        assertEquals(4, district.size(), district.toString());
        assertTrue(district.stream().allMatch(d -> d.startsWith("District:")), district.toString());
        assertFalse(tallyState(JsonBodies.array(api.get("/api/operations/tallies", "sysadmin").body())).getBoolean("agrees"));
        HttpResponse<String> districtRecount = api.post("/api/operations/tallies/recount?name=account-compliance", "sysadmin", "");
        assertEquals(200, districtRecount.statusCode(), districtRecount.body());
        assertEquals(1, tallyState(JsonBodies.array(districtRecount.body())).getInt("keysChanged"), districtRecount.body());
        assertTrue(tallyState(JsonBodies.array(api.get("/api/operations/tallies", "sysadmin").body())).getBoolean("agrees"));
        assertReportIsTheRecount("the District's row put right", lhs, wes, operatedUnit);
    }
}
