package org.district.socialmedia.parents.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.district.socialmedia.audit.control.AuditLog;
import org.district.socialmedia.consent.boundary.ConsentService;
import org.district.socialmedia.consent.boundary.OnlineConsents;
import org.district.socialmedia.consent.entity.ConsentForm;
import org.district.socialmedia.consent.entity.ConsentItem;
import org.district.socialmedia.parents.control.LinkIssuer;
import org.district.socialmedia.parents.control.ParentMail;
import org.district.socialmedia.parents.control.ParentRateLimits;
import org.district.socialmedia.parents.control.ReceiptPdf;
import org.district.socialmedia.parents.entity.FormText;
import org.district.socialmedia.parents.entity.LinkState;
import org.district.socialmedia.parents.entity.LinkStateException;
import org.district.socialmedia.parents.entity.ParentLink;
import org.district.socialmedia.parents.entity.ParentTexts;
import org.district.socialmedia.platform.entity.InvalidInputException;
import org.district.socialmedia.settings.entity.DistrictSettings;
import org.district.socialmedia.settings.boundary.DistrictSettingsService;
import org.district.socialmedia.students.entity.Guardian;
import org.district.socialmedia.students.entity.Student;

import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a parent does without an account, through their personal link: see the District's consent form,
 * sign it once, view it and revoke; or ask for a new link. The link is the only key: every call finds it
 * by its token's hash, is rate-limited (ParentRateLimits) and audited with the parent as the actor.
 */
@Stateless
@PermitAll
public class ParentPortal {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");
    public static final int NAME_MAX = 200;

    @PersistenceContext
    EntityManager em;
    @Inject
    LinkIssuer links;
    @Inject
    ParentRateLimits limits;
    @Inject
    OnlineConsents online;
    @Inject
    ConsentService consent;
    @Inject
    ParentMail mail;
    @Inject
    AuditLog audit;
    @Inject
    DistrictSettingsService settings;
    @Inject
    Clock clock;

    /** What the page shows for a link: nothing but its state when it is unknown or ended. */
    public record Visit(LinkState state, String childFirstName, String school, FormText text, String textSha256,
                        OnlineConsents.FormSummary form, String signedAt) implements Serializable {

        public boolean isUnknown() {
            return state == null;
        }
    }

    /** The parent's answer: yes or no per item, and their signature. */
    public record Answer(Map<ConsentItem, Boolean> choices, String typedName, boolean intent, boolean relationship,
                         String shownSha256) implements Serializable {
    }

    public Visit open(String token, String ip, Locale locale) {
        limits.link(ip, token);
        Optional<ParentLink> found = links.find(token);
        if (found.isEmpty()) {
            audit.recordAs("parent", "PARENT_LINK_UNKNOWN", "ParentLink", null, "a link that opens nothing, from " + ip);
            return new Visit(null, null, null, null, null, null, null);
        }
        ParentLink link = found.get();
        Instant now = clock.instant();
        LinkState state = link.state(now);
        ParentTexts texts = ParentTexts.of(locale);
        FormText text = text(link, texts);
        OnlineConsents.FormSummary form = null;
        if (state == LinkState.OPEN && link.opened(now)) {
            audit.recordAs(actor(link), "PARENT_LINK_OPENED", "ParentLink", link.getId(), "first visit, student "
                    + link.getStudent().getDistrictId());
        } else {
            audit.recordAs(actor(link), "PARENT_LINK_VISITED", "ParentLink", link.getId(), state + ", student "
                    + link.getStudent().getDistrictId());
        }
        if (state == LinkState.ANSWERED) {
            form = online.view(link.getFormId(), link.getGuardian().getId(), actor(link));
        }
        return state == LinkState.EXPIRED ? new Visit(state, null, null, null, null, null, null)
                : new Visit(state, link.getStudent().getGivenName(), school(link.getStudent()), text, text.sha256(), form,
                form == null ? null : texts.dateTime(form.signedAt(), settings.current().timeZone()));
    }

