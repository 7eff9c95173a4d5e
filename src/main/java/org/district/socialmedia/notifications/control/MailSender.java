package org.district.socialmedia.notifications.control;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

import java.util.Date;

/**
 * Sends one message through the server's mail session (server-config/configure-mail.cli: host,
 * port, credentials and timeouts come from there, never from the code). Outside any transaction:
 * a slow SMTP server must not hold a database transaction open.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MailSender {

    @Resource(lookup = "java:jboss/mail/SocialMedia")
    Session session;

    public void send(OutboxStore.Claimed mail) throws MessagingException {
        Transport.send(compose(session, mail));
    }

    /** One SMTP connection for a run of messages (the relay's), opened at the first message; close it after the run. */
    public Connection open() {
        return new Connection(session);
    }

    /**
     * Messages sent one after another over one connection: a new connection per message (its TCP and TLS
     * handshakes, EHLO, AUTH) is most of what a message costs. After a failure the connection is dropped and
     * the next message opens a new one, so one refused message does not fail the others.
     */
    public static final class Connection implements AutoCloseable {
        private final Session session;
        private Transport transport;

        Connection(Session session) {
            this.session = session;
        }

        public void send(OutboxStore.Claimed mail) throws MessagingException {
            MimeMessage message = compose(session, mail);
            try {
                if (transport == null || !transport.isConnected()) {
                    // the transport Transport.send would choose for the first recipient (smtp or smtps)
                    transport = session.getTransport(message.getAllRecipients()[0]);
                    transport.connect();
                }
                transport.sendMessage(message, message.getAllRecipients());
            } catch (MessagingException e) {
                close();
                throw e;
            }
        }

        @Override
        public void close() {
            if (transport != null) {
                try {
                    transport.close();
                } catch (MessagingException ignored) {
                    // the connection is gone either way
                }
                transport = null;
            }
        }
    }

    /** The message as sent: text and HTML alternatives, and the attachment (if any) after them. */
    static MimeMessage compose(Session session, OutboxStore.Claimed mail) throws MessagingException {
        MimeMessage message = new StableIdMessage(session, mail.messageId());
        message.setFrom();
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(mail.recipients(), false));
        message.setSubject(mail.subject(), "UTF-8");
        message.setSentDate(new Date());
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.text(), "UTF-8", "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(mail.html(), "UTF-8", "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        if (mail.attachment() == null) {
            message.setContent(alternative);
        } else {
            MimeBodyPart body = new MimeBodyPart();
            body.setContent(alternative);
            MimeBodyPart file = new MimeBodyPart();
            file.setDataHandler(new DataHandler(new ByteArrayDataSource(mail.attachment().content(), mail.attachment().contentType())));
            file.setFileName(mail.attachment().fileName());
            file.setDisposition(Part.ATTACHMENT);
            MimeMultipart mixed = new MimeMultipart("mixed");
            mixed.addBodyPart(body);
            mixed.addBodyPart(file);
            message.setContent(mixed);
        }
        message.saveChanges();
        return message;
    }

    /** Keeps the outbox's Message-ID, so a resent copy can be recognized as the same message. */
    static final class StableIdMessage extends MimeMessage {
        private final String id;

        StableIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
