package org.district.socialmedia.requests.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.district.socialmedia.notifications.control.MailTemplates;
import org.district.socialmedia.notifications.control.OutboxWriter;
import org.district.socialmedia.people.entity.StaffUser;
import org.district.socialmedia.requests.entity.Authorization;
import org.district.socialmedia.requests.entity.RequestEvent;
import org.district.socialmedia.requests.entity.SocialMediaRequest;
import org.district.socialmedia.settings.boundary.DistrictSettingsService;
import org.district.socialmedia.settings.entity.DistrictSettings;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns request events into outbox rows, in the transaction of the change: the employee's receipt,
 * the reviewers' notice of a new request or an answer, the question to the employee, the decision
 * with a link to the letter, a revocation. Reviewers are the Superintendent and the designees in
 * force, never the requester.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class RequestNotifier {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.US);
    private static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, h:mm a z", Locale.US);

    @PersistenceContext
    EntityManager em;
    @Inject
    DistrictSettingsService settings;
    @Inject
    ReviewerDirectory directory;
    @Inject
    OutboxWriter outbox;

    /**
     * The letter at its portal address (requests boundary, LetterDownload): through the portal's sign-in,
     * not the API's HTTP Basic, which a fresh browser answers with its own password box.
     */
    static final String LETTER = "/requests/letter?id=";

    public void on(@Observes RequestEvent event) {
        SocialMediaRequest request = em.find(SocialMediaRequest.class, event.requestId());
        if (request == null) {
            return;
        }
        DistrictSettings district = settings.current();
        StaffUser employee = request.getRequester();
        String link = district.publicBaseUrl() + "/requests/view.xhtml?id=" + request.getId();
        String deadline = request.getDeadline() == null ? null : request.getDeadline().atZone(district.timeZone()).format(DEADLINE);
        String platforms = String.join(", ", request.getLines().stream().map(l -> l.platformLabel()).toList());
        switch (event.type()) {
            case SUBMITTED -> {
                enqueue(event, Set.of(employee.getEmail()), new MailTemplates.Parts(district.districtName(),
                        "your request " + request.getId() + " was received", "Dear " + employee.getFullName() + ",",
                        List.of("Your request for District-related social media use (" + platforms + ") was submitted. "
                                        + "The Superintendent will answer in writing by " + deadline + ".",
                                "Do not use these platforms for District activities until you are authorized."),
                        "See your request", link));
                enqueue(event, reviewers(request), new MailTemplates.Parts(district.districtName(),
                        "new request " + request.getId() + " from " + employee.getFullName() + ", due " + deadline,
                        "A new request for District-related social media use needs a written answer.",
                        List.of(employee.getFullName() + " asks to use: " + platforms + ".", "The answer is due by " + deadline + "."),
                        "Answer the request", district.publicBaseUrl() + "/review/decide.xhtml?id=" + request.getId()));
            }
            case INFO_REQUESTED -> enqueue(event, Set.of(employee.getEmail()), new MailTemplates.Parts(district.districtName(),
                    "more information needed for your request " + request.getId(), "Dear " + employee.getFullName() + ",",
                    List.of("The reviewer asks: " + request.currentCycle().getQuestion(),
                            "The review clock is stopped until you answer; your answer starts a new, full review period."),
                    "Answer the reviewer", district.publicBaseUrl() + "/requests/edit.xhtml?id=" + request.getId()));
            case INFO_ANSWERED -> enqueue(event, reviewers(request), new MailTemplates.Parts(district.districtName(),
                    "answer received on request " + request.getId() + ", due " + deadline,
                    employee.getFullName() + " answered your question.",
                    List.of("A new review period started; the answer is due by " + deadline + "."),
                    "Answer the request", district.publicBaseUrl() + "/review/decide.xhtml?id=" + request.getId()));
            case DECIDED -> enqueue(event, Set.of(employee.getEmail()), new MailTemplates.Parts(district.districtName(),
                    "written response to your request " + request.getId() + ": " + request.getOutcome().label(),
                    "Dear " + employee.getFullName() + ",",
                    List.of(request.getDecidedByName() + " (" + request.getDecidedByRole() + ") answered your request: "
                                    + request.getOutcome().label() + ".",
                            "Your use of District-related social media is limited to what was authorized. The letter: "
                                    + district.publicBaseUrl() + LETTER + request.getId()),
                    "See the response", link));
            case WITHDRAWN -> enqueue(event, reviewers(request), new MailTemplates.Parts(district.districtName(),
                    "request " + request.getId() + " was withdrawn", employee.getFullName() + " withdrew a request.",
                    List.of("No answer is needed any more for: " + platforms + "."), "See the request", link));
            case REMINDER -> enqueue(event, reviewers(request), new MailTemplates.Parts(district.districtName(),
                    "reminder: request " + request.getId() + " is due " + deadline,
                    "A request for District-related social media use still needs a written answer.",
                    lateNote(event, List.of(employee.getFullName() + " asked to use: " + platforms + ".",
                            "The answer is due by " + deadline + ". A request is never approved by default.")),
                    "Answer the request", district.publicBaseUrl() + "/review/decide.xhtml?id=" + request.getId()));
            case OVERDUE, OVERDUE_REPEAT -> {
                Set<StaffUser> targets = directory.escalationTargets(request);
                enqueue(event, emails(targets), new MailTemplates.Parts(district.districtName(),
                        "OVERDUE: request " + request.getId() + " from " + employee.getFullName() + " is past its deadline",
                        "A request passed its deadline without a written answer.",
                        lateNote(event, List.of(employee.getFullName() + " asked to use: " + platforms + ".",
                                "The deadline was " + request.getCycles().get(request.getCycles().size() - 1).getDeadline()
                                        .atZone(district.timeZone()).format(DEADLINE) + ". It is not approved by default: please answer it.")),
                        "Answer the request", district.publicBaseUrl() + "/review/decide.xhtml?id=" + request.getId()));
                if (event.type() == RequestEvent.Type.OVERDUE) {
                    String who = String.join(", ", targets.stream().map(StaffUser::getFullName).toList());
                    enqueue(event, Set.of(employee.getEmail()), new MailTemplates.Parts(district.districtName(),
                            "the answer to your request " + request.getId() + " is late", "Dear " + employee.getFullName() + ",",
                            List.of("The written answer to your request was due and has not been given yet. It is not approved by default.",
                                    "It has been escalated to " + (who.isEmpty() ? "the Superintendent" : who) + "."),
                            "See your request", link));
                }
            }
            case AUTHORIZATION_REVOKED -> {
                Authorization authorization = em.find(Authorization.class, event.authorizationId());
                enqueue(event, Set.of(employee.getEmail()), new MailTemplates.Parts(district.districtName(),
                        "an authorization was revoked", "Dear " + employee.getFullName() + ",",
                        List.of("Your authorization for " + authorization.getPlatformLabel() + " (" + authorization.getAccountLabel()
                                        + ") was revoked by the Superintendent.",
                                "Reason: " + authorization.getRevocationReason(),
                                "Stop using it for District activities now."),
                        "See your authorizations", district.publicBaseUrl() + "/requests/authorizations.xhtml"));
            }
            case AUTHORIZATION_TERM_REMINDER -> {
                Authorization authorization = em.find(Authorization.class, event.authorizationId());
                enqueue(event, Set.of(employee.getEmail()), new MailTemplates.Parts(district.districtName(),
                        "your authorization for " + authorization.getPlatformLabel() + " ends after " + day(authorization),
                        "Dear " + employee.getFullName() + ",",
                        List.of("Your authorization for " + authorization.getPlatformLabel() + " (" + authorization.getAccountLabel()
                                        + ") ends after " + day(authorization) + ".",
                                "To keep using it for District activities, request a renewal: the request is filled in from this"
                                        + " authorization and the Superintendent answers it within the usual review period.",
                                "Without a renewal decided by then, the authorization ends and the accounts you operate under it are flagged."),
                        "Request a renewal", district.publicBaseUrl() + "/requests/authorizations.xhtml"));
            }
            case AUTHORIZATION_EXPIRED -> {
                Authorization authorization = em.find(Authorization.class, event.authorizationId());
                enqueue(event, Set.of(employee.getEmail()), new MailTemplates.Parts(district.districtName(),
                        "your authorization for " + authorization.getPlatformLabel() + " has ended",
                        "Dear " + employee.getFullName() + ",",
                        List.of("Your authorization for " + authorization.getPlatformLabel() + " (" + authorization.getAccountLabel()
                                        + ") ended: its last day was " + day(authorization) + ".",
                                "Stop using it for District activities now. To use it again, file a new request."),
                        "See your authorizations", district.publicBaseUrl() + "/requests/authorizations.xhtml"));
            }
        }
    }

    private static String day(Authorization authorization) {
        return authorization.getEndsOn().format(DAY);
    }

    private Set<String> reviewers(SocialMediaRequest request) {
        return emails(directory.reviewersOf(request));
    }

    private static Set<String> emails(Set<StaffUser> people) {
        Set<String> emails = new LinkedHashSet<>();
        people.forEach(p -> emails.add(p.getEmail()));
        return emails;
    }

    private static List<String> lateNote(RequestEvent event, List<String> paragraphs) {
        if (event.lateNote() == null) {
            return paragraphs;
        }
        List<String> all = new java.util.ArrayList<>(paragraphs);
        all.add(event.lateNote());
        return all;
    }

    private void enqueue(RequestEvent event, Set<String> recipients, MailTemplates.Parts parts) {
        // a term's stages are per authorization: one request may have granted several
        boolean perAuthorization = event.type() == RequestEvent.Type.AUTHORIZATION_TERM_REMINDER
                || event.type() == RequestEvent.Type.AUTHORIZATION_EXPIRED;
        outbox.enqueue(event.type().name(), event.requestId(), event.type().name() + "." + event.requestId()
                + (event.stage() == null ? "" : "." + event.stage())
                + (perAuthorization ? ".authorization" + event.authorizationId() : ""), recipients, parts);
    }
}