    /** Signs the form once; the receipt goes by email in the page's language. */
    public Visit sign(String token, Answer answer, String ip, String userAgent, Locale locale) {
        limits.link(ip, token);
        ParentLink link = links.find(token).orElseThrow(() -> new LinkStateException(LinkState.EXPIRED));
        Instant now = clock.instant();
        LinkState state = link.state(now);
        if (state != LinkState.OPEN) {
            throw new LinkStateException(state);
        }
        ParentTexts texts = ParentTexts.of(locale);
        FormText text = text(link, texts);
        Map<String, String> errors = new LinkedHashMap<>();
        Set<ConsentItem> yes = EnumSet.noneOf(ConsentItem.class);
        for (ConsentItem item : ConsentItem.values()) {
            Boolean choice = answer.choices() == null ? null : answer.choices().get(item);
            if (choice == null) {
                errors.put("item-" + item.name(), texts.get("sign.missing.choice", texts.item(item)));
            } else if (choice) {
                yes.add(item);
            }
        }
        String name = answer.typedName() == null ? "" : answer.typedName().strip().replaceAll("\\s+", " ");
        if (name.isEmpty() || name.length() > NAME_MAX) {
            errors.put("typedName", texts.get("sign.missing.name"));
        }
        if (!answer.intent()) {
            errors.put("intent", texts.get("sign.missing.intent"));
        }
        if (!answer.relationship()) {
            errors.put("relationship", texts.get("sign.missing.relationship"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (!text.sha256().equals(answer.shownSha256())) {
            throw new InvalidInputException("form", texts.get("sign.changed"));
        }
        String actor = actor(link);
        OnlineConsents.FormSummary form = online.record(link.getStudent().getId(), link.getGuardian().getId(), FormText.VERSION, yes,
                new OnlineConsents.Signed(now, ip == null ? "unknown" : ip, userAgent, name, text.intent(), text.relationship(),
                        texts.tag(), text.sha256(), text.asText()), actor);
        link.answered(form.id(), yes.isEmpty(), now);
        DistrictSettings district = settings.current();
        String signedAt = texts.dateTime(now, district.timeZone());
        byte[] pdf = ReceiptPdf.render(receipt(link, texts, form, name, signedAt, district), texts);
        mail.receipt(link, token, texts, signedAt, pdf);
        audit.recordAs(actor, "PARENT_SIGNED", "ParentLink", link.getId(), "form " + form.id() + ", items " + yes
                + ", language " + texts.tag() + ", receipt emailed");
        return new Visit(LinkState.ANSWERED, link.getStudent().getGivenName(), school(link.getStudent()), text, text.sha256(), form,
                signedAt);
    }

    /** Revokes items of the form signed through this link (null or empty: everything still in force). */
    public Visit revoke(String token, Set<ConsentItem> items, String ip, Locale locale) {
        limits.link(ip, token);
        ParentLink link = links.find(token).orElseThrow(() -> new LinkStateException(LinkState.EXPIRED));
        LinkState state = link.state(clock.instant());
        if (state != LinkState.ANSWERED) {
            throw new LinkStateException(state);
        }
        if (items == null || items.isEmpty()) {
            throw new InvalidInputException("items", ParentTexts.of(locale).get("revoke.choose"));
        }
        consent.revokeOnline(link.getFormId(), link.getGuardian().getId(), items, actor(link));
        return open(token, ip, locale);
    }

    /**
     * Sends a new link for each student this address is on file for and who was sent a link before. The answer
     * is the same whether or not anything was sent: the page never tells whether an address is on file.
     */
    public void requestLink(String email, String ip, Locale locale) {
        limits.newLink(ip);
        ParentTexts texts = ParentTexts.of(locale);
        String address = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(address).matches() || address.length() > 254) {
            throw new InvalidInputException("email", texts.get("link.invalidEmail"));
        }
        List<Guardian> guardians = em.createQuery("SELECT g FROM Guardian g WHERE LOWER(g.email) = :email AND g.active = TRUE", Guardian.class)
                .setParameter("email", address).getResultList();
        int sent = 0;
        for (Guardian guardian : guardians) {
            List<ParentLink> previous = em.createQuery("SELECT l FROM ParentLink l WHERE l.guardian = :g ORDER BY l.createdAt DESC, l.id DESC",
                    ParentLink.class).setParameter("g", guardian).getResultList();
            List<Long> done = new ArrayList<>();
            for (ParentLink last : previous) {
                Student student = last.getStudent();
                if (done.contains(student.getId()) || !student.isActive()) {
                    continue;
                }
                done.add(student.getId());
                Long formId = previous.stream().filter(l -> l.getStudent().equals(student) && l.getFormId() != null)
                        .map(ParentLink::getFormId).findFirst().orElse(null);
                LinkIssuer.Issued issued = links.issue(null, student, guardian, last.getSchoolClass(), formId);
                mail.newLink(issued.link(), issued.token(), texts);
                audit.recordAs("parent-" + guardian.getId(), "PARENT_LINK_SENT_AGAIN", "ParentLink", issued.link().getId(),
                        "asked for on the public page, student " + student.getDistrictId());
                sent++;
            }
        }
        if (sent == 0) {
            audit.recordAs("parent", "PARENT_LINK_ASKED", "ParentLink", null, "no link sent (address not on file or never sent a request)");
        }
    }

    /** How many whole days a new link works, for the page's promise. */
    public long linkDays() {
        return Math.max(1, settings.consentLinks().linkTtl().toDays());
    }

    private FormText text(ParentLink link, ParentTexts texts) {
        DistrictSettings district = settings.current();
        LocalDate today = clock.instant().atZone(district.timeZone()).toLocalDate();
        LocalDate[] year = ConsentForm.schoolYear(today, district.schoolYearStart());
        return FormText.of(texts, district.districtName(), link.getStudent().getGivenName(), school(link.getStudent()), year[0], year[1]);
    }

    private ReceiptPdf.Content receipt(ParentLink link, ParentTexts t, OnlineConsents.FormSummary form, String name, String signedAt,
                                       DistrictSettings district) {
        Set<ConsentItem> no = EnumSet.allOf(ConsentItem.class);
        no.removeAll(form.items());
        List<String> lines = List.of(
                t.get("receipt.child", link.getStudent().getGivenName(), school(link.getStudent())),
                t.get("receipt.signer", name),
                t.get("receipt.signedAt", signedAt),
                t.get("receipt.agreed", t.items(form.items())),
                t.get("receipt.declined", t.items(no)),
                t.get("form.channel", district.districtName()),
                t.get("form.period", t.date(form.periodStart()), t.date(form.periodEnd())),
                t.get("receipt.howToRevoke", district.publicBaseUrl() + ParentMail.NEW_LINK_PAGE),
                t.get("receipt.fingerprint", form.textSha256()));
        return new ReceiptPdf.Content(district.districtName(), t.get("receipt.title"), lines);
    }

    private static String school(Student student) {
        return student.getSchool() == null ? "" : student.getSchool().getName();
    }

    private static String actor(ParentLink link) {
        return "parent-" + link.getGuardian().getId();
    }
}
