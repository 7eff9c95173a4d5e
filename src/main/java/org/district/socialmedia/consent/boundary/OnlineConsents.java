package org.district.socialmedia.consent.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.district.socialmedia.audit.control.AuditLog;
import org.district.socialmedia.consent.control.CoverageTally;
import org.district.socialmedia.consent.entity.ConsentChannel;
import org.district.socialmedia.consent.entity.ConsentForm;
import org.district.socialmedia.consent.entity.ConsentFormInput;
import org.district.socialmedia.consent.entity.ConsentItem;
import org.district.socialmedia.consent.entity.ElectronicSignature;
import org.district.socialmedia.consent.entity.ReceivedBy;
import org.district.socialmedia.platform.entity.NotFoundException;
import org.district.socialmedia.settings.boundary.DistrictSettingsService;
import org.district.socialmedia.settings.entity.DistrictSettings;
import org.district.socialmedia.students.entity.Guardian;
import org.district.socialmedia.students.entity.Student;

import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/**
 * Forms a parent signs online. No sign-in: the caller (the parents component) has checked the parent's
 * personal link first, and names the parent as the actor of the audit record. The form is the same
 * {@link ConsentForm} a clerk records, received ELECTRONIC, with an {@link ElectronicSignature} as evidence.
 */
@Stateless
@PermitAll
public class OnlineConsents {

    @PersistenceContext
    EntityManager em;
    @Inject
    AuditLog audit;
    @Inject
    DistrictSettingsService settings;
    @Inject
    Clock clock;
    @Inject
    CoverageTally coverage;

    /** The signature as the parent gave it, and what they were shown. */
    public record Signed(Instant at, String ipAddress, String userAgent, String typedName, String statement, String relationship,
                         String language, String textSha256, String textShown) {
    }

    /** What a parent sees of a form: only what they agreed to and what is left of it. */
    public record FormSummary(Long id, Long studentId, Long guardianId, LocalDate signedOn, Set<ConsentItem> items,
                              Set<ConsentItem> itemsInForce, ConsentChannel channel, LocalDate periodStart, LocalDate periodEnd,
                              String status, Instant signedAt, String textSha256) implements Serializable {
    }

    /** Records the form; the period is the school year of the signing day; every District account. */
    public FormSummary record(Long studentId, Long guardianId, String formVersion, Set<ConsentItem> items, Signed signed,
                              String actor) {
        DistrictSettings district = settings.current();
        LocalDate today = signed.at().atZone(district.timeZone()).toLocalDate();
        Student student = em.find(Student.class, studentId);
        Guardian guardian = em.find(Guardian.class, guardianId);
        ConsentForm form = new ConsentForm(new ConsentFormInput(student, guardian, today, formVersion, ReceivedBy.ELECTRONIC,
                items, ConsentChannel.ALL, Set.of(), Set.of(), null, null, null), district.schoolYearStart(), today, actor, signed.at());
        em.persist(form);
        em.flush();
        coverage.studentChanged(studentId);
        ElectronicSignature signature = new ElectronicSignature(form, signed.at(), signed.ipAddress(), signed.userAgent(),
                signed.typedName(), signed.statement(), signed.relationship(), signed.language(), signed.textSha256(), signed.textShown());
        em.persist(signature);
        audit.recordAs(actor, "CONSENT_RECORDED", ConsentService.OBJECT_TYPE, form.getId(), "student " + student.getDistrictId()
                + ", items " + form.items() + ", " + form.getChannel() + ", " + form.getPeriodStart() + " to " + form.getPeriodEnd()
                + ", received ELECTRONIC, signed from " + signed.ipAddress() + ", text sha256 " + signed.textSha256());
        return summary(form, today);
    }

    /** One form, for its parent (a recorded view: FERPA disclosure record, as a clerk's view is). */
    public FormSummary view(Long formId, Long guardianId, String actor) {
        ConsentForm form = formOf(formId, guardianId);
        audit.recordAs(actor, "CONSENT_VIEWED", ConsentService.OBJECT_TYPE, formId, "student " + form.getStudent().getDistrictId()
                + ", by the parent who signed it");
        return summary(form, clock.instant().atZone(settings.current().timeZone()).toLocalDate());
    }

    private ConsentForm formOf(Long formId, Long guardianId) {
        ConsentForm form = formId == null ? null : em.find(ConsentForm.class, formId);
        if (form == null || !form.getSigner().getId().equals(guardianId)) {
            throw new NotFoundException("Consent form");
        }
        return form;
    }

    private FormSummary summary(ConsentForm form, LocalDate today) {
        ElectronicSignature signature = em.find(ElectronicSignature.class, form.getId());
        return new FormSummary(form.getId(), form.getStudent().getId(), form.getSigner().getId(), form.getSignedOn(),
                form.items().isEmpty() ? EnumSet.noneOf(ConsentItem.class) : EnumSet.copyOf(form.items()),
                form.itemsAfterRevocations(today), form.getChannel(), form.getPeriodStart(), form.getPeriodEnd(), form.getStatus().name(),
                signature == null ? null : signature.getSignedAt(), signature == null ? null : signature.getTextSha256());
    }
}
