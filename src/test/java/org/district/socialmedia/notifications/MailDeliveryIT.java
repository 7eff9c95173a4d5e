package org.district.socialmedia.notifications;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.district.socialmedia.it.Api;
import org.district.socialmedia.it.Deployments;
import org.district.socialmedia.it.Inbox;
import org.district.socialmedia.it.JsonBodies;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Emails through the transactional outbox and the relay, with GreenMail as the real SMTP server on
 * the port the test server's mail session uses (MAIL_PORT=3025): what is written is delivered, once,
 * even when the SMTP server was down while the messages were produced.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MailDeliveryIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.realWar();
    }

    private final Api api = Api.onTestServer();
    private Inbox inbox;

    @AfterEach
    void stopSmtp() {
        if (inbox != null) {
            inbox.close();
        }
    }

    private long submit(String user, String marker) {
        HttpResponse<String> created = api.post("/api/requests", user, """
                {"lines":[{"platform":"Blog","objectives":"Class news %s","audience":["PARENTS"],
                  "accountName":"%s","districtEmail":"teacher@district.example.org"}]}""".formatted(marker, marker));
        assertEquals(201, created.statusCode(), created.body());
        return JsonBodies.object(created.body()).getJsonNumber("id").longValue();
    }

    @Test
    void aSubmissionMailsAReceiptToTheEmployeeAndANoticeToTheReviewers() throws Exception {
        inbox = Inbox.start();
        long id = submit("employee1", "mail-" + UUID.randomUUID());

        MimeMessage receipt = await(m -> Inbox.subject(m).contains("your request " + id + " was received"));
        assertEquals("employee1@district.example.org", receipt.getHeader("To", ","));
        assertTrue(Inbox.subject(receipt).startsWith("Example Unified School District: "), Inbox.subject(receipt));
        assertTrue(receipt.getMessageID().startsWith("<submitted." + id + "."), receipt.getMessageID());
        MimeMultipart parts = (MimeMultipart) receipt.getContent();
        assertEquals(2, parts.getCount(), "plain text and HTML");
        assertTrue(parts.getBodyPart(0).isMimeType("text/plain"));
        assertTrue(parts.getBodyPart(1).isMimeType("text/html"));
        assertTrue(((String) parts.getBodyPart(0).getContent()).contains("/requests/view.xhtml?id=" + id), "a link to the request page");

        MimeMessage notice = await(m -> Inbox.subject(m).contains("new request " + id + " from "));
        String to = notice.getHeader("To", ",");
        assertTrue(to.contains("superintendent@district.example.org") && to.contains("designee@district.example.org"), to);
        assertTrue(!to.contains("employee1@"), "the requester is not a reviewer of their own request");

        // the decision's letter link goes through the portal's sign-in, not the API's password box
        long line = JsonBodies.object(api.get("/api/requests/" + id, "employee1").body())
                .getJsonArray("lines").getJsonObject(0).getJsonNumber("id").longValue();
        assertEquals(200, api.post("/api/requests/" + id + "/decision", "superintendent",
                "{\"lines\":[{\"lineId\":" + line + ",\"outcome\":\"AUTHORIZE\"}]}").statusCode());
        MimeMessage decided = await(m -> Inbox.subject(m).contains("written response to your request " + id));
        String text = (String) ((MimeMultipart) decided.getContent()).getBodyPart(0).getContent();
        assertTrue(text.contains("/requests/letter?id=" + id), text);
        assertFalse(text.contains("/api/"), text);
    }

    @Test
    void twoHundredMessagesProducedWhileSmtpIsDownAreAllDeliveredOnceWhenItReturns() throws Exception {
        String marker = "outage-" + UUID.randomUUID();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            ids.add(submit(i % 2 == 0 ? "employee2" : "employee3", marker + "-" + i));
        }
        Thread.sleep(3_000); // the relay tries and fails meanwhile: connection refused
        inbox = Inbox.start();
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(giveUp) && inbox.distinct(about(ids)).size() < 200) {
            Thread.sleep(500);
        }
        Thread.sleep(4_000); // anything sent twice would arrive by now
        Map<String, Integer> copies = new HashMap<>();
        Map<String, Integer> recipients = new HashMap<>();
        for (MimeMessage m : inbox.received().stream().filter(about(ids)).toList()) {
            copies.merge(m.getMessageID(), 1, Integer::sum);
            recipients.put(m.getMessageID(), m.getHeader("To", ",").split(",").length);
        }
        assertEquals(200, copies.size(), "a receipt and a reviewers' notice for each of the 100 requests");
        copies.forEach((id, n) -> assertEquals(recipients.get(id), n, "one copy per recipient of " + id));
    }

    /** The mails about these requests: each subject names its request. */
    private static Predicate<MimeMessage> about(List<Long> ids) {
        return m -> ids.stream().anyMatch(id -> Inbox.subject(m).contains("request " + id + " "));
    }

    private MimeMessage await(Predicate<MimeMessage> wanted) throws Exception {
        return inbox.await(wanted, "that subject", () -> api.post("/api/test/mail-relay", "sysadmin", "{}"));
    }
}
