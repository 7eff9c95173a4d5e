package org.district.socialmedia.notifications.control;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MailTemplatesTest {

    @Test
    void bothVersionsCarryTheSameContentAndTheHtmlEscapesWhatPeopleTyped() {
        MailTemplates.Rendered mail = MailTemplates.render(new MailTemplates.Parts("Example USD", "request 7 received",
                "Dear <b>Ann</b>,", List.of("Objectives: \"News\" & <script>alert(1)</script>"), "See it",
                "https://portal.example.org/requests/view.xhtml?id=7"));
        assertEquals("Example USD: request 7 received", mail.subject());
        assertTrue(mail.text().contains("Dear <b>Ann</b>,"));
        assertTrue(mail.text().contains("See it: https://portal.example.org/requests/view.xhtml?id=7"));
        assertTrue(mail.html().contains("Dear &lt;b&gt;Ann&lt;/b&gt;,"));
        assertTrue(mail.html().contains("&quot;News&quot; &amp; &lt;script&gt;"));
        assertFalse(mail.html().contains("<script>"));
        assertTrue(mail.html().contains("<a href=\"https://portal.example.org/requests/view.xhtml?id=7\">See it</a>"));
    }
}
