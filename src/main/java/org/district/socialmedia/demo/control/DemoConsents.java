package org.district.socialmedia.demo.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.district.socialmedia.platform.control.ScanInspector;
import org.district.socialmedia.consent.entity.ConsentChannel;
import org.district.socialmedia.consent.entity.ConsentForm;
import org.district.socialmedia.consent.entity.ConsentFormInput;
import org.district.socialmedia.consent.entity.ConsentItem;
import org.district.socialmedia.consent.entity.Evidence;
import org.district.socialmedia.consent.entity.EvidenceContent;
import org.district.socialmedia.consent.entity.ReceivedBy;
import org.district.socialmedia.platform.entity.ScanType;
import org.district.socialmedia.requests.entity.Platform;
import org.district.socialmedia.settings.entity.DistrictSettings;
import org.district.socialmedia.students.entity.Student;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/**
 * Demo consent forms in every state for the default dev run (after the demo roster is imported, and
 * only when no form exists yet): full consent, photographs only, one platform only, ending soon,
 * expired, revoked, partly revoked; the other demo students have none (the check says NO_CONSENT).
 */
@Stateless
public class DemoConsents {

    /** A one-page PDF, so the demo form has a scan to download. */
    /** A one-page PDF that passes the content check: the demo's scans and account checklist screenshots. */
    static final byte[] DEMO_SCAN = ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
            + "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\n"
            + "trailer<</Root 1 0 R>>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);

    @PersistenceContext
    EntityManager em;
    @Inject
    Clock clock;

    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void seed(DistrictSettings district) {
        if (em.createQuery("SELECT COUNT(f) FROM ConsentForm f", Long.class).getSingleResult() > 0
                || em.createQuery("SELECT COUNT(s) FROM Student s", Long.class).getSingleResult() == 0) {
            return;
        }
        Instant now = clock.instant();
        LocalDate today = now.atZone(district.timeZone()).toLocalDate();
        Set<ConsentItem> all = EnumSet.allOf(ConsentItem.class);
        ConsentForm full = form(district, today, now, "100001", all, ConsentChannel.ALL, null, null, null, ReceivedBy.PAPER_SCAN);
        if (full != null) {
            Evidence scan = new Evidence(full, "demo-" + full.getId() + ".pdf", ScanType.PDF,
                    DEMO_SCAN.length, ScanInspector.sha256(DEMO_SCAN), "signed-form.pdf", "clerk2", now);
            em.persist(scan);
            em.flush();
            em.persist(new EvidenceContent(scan, DEMO_SCAN));
        }
        ConsentForm partly = form(district, today, now, "100002", all, ConsentChannel.ALL, null, null, null, ReceivedBy.ELECTRONIC);
        if (partly != null) {
            partly.revoke(today.minusDays(3), "Front office (phone call)", EnumSet.of(ConsentItem.PHOTO, ConsentItem.VIDEO), today, "clerk2", now);
        }
        form(district, today, now, "100027", all, ConsentChannel.ALL, null, null, null, ReceivedBy.PAPER_SCAN);
        form(district, today, now, "100028", EnumSet.of(ConsentItem.PHOTO, ConsentItem.FIRST_NAME), ConsentChannel.ALL, null, null,
                null, ReceivedBy.PAPER_SCAN);
        Platform facebook = em.createNamedQuery(Platform.BY_NAME, Platform.class).setParameter("name", "facebook").getSingleResult();
        form(district, today, now, "100023", all, ConsentChannel.PLATFORMS, Set.of(facebook.getId()), null, null, ReceivedBy.ELECTRONIC);
        form(district, today, now, "100024", all, ConsentChannel.ALL, null, today.minusDays(330), today.plusDays(20), ReceivedBy.PAPER_SCAN);
        ConsentForm expired = form(district, today.minusDays(400), now, "100025", all, ConsentChannel.ALL, null,
                today.minusDays(400), today.minusDays(40), ReceivedBy.PAPER_SCAN);
        if (expired != null) {
            expired.expireIfEnded(today, now);
        }
        ConsentForm revoked = form(district, today, now, "100026", all, ConsentChannel.ALL, null, null, null, ReceivedBy.PAPER_SCAN);
        if (revoked != null) {
            revoked.revoke(today.minusDays(1), "Principal's office (letter)", null, today, "clerk", now);
        }
    }

    private ConsentForm form(DistrictSettings district, LocalDate signed, Instant now, String districtId, Set<ConsentItem> items,
                             ConsentChannel channel, Set<Long> platforms, LocalDate start, LocalDate end, ReceivedBy receivedBy) {
        Student student = em.createNamedQuery(Student.BY_DISTRICT_ID, Student.class).setParameter("districtId", districtId)
                .getResultStream().findFirst().orElse(null);
        if (student == null || student.getGuardians().isEmpty()) {
            return null;
        }
        LocalDate signedOn = start != null ? start.minusDays(7) : signed.minusDays(20);
        // each school's clerk records its own students' forms
        String clerk = "LHS".equals(student.getSchool().getCode()) ? "clerk2" : "clerk";
        ConsentForm form = new ConsentForm(new ConsentFormInput(student, student.getGuardians().iterator().next(), signedOn,
                "2026-1", receivedBy, items, channel, Set.of(), platforms == null ? Set.of() : platforms, start, end,
                "Demo form."), district.schoolYearStart(), signed, clerk, now);
        em.persist(form);
        em.flush();
        return form;
    }
}
