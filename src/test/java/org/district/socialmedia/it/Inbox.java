package org.district.socialmedia.it;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * GreenMail as the SMTP server of a test server, read the way the tests check mail. The relay delivers one copy per
 * recipient, all with the notice's Message-ID, and a notice sent twice arrives again under its Message-ID: so mails
 * are counted by Message-ID, and "exactly once" is one Message-ID per notice.
 */
public final class Inbox implements AutoCloseable {

    /** The test servers' MAIL_PORT (the pom gives it to them; a build may give another). */
    public static final int PORT = Integer.parseInt(System.getenv().getOrDefault("MAIL_PORT", "3025"));
    private static final Duration PATIENCE = Duration.ofSeconds(40);

    /** What makes mail go out on the server: the timer passes and the relay, through the test endpoints. */
    @FunctionalInterface
    public interface Nudge {
        void run() throws Exception;
    }

    private final GreenMail smtp;

    private Inbox(int port) {
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    /** Listens on the test server's mail port. */
    public static Inbox start() {
        return new Inbox(PORT);
    }

    public static Inbox start(int port) {
        return new Inbox(port);
    }

    @Override
    public void close() {
        smtp.stop();
    }

    /** Every copy received, in order. */
    public List<MimeMessage> received() {
        return Arrays.asList(smtp.getReceivedMessages());
    }

    /** Distinct mails (by Message-ID) whose subject contains the text. */
    public List<MimeMessage> mails(String subjectPart) {
        return distinct(m -> subject(m).contains(subjectPart));
    }

    /** Distinct mails (by Message-ID) whose subject contains the text, to a recipient whose address contains {@code to}. */
    public List<MimeMessage> mails(String subjectPart, String to) {
        return distinct(m -> subject(m).contains(subjectPart) && recipients(m).stream().anyMatch(a -> a.contains(to)));
    }

    public int count(String subjectPart) {
        return mails(subjectPart).size();
    }

    public int count(String subjectPart, String to) {
        return mails(subjectPart, to).size();
    }

    /** Distinct mails (by Message-ID) that match. */
    public List<MimeMessage> distinct(Predicate<MimeMessage> wanted) {
        Map<String, MimeMessage> byId = new LinkedHashMap<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (wanted.test(m)) {
                byId.putIfAbsent(messageId(m), m);
            }
        }
        return List.copyOf(byId.values());
    }

    /** Nudges until a mail whose subject contains the text has arrived (40 s at most), and answers the first. */
    public MimeMessage await(String subjectPart, Nudge nudge) throws Exception {
        return await(m -> subject(m).contains(subjectPart), "'" + subjectPart + "'", nudge);
    }

    /** Nudges until a mail with the subject part has arrived for the recipient (40 s at most), and answers it. */
    public MimeMessage await(String subjectPart, String to, Nudge nudge) throws Exception {
        return await(m -> subject(m).contains(subjectPart) && recipients(m).stream().anyMatch(a -> a.contains(to)),
                "'" + subjectPart + "' to " + to, nudge);
    }

    /** Nudges until at least {@code atLeast} distinct mails whose subject contains the text have arrived (40 s at most). */
    public void awaitCount(String subjectPart, int atLeast, Nudge nudge) throws Exception {
        Instant giveUp = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(giveUp)) {
            nudge.run();
            if (count(subjectPart) >= atLeast) {
                return;
            }
            Thread.sleep(300);
        }
        fail(atLeast + " mails with '" + subjectPart + "' expected in " + PATIENCE.toSeconds() + " s, " + count(subjectPart) + " came");
    }

    /** Nudges until a matching mail has arrived (40 s at most), and answers the first. */
    public MimeMessage await(Predicate<MimeMessage> wanted, String what, Nudge nudge) throws Exception {
        Instant giveUp = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(giveUp)) {
            nudge.run();
            List<MimeMessage> found = distinct(wanted);
            if (!found.isEmpty()) {
                return found.get(0);
            }
            Thread.sleep(300);
        }
        fail("no mail with " + what + " in " + PATIENCE.toSeconds() + " s; received " + smtp.getReceivedMessages().length);
        return null;
    }

    /**
     * Nudges twice more, with a pause: the test endpoints sweep and relay synchronously, and the pause lets a timer's
     * run that overlapped them finish its delivery, so a mail that was going to go out twice has by now.
     */
    public void settle(Nudge nudge) throws Exception {
        for (int i = 0; i < 2; i++) {
            nudge.run();
            Thread.sleep(400);
        }
    }

    public static String subject(MimeMessage m) {
        try {
            return m.getSubject() == null ? "" : m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<String> recipients(MimeMessage m) {
        try {
            List<String> all = new ArrayList<>();
            Address[] addresses = m.getAllRecipients();
            if (addresses != null) {
                for (Address a : addresses) {
                    all.add(a.toString());
                }
            }
            return all;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String messageId(MimeMessage m) {
        try {
            return m.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plain text of a mail or part, every text/plain part of a multipart joined. */
    public static String text(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                all.append(text(multipart.getBodyPart(i)));
            }
            return all.toString();
        }
        return "";
    }
}
