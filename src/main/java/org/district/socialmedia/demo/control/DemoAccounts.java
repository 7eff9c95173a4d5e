package org.district.socialmedia.demo.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.district.socialmedia.accounts.control.DirectoryVersions;
import org.district.socialmedia.accounts.entity.AccountAttestation;
import org.district.socialmedia.accounts.entity.AccountGrant;
import org.district.socialmedia.accounts.entity.AccountStatus;
import org.district.socialmedia.accounts.entity.AttestationEvidence;
import org.district.socialmedia.accounts.entity.DistrictAccount;
import org.district.socialmedia.accounts.entity.Granter;
import org.district.socialmedia.people.entity.OrgUnit;
import org.district.socialmedia.people.entity.StaffUser;
import org.district.socialmedia.platform.control.ScanInspector;
import org.district.socialmedia.platform.entity.ScanType;
import org.district.socialmedia.requests.control.ReviewerAuthority;
import org.district.socialmedia.requests.entity.Authorization;
import org.district.socialmedia.requests.entity.AuthorizationStatus;
import org.district.socialmedia.requests.entity.Platform;
import org.district.socialmedia.settings.entity.DistrictSettings;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

/**
 * Demo accounts for the default dev run (called by DemoData, only when the registry is empty):
 * accounts of several schools and departments, one created from an authorized request line, rights
 * ending within days (so the notices show), an account with a single administrator, one failing
 * every compliance check, a suspended and an archived one. Yearly checklists in several states: one signed off
 * (with a screenshot), one due within the month, one overdue, new accounts' first ones due in 30 days.
 */
@Stateless
public class DemoAccounts {

