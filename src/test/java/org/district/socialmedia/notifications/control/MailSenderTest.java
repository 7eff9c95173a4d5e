package org.district.socialmedia.notifications.control;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MailSenderTest {

    private static final Session SESSION = Session.getInstance(new Properties());

    @Test
    void aMessageWithoutAttachmentsStaysTextAndHtmlAlternatives() throws MessagingException, IOException {
        MimeMessage m = MailSender.compose(SESSION, new OutboxStore.Claimed(1L, "<a.1@localhost>", "x@district.example.org",
                "Subject", "text", "<p>html</p>", null));
        assertTrue(m.getContentType().startsWith("multipart/alternative"), m.getContentType());
        assertEquals("<a.1@localhost>", m.getMessageID());
    }

    @Test
    void theAttachmentFollowsTheBodyAsAFileWithItsNameAndBytes() throws MessagingException, IOException {
        byte[] pdf = "%PDF-1.4 test".getBytes();
        MimeMessage m = MailSender.compose(SESSION, new OutboxStore.Claimed(1L, "<b.1@localhost>", "x@district.example.org",
                "Subject", "text", "<p>html</p>", new OutboxWriter.Attachment("board-report-2026-11.pdf", "application/pdf", pdf)));
        MimeMultipart mixed = (MimeMultipart) m.getContent();
        assertTrue(mixed.getContentType().startsWith("multipart/mixed"), mixed.getContentType());
        assertEquals(2, mixed.getCount());
        assertTrue(((MimeMultipart) mixed.getBodyPart(0).getContent()).getContentType().startsWith("multipart/alternative"));
        BodyPart file = mixed.getBodyPart(1);
        assertEquals(Part.ATTACHMENT, file.getDisposition());
        assertEquals("board-report-2026-11.pdf", file.getFileName());
        assertTrue(file.getContentType().startsWith("application/pdf"));
        assertArrayEquals(pdf, file.getInputStream().readAllBytes());
    }
}
