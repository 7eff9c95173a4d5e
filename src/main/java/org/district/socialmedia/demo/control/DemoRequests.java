package org.district.socialmedia.demo.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.district.socialmedia.people.entity.StaffUser;
import org.district.socialmedia.policy.boundary.PolicyText;
import org.district.socialmedia.requests.control.LetterWriter;
import org.district.socialmedia.requests.control.RequestAgeTally;
import org.district.socialmedia.requests.control.RequestDeadlineTally;
import org.district.socialmedia.requests.control.RequestStatusTally;
import org.district.socialmedia.requests.control.ReviewerAuthority;
import org.district.socialmedia.requests.entity.Audience;
import org.district.socialmedia.requests.entity.Authorization;
import org.district.socialmedia.requests.entity.Decider;
import org.district.socialmedia.requests.entity.Designation;
import org.district.socialmedia.requests.entity.LineDecision;
import org.district.socialmedia.requests.entity.LineDraft;
import org.district.socialmedia.requests.entity.LineOutcome;
import org.district.socialmedia.requests.entity.Platform;
import org.district.socialmedia.requests.entity.SocialMediaRequest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Demo requests in every state for the default dev run (called by DemoData, only when the database
 * holds no request yet): a draft, requests due in days and within a day, one past its deadline,
 * one waiting for the employee, decided ones with their letters, a withdrawn one; and the
 * designee's designation for the school year.
 */
@Stateless
public class DemoRequests {

