package org.district.socialmedia.parents.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.district.socialmedia.notifications.control.MailTemplates;
import org.district.socialmedia.notifications.control.OutboxWriter;
import org.district.socialmedia.parents.entity.ParentLink;
import org.district.socialmedia.parents.entity.ParentTexts;
import org.district.socialmedia.settings.boundary.DistrictSettingsService;
import org.district.socialmedia.settings.entity.DistrictSettings;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The parents' emails, through the outbox in the caller's transaction. A request and its reminders go
 * before the parent has chosen a language: they carry every offered language, one after the other; a
 * new link and a receipt are in the language of the page the parent used. The link is the only place a
 * token ever appears.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class ParentMail {

    public static final String PAGE = "/parent/consent.xhtml";
    public static final String NEW_LINK_PAGE = "/parent/link.xhtml";

    @Inject
    OutboxWriter outbox;
    @Inject
    DistrictSettingsService settings;

    private String linkUrl(String baseUrl, String token, ParentTexts texts) {
        return baseUrl + PAGE + "?t=" + URLEncoder.encode(token, StandardCharsets.UTF_8)
                + (texts == null ? "" : "&lang=" + texts.tag());
    }

    /** The consent request, or reminder {@code reminder} (0: the request itself), in every offered language. */
    public void request(ParentLink link, String token, int reminder) {
        DistrictSettings district = settings.current();
        String child = link.getStudent().getGivenName();
        List<String> paragraphs = new ArrayList<>();
        ParentTexts first = ParentTexts.of(ParentTexts.DEFAULT);
        for (var locale : ParentTexts.supported()) {
            ParentTexts t = ParentTexts.of(locale);
            if (!locale.equals(ParentTexts.DEFAULT)) {
                paragraphs.add(t.get("mail.greeting", link.getGuardian().displayName()));
            }
            paragraphs.add(t.get("mail.request.p1", schoolOf(link), child));
            paragraphs.add(t.get("mail.request.p2", t.date(day(link, district))));
            paragraphs.add(t.get("mail.request.link") + ": " + linkUrl(district.publicBaseUrl(), token, t));
        }
        String subject = ParentTexts.supported().stream().map(l -> ParentTexts.of(l)
                .get(reminder == 0 ? "mail.request.subject" : "mail.reminder.subject", child)).distinct()
                .reduce((a, b) -> a + " / " + b).orElse("");
        outbox.enqueue(reminder == 0 ? "PARENT_REQUEST" : "PARENT_REMINDER", "parent-" + (reminder == 0 ? "request" : "reminder-" + reminder)
                        + "." + link.getId(), Set.of(link.getEmail()),
                new MailTemplates.Parts(district.districtName(), subject, first.get("mail.greeting", link.getGuardian().displayName()),
                        paragraphs, first.get("mail.request.link"), linkUrl(district.publicBaseUrl(), token, null)),
                first.tag(), first.get("mail.footer"), null);
    }

    /** A new link the parent asked for, in the language of the page they asked on. */
    public void newLink(ParentLink link, String token, ParentTexts t) {
        DistrictSettings district = settings.current();
        String child = link.getStudent().getGivenName();
        outbox.enqueue("PARENT_NEW_LINK", "parent-new-link." + link.getId(), Set.of(link.getEmail()),
                new MailTemplates.Parts(district.districtName(), t.get("mail.newlink.subject", child),
                        t.get("mail.greeting", link.getGuardian().displayName()),
                        List.of(t.get("mail.newlink.p1", child), t.get("mail.request.p2", t.date(day(link, district)))),
                        t.get("mail.newlink.link"), linkUrl(district.publicBaseUrl(), token, t)),
                t.tag(), t.get("mail.footer"), null);
    }

    /** The receipt after signing, with its PDF. */
    public void receipt(ParentLink link, String token, ParentTexts t, String signedAt, byte[] pdf) {
        DistrictSettings district = settings.current();
        String child = link.getStudent().getGivenName();
        outbox.enqueue("PARENT_RECEIPT", "parent-receipt." + link.getId(), Set.of(link.getEmail()),
                new MailTemplates.Parts(district.districtName(), t.get("mail.receipt.subject", child),
                        t.get("mail.greeting", link.getGuardian().displayName()),
                        List.of(t.get("mail.receipt.p1", child, signedAt), t.get("mail.receipt.p2", t.date(day(link, district)))),
                        t.get("mail.receipt.link"), linkUrl(district.publicBaseUrl(), token, t)),
                t.tag(), t.get("mail.footer"),
                new OutboxWriter.Attachment("consent-receipt-" + link.getId() + ".pdf", "application/pdf", pdf));
    }

    private static String schoolOf(ParentLink link) {
        return link.getStudent().getSchool() == null ? "" : link.getStudent().getSchool().getName();
    }

    private static LocalDate day(ParentLink link, DistrictSettings district) {
        return link.getExpiresAt().atZone(district.timeZone()).toLocalDate();
    }
}
