package org.district.socialmedia.consent.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.district.socialmedia.accounts.entity.DistrictAccount;
import org.district.socialmedia.consent.entity.ConsentEvent;
import org.district.socialmedia.consent.entity.ConsentItem;
import org.district.socialmedia.consent.entity.TakedownTask;
import org.district.socialmedia.notifications.control.MailTemplates;
import org.district.socialmedia.notifications.control.OutboxWriter;
import org.district.socialmedia.people.entity.StaffUser;
import org.district.socialmedia.platform.control.Labels;
import org.district.socialmedia.settings.boundary.DistrictSettingsService;
import org.district.socialmedia.settings.entity.DistrictSettings;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Tells the operators of an account that posts about a student must come down after the parent
 * revoked consent, and reminds them until they mark it done. Only what they need: the student
 * (whom they posted about), the account and what may no longer be shown.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class ConsentNotifier {

    @PersistenceContext
    EntityManager em;
    @Inject
    DistrictSettingsService settings;
    @Inject
    OutboxWriter outbox;

    public void on(@Observes ConsentEvent event) {
        TakedownTask task = em.find(TakedownTask.class, event.taskId());
        if (task == null) {
            return;
        }
        DistrictSettings district = settings.current();
        DistrictAccount account = em.find(DistrictAccount.class, task.getAccountId());
        String accountName = account == null ? "account " + task.getAccountId() : account.platformLabel() + " " + account.getHandle();
        Set<String> to = new LinkedHashSet<>();
        if (!task.getAssignees().isEmpty()) {
            em.createQuery("SELECT s FROM StaffUser s WHERE s.username IN :names AND s.active = TRUE", StaffUser.class)
                    .setParameter("names", task.getAssignees()).getResultStream().map(StaffUser::getEmail).forEach(to::add);
        }
        String items = task.getRevocation().items().stream().map(i -> label(i)).collect(Collectors.joining(", "));
        boolean reminder = event.type() == ConsentEvent.Type.TAKEDOWN_REMINDER;
        outbox.enqueue("CONSENT_" + event.type().name(), null, "takedown-" + (reminder ? "reminder-" + task.getRemindersSent() : "created")
                + "." + task.getId(), to, new MailTemplates.Parts(district.districtName(),
                (reminder ? "reminder: " : "") + "take down posts on " + accountName + " (consent revoked)",
                "A parent revoked their written authorization.",
                List.of("Posts on " + accountName + " about " + task.getStudent().displayName() + " (student "
                                + task.getStudent().getDistrictId() + ") may no longer show: " + items + ".",
                        "Please remove or edit them now, then mark the takedown done. Until then you are reminded.",
                        "Board policy: employees never post personally identifiable student information, including "
                                + "photographs, without the parents' written authorization."),
                "Mark the takedown done", district.publicBaseUrl() + "/consent/takedowns.xhtml"));
    }

    /** The item as the form's box names it ("photographs", "first name only"), inside a sentence. */
    static String label(ConsentItem item) {
        return Labels.of(item).toLowerCase(Labels.LOCALE);
    }
}