    @PersistenceContext
    EntityManager em;
    @Inject
    RequestStatusTally statuses;
    @Inject
    RequestDeadlineTally deadlines;
    @Inject
    RequestAgeTally ages;
    @Inject
    Clock clock;
    @Inject
    LetterWriter letters;

    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void seed(ZoneId zone) {
        if (em.createQuery("SELECT COUNT(r) FROM SocialMediaRequest r", Long.class).getSingleResult() > 0) {
            return;
        }
        Instant now = clock.instant();
        StaffUser superintendent = user("superintendent");
        StaffUser designee = user("designee");
        LocalDate today = now.atZone(zone).toLocalDate();
        Designation designation = new Designation(designee, superintendent, today.minusDays(30), today.plusDays(300), now);
        designation.allowGrantingRights(true);
        em.persist(designation);

        Decider helen = new Decider("superintendent", superintendent.getFullName(), ReviewerAuthority.SUPERINTENDENT_TITLE);
        Decider robert = new Decider("designee", designee.getFullName(), ReviewerAuthority.DESIGNEE_TITLE);

        // employee1: a draft, one due in five days, one due within a day
        SocialMediaRequest draft = request("employee1", now.minus(Duration.ofHours(3)),
                line("Instagram", "Share photos of science fair projects (no student faces) with parents.", Set.of(Audience.PARENTS),
                        false, "@lincoln_science", "mlopez@district.example.org"));
        em.persist(draft);
        submitted("employee1", now.minus(Duration.ofDays(2)), now.plus(Duration.ofDays(5)),
                line("YouTube", "Publish recorded chemistry lab safety lessons for my students.", Set.of(Audience.STUDENTS),
                        true, "Lincoln HS Chemistry", "mlopez@district.example.org"));
        submitted("employee1", now.minus(Duration.ofDays(6)), now.plus(Duration.ofHours(20)),
                line("Facebook", "Announce parent-teacher conference dates and booster club events.", Set.of(Audience.PARENTS, Audience.PUBLIC),
                        false, "Lincoln HS Parents", "mlopez@district.example.org"));

        // employee2: one waiting for information, one overdue
        SocialMediaRequest waiting = submitted("employee2", now.minus(Duration.ofDays(3)), now.plus(Duration.ofDays(4)),
                line("TikTok", "Short videos promoting the school's reading challenge.", Set.of(Audience.STUDENTS, Audience.PARENTS),
                        true, "@wes_reads", "jcarter@district.example.org"));
        waiting.requestInformation("Who will moderate comments, and will any student appear in the videos?", "superintendent",
                now.minus(Duration.ofDays(1)));
        SocialMediaRequest overdue = submitted("employee2", now.minus(Duration.ofDays(9)), now.minus(Duration.ofDays(2)),
                line("X", "Post weather closures and bus delays for Washington Elementary families.", Set.of(Audience.PARENTS),
                        false, "@wes_updates", "jcarter@district.example.org"));
        overdue.markOverdue(now.minus(Duration.ofDays(2)));

        // employee3: decided with modifications (with its letter), authorized then revoked, withdrawn
        SocialMediaRequest amended = submitted("employee3", now.minus(Duration.ofDays(12)), now.minus(Duration.ofDays(5)),
                line("Instagram", "Team results, practice schedules and game-day photos for Lincoln athletics.",
                        Set.of(Audience.STUDENTS, Audience.PARENTS, Audience.PUBLIC), true, "@lincoln_hs_athletics", "atanaka@district.example.org"),
                line("Text or instant messaging", "Group chat with team members about practice changes.", Set.of(Audience.STUDENTS),
                        true, "Team group chat", "atanaka@district.example.org"));
        em.flush();
        Map<Long, LineDecision> decisions = new LinkedHashMap<>();
        decisions.put(amended.getLines().get(0).getId(), new LineDecision(LineOutcome.AMEND,
                "Announcements and results only; no student photographs without the parents' written consent.",
                "Student photographs need parental consent under the policy's rule 7."));
        decisions.put(amended.getLines().get(1).getId(), new LineDecision(LineOutcome.REJECT, null,
                "Practice changes go through the District's messaging system, which keeps parents informed and the messages archived."));
        amended.decide(decisions, robert, now.minus(Duration.ofDays(6))).forEach(em::persist);
        em.flush();
        letters.write(amended);

        SocialMediaRequest revoked = submitted("employee3", now.minus(Duration.ofDays(40)), now.minus(Duration.ofDays(33)),
                line("Podcast", "A monthly podcast about the school library's new books.", Set.of(Audience.PUBLIC, Audience.PARENTS),
                        false, "Lincoln Library Podcast", "atanaka@district.example.org"));
        em.flush();
        List<Authorization> granted = revoked.decide(Map.of(revoked.getLines().get(0).getId(),
                new LineDecision(LineOutcome.AUTHORIZE, null, null)), helen, now.minus(Duration.ofDays(35)));
        granted.forEach(em::persist);
        em.flush();
        letters.write(revoked);
        granted.get(0).revoke("The library podcast moved to the District's official channel.", "superintendent", now.minus(Duration.ofDays(10)));

        SocialMediaRequest withdrawn = submitted("employee3", now.minus(Duration.ofDays(4)), now.plus(Duration.ofDays(3)),
                line("LinkedIn", "Share professional development opportunities with colleagues.", Set.of(Audience.STAFF),
                        false, "Lincoln HS Staff", "atanaka@district.example.org"));
        withdrawn.withdraw(now.minus(Duration.ofDays(1)));
        em.flush();
        // the demo's requests were made here, not through the services that move the reviewer's counts
        statuses.rebuild();
        deadlines.rebuild();
        ages.rebuild();
    }

    private SocialMediaRequest submitted(String username, Instant at, Instant deadline, LineDraft... lines) {
        SocialMediaRequest request = request(username, at.minus(Duration.ofMinutes(20)), lines);
        request.submit(at, deadline, PolicyText.VERSION);
        // the sweep looks at every demo request at start: reminders and the overdue escalation show at once
        request.fixEscalationRules("P2D,P1D", Duration.ofDays(1), at);
        em.persist(request);
        return request;
    }

    private SocialMediaRequest request(String username, Instant at, LineDraft... lines) {
        SocialMediaRequest request = new SocialMediaRequest(user(username), at);
        request.replaceLines(List.of(lines));
        return request;
    }

    private LineDraft line(String platform, String objectives, Set<Audience> audience, boolean students, String account, String email) {
        Platform p = em.createNamedQuery(Platform.BY_NAME, Platform.class).setParameter("name", platform.toLowerCase(java.util.Locale.ROOT))
                .getSingleResult();
        return new LineDraft(p, null, objectives, audience, students, null, account, email);
    }

    private StaffUser user(String username) {
        return em.createNamedQuery(StaffUser.BY_USERNAME, StaffUser.class).setParameter("username", username).getSingleResult();
    }
}
