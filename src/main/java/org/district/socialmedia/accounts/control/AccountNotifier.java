package org.district.socialmedia.accounts.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.district.socialmedia.accounts.entity.AccessReview;
import org.district.socialmedia.accounts.entity.AccountEvent;
import org.district.socialmedia.accounts.entity.AccountGrant;
import org.district.socialmedia.accounts.entity.DistrictAccount;
import org.district.socialmedia.accounts.entity.GrantStatus;
import org.district.socialmedia.notifications.control.MailTemplates;
import org.district.socialmedia.notifications.control.OutboxWriter;
import org.district.socialmedia.people.entity.StaffUser;
import org.district.socialmedia.platform.entity.Role;
import org.district.socialmedia.requests.entity.Designation;
import org.district.socialmedia.settings.boundary.DistrictSettingsService;
import org.district.socialmedia.settings.entity.DistrictSettings;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns account-rights events into outbox rows, in the transaction of the change: the holder hears
 * of rights granted, revoked, ending soon, ended or lapsed; the Superintendent of rights ending, of
 * accounts left short of administrators, and of access reviews (with the designees who may grant).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class AccountNotifier {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.US);

    @PersistenceContext
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    DistrictSettingsService settings;
    @Inject
    OutboxWriter outbox;

    public void on(@Observes AccountEvent event) {
        DistrictSettings district = settings.current();
        String base = district.publicBaseUrl();
        if (event.reviewId() != null) {
            review(event, district, base);
            return;
        }
        DistrictAccount account = em.find(DistrictAccount.class, event.accountId());
        if (account == null) {
            return;
        }
        String name = account.platformLabel() + " " + account.getHandle() + " (" + account.getUnit().getName() + ")";
        String link = base + "/accounts/view.xhtml?id=" + account.getId();
        String about = "account-" + event.type().name() + "." + (event.grantId() != null ? event.grantId() : account.getId());
        if (event.type() == AccountEvent.Type.ADMINS_NEEDED) {
            send(event, about, emails(granters(district)), new MailTemplates.Parts(district.districtName(),
                    "account " + account.getHandle() + " needs District administrators",
                    "A District account has fewer than two District administrators.",
                    List.of(name + " has " + account.getActiveAdmins() + " District administrator(s) left: "
                                    + event.detail() + ".",
                            "Please grant administrative rights to another District administrator or supervisor."),
                    "Grant rights on the account", link));
            return;
        }
        if (event.type() == AccountEvent.Type.CHECKLIST_REMINDER || event.type() == AccountEvent.Type.CHECKLIST_OVERDUE) {
            checklist(event, account, name, link, district);
            return;
        }
        AccountGrant grant = em.find(AccountGrant.class, event.grantId());
        if (grant == null) {
            return;
        }
        StaffUser holder = grant.getHolder();
        String period = "from " + day(grant.getStartsOn()) + (grant.getEndsOn() == null ? " with no end date"
                : " through " + day(grant.getEndsOn()));
        Set<String> holderOnly = holder.isActive() ? Set.of(holder.getEmail()) : Set.of();
        switch (event.type()) {
            case GRANTED -> send(event, about, holderOnly, new MailTemplates.Parts(district.districtName(),
                    "administrative rights on " + account.getHandle(), "Dear " + holder.getFullName() + ",",
                    List.of(grant.getGrantedByName() + " (" + grant.getGrantedAs() + ") gave you administrative rights on " + name
                                    + ", " + period + ".",
                            "Reason: " + grant.getReason(),
                            "Keep the account's name identifying the District, its privacy settings protecting student and "
                                    + "employee records, and use only your District email address on it."),
                    "See the account", link));
            case REVOKED -> send(event, about, holderOnly, new MailTemplates.Parts(district.districtName(),
                    "administrative rights on " + account.getHandle() + " revoked", "Dear " + holder.getFullName() + ",",
                    List.of("Your administrative rights on " + name + " were revoked.", "Reason: " + grant.getEndReason(),
                            "Please hand over any access you still have to the account's other administrators."),
                    "See your accounts", base + "/accounts/index.xhtml"));
            case EXPIRY_NOTICE -> {
                Set<String> to = new LinkedHashSet<>(holderOnly);
                to.addAll(emails(superintendents()));
                send(event, about, to, new MailTemplates.Parts(district.districtName(),
                        "administrative rights on " + account.getHandle() + " end after " + day(grant.getEndsOn()),
                        "Administrative rights on a District account end soon.",
                        List.of(holder.getFullName() + "'s administrative rights on " + name + " end after "
                                        + day(grant.getEndsOn()) + ".",
                                "If they should continue, the Superintendent grants them again before then; otherwise they end "
                                        + "without anyone acting."),
                        "See the account", link));
            }
            case EXPIRED -> {
                Set<String> to = new LinkedHashSet<>(holderOnly);
                to.addAll(emails(superintendents()));
                send(event, about, to, new MailTemplates.Parts(district.districtName(),
                        "administrative rights on " + account.getHandle() + " have ended",
                        "Administrative rights on a District account ended today.",
                        List.of(holder.getFullName() + "'s administrative rights on " + name + " ended after their last day, "
                                        + day(grant.getEndsOn()) + ".",
                                "The account now has " + account.getActiveAdmins() + " District administrator(s)."),
                        "See the account", link));
            }
            case LAPSED -> send(event, about, holderOnly, new MailTemplates.Parts(district.districtName(),
                    "administrative rights on " + account.getHandle() + " lapsed", "Dear " + holder.getFullName() + ",",
                    List.of("Your administrative rights on " + name + " were not confirmed in the access review and have ended.",
                            "Ask the Superintendent if you still need them."),
                    "See your accounts", base + "/accounts/index.xhtml"));
            default -> {
                // OFFBOARDED: the holder has left; the Superintendent hears about accounts short of administrators instead
            }
        }
    }

    private void review(AccountEvent event, DistrictSettings district, String base) {
        AccessReview review = em.find(AccessReview.class, event.reviewId());
        if (review == null) {
            return;
        }
        String link = base + "/accounts/review.xhtml";
        String about = "review-" + event.type().name() + "." + review.getId() + (event.detail() == null ? "" : "." + event.detail());
        Set<String> to = emails(granters(district));
        switch (event.type()) {
            case REVIEW_OPENED -> send(event, about, to, new MailTemplates.Parts(district.districtName(),
                    "access review of administrative rights: due " + day(review.getDeadline()),
                    "This term's access review of administrative rights on District accounts has opened.",
                    List.of(event.detail() + " rights are in force. Confirm or revoke each of them by " + day(review.getDeadline()) + ".",
                            review.isLapseUnreviewed() ? "Rights not confirmed by then end." : "Rights not confirmed by then are flagged."),
                    "Review the rights", link));
            case REVIEW_REMINDER -> send(event, about, to, new MailTemplates.Parts(district.districtName(),
                    "reminder: access review due " + day(review.getDeadline()),
                    "The access review of administrative rights is due soon.",
                    List.of(unconfirmed(review) + " rights in force are not confirmed yet; the deadline is " + day(review.getDeadline()) + ".",
                            review.isLapseUnreviewed() ? "Rights not confirmed by then end." : "Rights not confirmed by then are flagged."),
                    "Review the rights", link));
            case REVIEW_CLOSED -> send(event, about, to, new MailTemplates.Parts(district.districtName(),
                    "access review closed: " + review.getGrantsFlagged() + " rights not confirmed",
                    "The access review of administrative rights has closed.",
                    List.of(review.getGrantsFlagged() + " rights were not confirmed by " + day(review.getDeadline())
                            + (review.isLapseUnreviewed() ? " and have ended (" + review.getGrantsLapsed() + ")." : " and are flagged in the console.")),
                    "See the flagged rights", base + "/accounts/grants.xhtml?notReviewed=true"));
            default -> {
            }
        }
    }

    /** The account's operators and District administrators hear of its yearly checklist; the key names the stage and due date. */
    private void checklist(AccountEvent event, DistrictAccount account, String name, String link, DistrictSettings district) {
        String due = day(account.getAttestationDueOn());
        boolean overdue = event.type() == AccountEvent.Type.CHECKLIST_OVERDUE;
        send(event, "account-" + event.type().name() + "." + account.getId() + "." + event.detail().replace(' ', '-'),
                ChecklistPeople.of(em, account.getId()), new MailTemplates.Parts(district.districtName(),
                        overdue ? "the yearly checklist of " + account.getHandle() + " is overdue"
                                : "the yearly checklist of " + account.getHandle() + " is due " + due,
                        overdue ? "A District account's yearly checklist was not signed off by its due date."
                                : "A District account's yearly checklist is due soon.",
                        List.of("The yearly checklist of " + name + (overdue ? " was due " : " is due ") + due + ".",
                                "One of its District administrators confirms on the account's page that its name identifies the District,"
                                        + " that its privacy settings match the platform's checklist, that it has at least two District"
                                        + " administrators and that its recovery email and phone are District ones, with a screenshot.",
                                overdue ? "Until then the account is flagged on the compliance page." : "After the due date the account is flagged."),
                        "Open the account's checklist", link + "#checklistHeading"));
    }

    private long unconfirmed(AccessReview review) {
        return em.createQuery("SELECT COUNT(g.id) FROM AccountGrant g WHERE g.status = :active AND g.lastReviewedAt < :opened", Long.class)
                .setParameter("active", GrantStatus.ACTIVE)
                .setParameter("opened", review.getOpenedAt()).getSingleResult();
    }

    private List<StaffUser> superintendents() {
        return em.createQuery("SELECT s FROM StaffUser s JOIN s.roles r WHERE r = :role AND s.active = TRUE ORDER BY s.id", StaffUser.class)
                .setParameter("role", Role.SUPERINTENDENT).getResultList();
    }

    /** The Superintendent and the designees in force who were given the power to grant rights. */
    private List<StaffUser> granters(DistrictSettings district) {
        Set<StaffUser> people = new LinkedHashSet<>(superintendents());
        LocalDate today = clock.instant().atZone(district.timeZone()).toLocalDate();
        em.createQuery("SELECT d FROM Designation d WHERE d.revokedAt IS NULL AND d.mayGrantRights = TRUE AND d.startsOn <= :day"
                        + " AND d.endsOn >= :day", Designation.class).setParameter("day", today).getResultStream()
                .map(Designation::getDesignee).filter(StaffUser::isActive).forEach(people::add);
        return List.copyOf(people);
    }

    private static Set<String> emails(List<StaffUser> people) {
        Set<String> emails = new LinkedHashSet<>();
        people.forEach(p -> emails.add(p.getEmail()));
        return emails;
    }

    private static String day(LocalDate day) {
        return day == null ? "no end date" : day.format(DAY);
    }

    private void send(AccountEvent event, String about, Set<String> to, MailTemplates.Parts parts) {
        outbox.enqueue("ACCOUNT_" + event.type().name(), null, about, to, parts);
    }
}