    @PersistenceContext
    EntityManager em;
    @Inject
    java.time.Clock clock;
    @Inject
    DirectoryVersions directoryVersions;

    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void seed(DistrictSettings district) {
        if (em.createQuery("SELECT COUNT(a) FROM DistrictAccount a", Long.class).getSingleResult() > 0) {
            return;
        }
        Instant now = clock.instant();
        LocalDate today = now.atZone(district.timeZone()).toLocalDate();
        StaffUser superintendent = user("superintendent");
        Granter helen = new Granter("superintendent", superintendent.getFullName(), ReviewerAuthority.SUPERINTENDENT_TITLE);
        StaffUser patricia = user("siteadmin");
        StaffUser thomas = user("siteadmin2");

        // from employee3's authorized (amended) Instagram line: the employee operates it
        Authorization athletics = em.createQuery("SELECT a FROM Authorization a WHERE a.employee.username = 'employee3'"
                        + " AND a.status = :active AND a.platformLabel = 'Instagram'", Authorization.class)
                .setParameter("active", AuthorizationStatus.ACTIVE).getResultStream().findFirst().orElse(null);
        DistrictAccount lhs = account("Instagram", "@lincoln_hs_athletics", "https://www.instagram.com/lincoln_hs_athletics", "LHS",
                "Team results, practice schedules and game-day announcements for Lincoln athletics.", "atanaka@district.example.org",
                true, district, now, athletics == null ? null : athletics.getId());
        lhs.recordIdentificationCheck(true, "siteadmin", now.minus(Duration.ofDays(20)));
        lhs.recordPrivacyReview("siteadmin", now.minus(Duration.ofDays(20)));
        if (athletics != null) {
            em.persist(lhs.addOperator(athletics, "superintendent", now));
        }
        grant(lhs, patricia, helen, "Athletic director; supervises the coaches who post.", today.minusDays(60), today.plusDays(10), null,
                today, district, now.minus(Duration.ofDays(60)));
        grant(lhs, thomas, helen, "Second administrator while the athletic director is away.", today.minusDays(60),
                district.rights().schoolYearEndOnOrAfter(today), null, today, district, now.minus(Duration.ofDays(60)));
        // its checklist signed off 20 days ago, with a screenshot: the next one is due in about 11 months. The
        // sign-off names the account by id only, so the account's row goes first
        em.flush();
        AccountAttestation signed = lhs.signOffChecklist(new DistrictAccount.Checklist(true, lhs.getPlatform().privacyItems(), true),
                lhs.getPlatform().privacyItems(), new AccountAttestation.EvidenceFacts(ScanType.PDF, "instagram-privacy-settings.pdf",
                        DemoConsents.DEMO_SCAN.length, ScanInspector.sha256(DemoConsents.DEMO_SCAN)),
                "siteadmin", now.minus(Duration.ofDays(20)), district.timeZone());
        em.persist(signed);
        em.flush();
        em.persist(new AttestationEvidence(signed, DemoConsents.DEMO_SCAN));

        // a single administrator: flagged for the Superintendent; registered over a year ago, its first checklist is overdue
        DistrictAccount wes = account("Facebook", "Washington Elementary News", "https://www.facebook.com/washingtonelementary", "WES",
                "News and events for Washington Elementary families.", "wes-office@district.example.org", true, district,
                now.minus(Duration.ofDays(400)), null);
        wes.recordIdentificationCheck(true, "siteadmin2", now.minus(Duration.ofDays(100)));
        wes.recordPrivacyReview("siteadmin2", now.minus(Duration.ofDays(400)));
        grant(wes, thomas, helen, "Principal's office manages school news.", today.minusDays(100), today.plusDays(3), null,
                today, district, now.minus(Duration.ofDays(100)));

        // the District's own channel: open-ended rights, with the reason; its first checklist is due within the month
        DistrictAccount comm = account("YouTube", "Example USD", "https://www.youtube.com/@exampleusd", "COMM",
                "Board meetings, District announcements and recorded events.", "communications@district.example.org", true,
                district, now.minus(Duration.ofDays(340)), null);
        comm.recordIdentificationCheck(true, "superintendent", now.minus(Duration.ofDays(30)));
        comm.recordPrivacyReview("superintendent", now.minus(Duration.ofDays(30)));
        grant(comm, patricia, helen, "Communications liaison for the high schools.", today.minusDays(200), null,
                "The District's main channel needs a standing administrator from the schools.", today, district, now.minus(Duration.ofDays(200)));
        grant(comm, thomas, helen, "Communications liaison for the elementary schools.", today.minusDays(200), today.plusDays(25), null,
                today, district, now.minus(Duration.ofDays(200)));

        // fails every check: nobody confirmed anything, no administrator, no operator
        account("X", "@rms_music", "https://x.com/rms_music", "RMS", "Concert dates for Roosevelt Middle School music.",
                "rms-music@district.example.org", false, district, now, null);

        DistrictAccount suspended = account("TikTok", "@wes_reads", "https://www.tiktok.com/@wes_reads", "WES",
                "Reading challenge videos.", "jcarter@district.example.org", false, district, now, null);
        suspended.changeStatus(AccountStatus.SUSPENDED);
        DistrictAccount archived = account("Blog", "Lincoln Library Blog", "https://lincolnlibrary.district.example.org", "LHS",
                "The library's book reviews (moved to the District site).", "library@district.example.org", true, district, now, null);
        archived.changeStatus(AccountStatus.ARCHIVED);
        em.flush();
        // another server sharing the database may have kept the empty directory
        directoryVersions.changed();
    }

    private DistrictAccount account(String platform, String handle, String url, String unit, String purpose, String email,
                                    boolean archiveCovered, DistrictSettings district, Instant now, Long source) {
        Platform p = em.createNamedQuery(Platform.BY_NAME, Platform.class).setParameter("name", platform.toLowerCase(Locale.ROOT))
                .getSingleResult();
        OrgUnit u = em.createNamedQuery(OrgUnit.BY_CODE, OrgUnit.class).setParameter("code", unit).getSingleResult();
        DistrictAccount account = new DistrictAccount(new DistrictAccount.Details(p, null, handle, url, u, purpose, email, archiveCovered),
                district, "superintendent", now, source);
        em.persist(account);
        return account;
    }

    private void grant(DistrictAccount account, StaffUser holder, Granter granter, String reason, LocalDate startsOn,
                       LocalDate endsOn, String openEnded, LocalDate today, DistrictSettings district, Instant createdAt) {
        // rights cannot start in the past: demo grants made "earlier" start today, their creation time says when
        AccountGrant grant = account.grant(holder, granter, reason, startsOn.isBefore(today) ? today : startsOn, endsOn, openEnded,
                today, district.rights().schoolYearEndOnOrAfter(today), createdAt);
        grant.scheduleCheck(grant.nextCheck(district.timeZone(), district.rights().noticeDaysBefore(), false));
        em.persist(grant);
    }

    private StaffUser user(String username) {
        return em.createNamedQuery(StaffUser.BY_USERNAME, StaffUser.class).setParameter("username", username).getSingleResult();
    }
}
