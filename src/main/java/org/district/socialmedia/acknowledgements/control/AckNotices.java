package org.district.socialmedia.acknowledgements.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.district.socialmedia.acknowledgements.entity.AckPlan;
import org.district.socialmedia.acknowledgements.entity.Obligation;
import org.district.socialmedia.notifications.control.MailTemplates;
import org.district.socialmedia.notifications.control.OutboxWriter;
import org.district.socialmedia.people.entity.StaffUser;
import org.district.socialmedia.platform.entity.Role;
import org.district.socialmedia.policy.entity.PolicyVersion;
import org.district.socialmedia.settings.boundary.DistrictSettingsService;
import org.district.socialmedia.settings.entity.DistrictSettings;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The acknowledgement emails, written to the outbox in the stage's transaction. */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class AckNotices {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy");

    @PersistenceContext
    EntityManager em;
    @Inject
    DistrictSettingsService settings;
    @Inject
    OutboxWriter outbox;

    /**
     * Who is told that a staff member's acknowledgement is overdue: the site administrators of their school or
     * department (the unit's contact), else their supervisor.
     */
    public Set<StaffUser> contactsOf(StaffUser staff) {
        Set<StaffUser> contacts = new LinkedHashSet<>();
        if (staff.getUnit() != null) {
            contacts.addAll(em.createQuery("SELECT s FROM StaffUser s JOIN s.roles r WHERE r = :role AND s.active = TRUE"
                            + " AND s.unit = :unit AND s.id <> :me ORDER BY s.username", StaffUser.class)
                    .setParameter("role", Role.SITE_ADMIN).setParameter("unit", staff.getUnit()).setParameter("me", staff.getId())
                    .getResultList());
        }
        if (contacts.isEmpty() && staff.getSupervisor() != null && staff.getSupervisor().isActive()) {
            contacts.add(staff.getSupervisor());
        }
        return contacts;
    }

    public void send(AckPlan.Stage stage, StaffUser staff, Set<StaffUser> contacts, PolicyVersion version, Obligation o, String token) {
        DistrictSettings district = settings.current();
        String due = o.getDueAt().atZone(district.timeZone()).format(DAY);
        String what = version.getDocument().title() + " (" + version.getLabel() + ")";
        String key = "ack-" + stage.key() + "." + o.getCampaignId() + "." + o.getStaffId();
        if (stage.kind() == AckPlan.Kind.OVERDUE) {
            outbox.enqueue("ACK_OVERDUE", null, key, contacts.stream().map(StaffUser::getEmail).collect(Collectors.toCollection(LinkedHashSet::new)),
                    new MailTemplates.Parts(district.districtName(), "policy acknowledgement overdue: " + staff.getFullName(),
                            "A staff member of your school or department has not acknowledged the policy.",
                            List.of(staff.getFullName() + " (" + staff.getUsername() + ") was to acknowledge " + what + " by " + due + ".",
                                    "Please remind them: they acknowledge from the banner on any page of the staff portal."),
                            "See the acknowledgement coverage", district.publicBaseUrl() + "/acknowledgements/coverage.xhtml"));
            return;
        }
        boolean reminder = stage.kind() == AckPlan.Kind.REMINDER;
        outbox.enqueue(reminder ? "ACK_REMINDER" : "ACK_NOTICE", null, key, Set.of(staff.getEmail()),
                new MailTemplates.Parts(district.districtName(), (reminder ? "reminder: " : "") + "please acknowledge " + what,
                        "Every staff member acknowledges the District's social media policy.",
                        List.of("Please read " + what + " and acknowledge it by " + due + ".",
                                "It includes the rules for personal social media use, the rules of conduct, and your right to discuss "
                                        + "wages, hours and working conditions with colleagues.",
                                "The link below is personal and works once, until " + due + "; you sign in as usual."),
                        "Read and acknowledge", district.publicBaseUrl() + "/acknowledge.xhtml?token=" + token));
    }
}
