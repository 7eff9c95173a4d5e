package org.district.socialmedia.accounts;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.internet.MimeMessage;
import org.district.socialmedia.it.Api;
import org.district.socialmedia.it.Deployments;
import org.district.socialmedia.it.Inbox;
import org.district.socialmedia.it.JsonBodies;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rights timer with the application clock moved instead of waiting, GreenMail as the SMTP server:
 * rights end at their last day with a notice 14 days before and one on the day, each once; an access
 * review reminds, and at its deadline flags what nobody confirmed; deactivating a staff member ends
 * their rights and authorizations and tells the Superintendent about accounts left short.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RightsTimersIT {

    private static final ZoneId DISTRICT = ZoneId.of("America/Los_Angeles");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.realWar();
    }

    private final Api api = Api.onTestServer();
    private Inbox inbox;

    @BeforeEach
    void startSmtp() {
        inbox = Inbox.start();
    }

    @AfterEach
    void resetClock() {
        api.post("/api/test/clock/reset", "sysadmin", "{}");
        inbox.close();
    }

    private Instant serverNow() {
        return Instant.parse(JsonBodies.object(api.post("/api/test/clock", "sysadmin", "{\"by\":\"PT0S\"}").body()).getString("now"));
    }

    private LocalDate today() {
        return serverNow().atZone(DISTRICT).toLocalDate();
    }

    /** Moves the server's clock to a minute after the start of the given District day (forward only). */
    private void moveToStartOf(LocalDate day) {
        Duration by = Duration.between(serverNow(), day.atStartOfDay(DISTRICT).toInstant().plusSeconds(60));
        if (!by.isNegative()) {
            HttpResponse<String> moved = api.post("/api/test/clock", "sysadmin", "{\"by\":\"" + by + "\"}");
            assertEquals(200, moved.statusCode(), moved.body());
        }
    }

    private void sweepAndRelay() {
        api.post("/api/test/rights-sweep", "sysadmin", "{}");
        api.post("/api/test/mail-relay", "sysadmin", "{}");
    }

    private void awaitMail(String subjectPart) throws Exception {
        inbox.awaitCount(subjectPart, 1, this::sweepAndRelay);
    }

    /** More sweeps and relays: whatever was going to be sent twice would be by now. */
    private void settle() throws Exception {
        inbox.settle(this::sweepAndRelay);
    }

    private int count(String subjectPart) {
        return inbox.count(subjectPart);
    }

    private Set<String> recipients(String subjectPart) {
        Set<String> to = new HashSet<>();
        for (MimeMessage m : inbox.mails(subjectPart)) {
            Inbox.recipients(m).forEach(address -> to.add(address.strip()));
        }
        return to;
    }

    private long grant(long account, String holder, String extra) {
        HttpResponse<String> granted = api.post("/api/accounts/" + account + "/grants", "superintendent",
                "{\"holder\":\"" + holder + "\",\"reason\":\"Timer test.\"" + extra + "}");
        assertEquals(201, granted.statusCode(), granted.body());
        return JsonBodies.object(granted.body()).getJsonNumber("id").longValue();
    }

    private JsonObject grantOf(long account, long grant) {
        return JsonBodies.object(api.get("/api/accounts/" + account, "auditor").body()).getJsonArray("grants").stream()
                .map(JsonValue::asJsonObject).filter(g -> g.getJsonNumber("id").longValue() == grant).findFirst().orElseThrow();
    }

    @Test
    void rightsEndAtTheirLastDayWithANoticeBeforeAndOnTheDayEachOnce() throws Exception {
        String handle = AccountsApiIT.unique("@expiry_");
        long account = AccountsApiIT.createAccount(api, handle, "LHS").getJsonNumber("id").longValue();
        LocalDate lastDay = today().plusDays(20);
        long grant = grant(account, "siteadmin", ",\"endsOn\":\"" + lastDay + "\"");
        String notice = "administrative rights on " + handle + " end after";
        String ended = "administrative rights on " + handle + " have ended";

        moveToStartOf(lastDay.plusDays(1).minusDays(14));
        awaitMail(notice);
        settle();
        assertEquals(1, count(notice), "the 14-day notice, once");
        assertEquals(Set.of("siteadmin@district.example.org", "superintendent@district.example.org"), recipients(notice),
                "the holder and the Superintendent");
        assertEquals("ACTIVE", grantOf(account, grant).getString("status"));
        assertEquals(200, api.get("/api/accounts/" + account, "siteadmin").statusCode(), "still in force");

        moveToStartOf(lastDay.plusDays(1));
        awaitMail(ended);
        settle();
        assertEquals(1, count(ended), "the end, once");
        assertEquals(1, count(notice), "no second notice");
        assertEquals("EXPIRED", grantOf(account, grant).getString("status"));
        assertEquals(0, JsonBodies.object(api.get("/api/accounts/" + account, "auditor").body()).getInt("activeAdmins"));
        assertEquals(404, api.get("/api/accounts/" + account, "siteadmin").statusCode(), "ended rights show nothing");
    }

    private void awaitCount(String subjectPart, int expected) throws Exception {
        inbox.awaitCount(subjectPart, expected, this::sweepAndRelay);
    }

    /** Issue 20 item 4: reminders at P30D and P7D before the due date, the overdue notice the day after, each once. */
    @Test
    void anAccountsYearlyChecklistIsRemindedBeforeItIsDueAndFlaggedOnceOverdue() throws Exception {
        String handle = AccountsApiIT.unique("@yearly_");
        long account = AccountsApiIT.createAccount(api, handle, "LHS").getJsonNumber("id").longValue();
        grant(account, "siteadmin", "");
        LocalDate due = LocalDate.parse(JsonBodies.object(api.get("/api/accounts/" + account + "/checklist", "auditor").body())
                .getString("dueOn"));
        String reminder = "the yearly checklist of " + handle + " is due";
        String overdue = "the yearly checklist of " + handle + " is overdue";

        // a new account's first checklist is due in 30 days, so its first reminder is due at once: the timer may have
        // sent it before the grant above, to nobody. The 7-day one reaches the administrator for sure.
        moveToStartOf(due.minusDays(7));
        awaitCount(reminder, 1);
        settle();
        int reminders = count(reminder);
        assertTrue(reminders <= 2, "at most one reminder per stage: " + reminders);
        moveToStartOf(due.plusDays(1));
        awaitCount(overdue, 1);
        settle();
        assertEquals(reminders, count(reminder), "no reminder again");
        assertEquals(1, count(overdue), "the overdue notice, once");
        assertEquals(Set.of("siteadmin@district.example.org"), recipients(overdue), "the account's District administrator");
        assertTrue(JsonBodies.object(api.get("/api/accounts/" + account, "auditor").body()).getJsonArray("issues").toString()
                .contains("CHECKLIST_OVERDUE"), "flagged on the compliance checks");
    }

    @Test
    void anAccessReviewRemindsAndAtItsDeadlineFlagsWhatNobodyConfirmed() throws Exception {
        long account = AccountsApiIT.createAccount(api, AccountsApiIT.unique("@review_"), "WES").getJsonNumber("id").longValue();
        long confirmed = grant(account, "siteadmin", "");
        long forgotten = grant(account, "siteadmin2", "");
        LocalDate deadline = today().plusDays(10);
        HttpResponse<String> opened = api.post("/api/access-reviews", "superintendent", "{\"deadline\":\"" + deadline + "\"}");
        if (opened.statusCode() == 400 && opened.body().contains("already under way")) {
            deadline = LocalDate.parse(JsonBodies.object(api.get("/api/access-reviews/current", "auditor").body()).getString("deadline"));
        } else {
            assertEquals(201, opened.statusCode(), opened.body());
            awaitMail("access review of administrative rights: due");
        }
        assertEquals(403, api.post("/api/grants/" + confirmed + "/confirmation", "siteadmin", "{}").statusCode(),
                "a holder does not confirm their own rights");
        assertEquals(200, api.post("/api/grants/" + confirmed + "/confirmation", "superintendent", "{}").statusCode());
        JsonObject current = JsonBodies.object(api.get("/api/access-reviews/current", "auditor").body());
        assertTrue(current.getJsonNumber("confirmed").longValue() >= 1, current.toString());

        moveToStartOf(deadline.plusDays(1).minusDays(7));
        awaitMail("reminder: access review due");
        settle();
        assertEquals(1, count("reminder: access review due"), "the 7-day reminder, once");

        moveToStartOf(deadline.plusDays(1));
        awaitMail("access review closed");
        settle();
        assertEquals(1, count("access review closed"));
        assertEquals(204, api.get("/api/access-reviews/current", "auditor").statusCode(), "the review is closed");

        List<Long> flagged = JsonBodies.object(api.get("/api/grants?accountId=" + account + "&notReviewed=true", "auditor").body())
                .getJsonArray("rows").stream().map(r -> r.asJsonObject().getJsonNumber("id").longValue()).toList();
        assertEquals(List.of(forgotten), flagged, "only the unconfirmed rights are flagged");
        assertTrue(grantOf(account, forgotten).getBoolean("flagged"));
        assertEquals("ACTIVE", grantOf(account, forgotten).getString("status"), "flagged, not ended (ACCESS_REVIEW_LAPSE=false)");
        assertFalse(grantOf(account, confirmed).getBoolean("flagged"));
    }

    @Test
    void aHolderWhoLosesTheSiteAdministratorRoleLosesTheRights() {
        String username = AccountsApiIT.unique("demoted").toLowerCase();
        HttpResponse<String> created = api.post("/api/staff", "sysadmin", """
                {"username":"%s","fullName":"Former Supervisor","email":"%s@district.example.org",
                 "roles":["EMPLOYEE","SITE_ADMIN"],"password":"a long enough password"}""".formatted(username, username));
        assertEquals(201, created.statusCode(), created.body());
        JsonObject user = JsonBodies.object(created.body());
        long account = AccountsApiIT.createAccount(api, AccountsApiIT.unique("@demote_"), "LHS").getJsonNumber("id").longValue();
        long grant = grant(account, username, "");

        HttpResponse<String> changed = api.put("/api/staff/" + user.getJsonNumber("id"), "sysadmin", """
                {"user":{"username":"%s","fullName":"Former Supervisor","email":"%s@district.example.org","roles":["EMPLOYEE"]},
                 "version":%d}""".formatted(username, username, user.getJsonNumber("version").longValue()));
        assertEquals(200, changed.statusCode(), changed.body());
        JsonObject ended = grantOf(account, grant);
        assertEquals("ENDED", ended.getString("status"), "no longer a supervisor, no longer an administrator of the account");
        assertTrue(ended.getString("endReason").contains("no longer has the role"), ended.toString());
    }

    @Test
    void deactivatingAStaffMemberEndsTheirRightsAndAuthorizationsAndFlagsAccountsLeftShort() throws Exception {
        String username = AccountsApiIT.unique("leaver").toLowerCase();
        String password = "correct horse battery " + username;
        HttpResponse<String> created = api.post("/api/staff", "sysadmin", """
                {"username":"%s","fullName":"Leaving Supervisor","email":"%s@district.example.org",
                 "roles":["EMPLOYEE","SITE_ADMIN"],"password":"%s"}""".formatted(username, username, password));
        assertEquals(201, created.statusCode(), created.body());
        long userId = JsonBodies.object(created.body()).getJsonNumber("id").longValue();

        String handle = AccountsApiIT.unique("@offboard_");
        long account = AccountsApiIT.createAccount(api, handle, "RMS").getJsonNumber("id").longValue();
        long leaving = grant(account, username, "");
        grant(account, "siteadmin", "");
        HttpResponse<String> submitted = api.postWithPassword("/api/requests", username, password, """
                {"lines":[{"platform":"Blog","objectives":"Department news for families.","audience":["PARENTS"],
                  "accountName":"%s blog","districtEmail":"%s@district.example.org"}]}""".formatted(username, username));
        assertEquals(201, submitted.statusCode(), submitted.body());
        JsonObject request = JsonBodies.object(submitted.body());
        long lineId = request.getJsonArray("lines").getJsonObject(0).getJsonNumber("id").longValue();
        assertEquals(200, api.post("/api/requests/" + request.getJsonNumber("id") + "/decision", "superintendent",
                "{\"lines\":[{\"lineId\":" + lineId + ",\"outcome\":\"AUTHORIZE\"}]}").statusCode());

        HttpResponse<String> deactivated = api.post("/api/staff/" + userId + "/deactivation", "sysadmin", "{}");
        assertEquals(200, deactivated.statusCode(), deactivated.body());
        assertFalse(JsonBodies.object(deactivated.body()).getBoolean("active"));

        JsonObject ended = grantOf(account, leaving);
        assertEquals("ENDED", ended.getString("status"));
        assertTrue(ended.getString("endReason").contains("deactivated"), ended.toString());
        assertEquals(1, JsonBodies.object(api.get("/api/accounts/" + account, "auditor").body()).getInt("activeAdmins"));
        String timeline = api.get("/api/requests/" + request.getJsonNumber("id") + "/timeline", "auditor").body();
        assertTrue(timeline.contains("AUTHORIZATION_ENDED_OFFBOARDING"), timeline);

        String shortOfAdmins = "account " + handle + " needs District administrators";
        awaitMail(shortOfAdmins);
        settle();
        assertEquals(1, count(shortOfAdmins), "the Superintendent is told once");
        assertTrue(recipients(shortOfAdmins).contains("superintendent@district.example.org"));
    }
}
