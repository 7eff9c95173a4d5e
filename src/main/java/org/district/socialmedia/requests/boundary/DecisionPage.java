package org.district.socialmedia.requests.boundary;

import jakarta.ejb.EJBAccessException;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.district.socialmedia.platform.boundary.Messages;
import org.district.socialmedia.platform.entity.ConflictException;
import org.district.socialmedia.platform.entity.InvalidInputException;
import org.district.socialmedia.platform.entity.NotFoundException;
import org.district.socialmedia.requests.entity.IllegalRequestStateException;
import org.district.socialmedia.requests.entity.LineDecision;
import org.district.socialmedia.requests.entity.LineOutcome;
import org.district.socialmedia.requests.entity.StandardReason;

import java.io.IOException;
import java.io.Serializable;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The written response to one request: a decision per line (authorize, reject, amend with limits),
 * a brief explanation for each rejection or modification (the service insists), or a question.
 */
@Named
@ViewScoped
public class DecisionPage implements Serializable {

    /** The reviewer's choice for one line. */
    public static class LineChoice implements Serializable {
        private final RequestView.Line line;
        private String outcome;
        private String limits;
        private String explanation;
        private Long reasonId;

        LineChoice(RequestView.Line line) {
            this.line = line;
        }

        public RequestView.Line getLine() { return line; }
        public String getOutcome() { return outcome; }
        public void setOutcome(String outcome) { this.outcome = outcome; }
        public String getLimits() { return limits; }
        public void setLimits(String limits) { this.limits = limits; }
        public String getExplanation() { return explanation; }
        public void setExplanation(String explanation) { this.explanation = explanation; }
        public Long getReasonId() { return reasonId; }
        public void setReasonId(Long reasonId) { this.reasonId = reasonId; }
    }

    @Inject
    ReviewService review;
    @Inject
    RequestService requests;

    private Long id;
    private RequestView request;
    private List<LineChoice> choices = new ArrayList<>();
    private List<StandardReason> reasons;
    private String note;
    private String question;
    private LocalDate endsOn;
    private LocalDate defaultEnd;

    public void load() throws IOException {
        try {
            request = requests.get(id);
        } catch (NotFoundException | IllegalArgumentException e) {
            FacesContext.getCurrentInstance().getExternalContext().responseSendError(404, "Request not found");
            FacesContext.getCurrentInstance().responseComplete();
            return;
        }
        reasons = review.standardReasons();
        choices = new ArrayList<>(request.lines().stream().map(LineChoice::new).toList());
    }

    /** Copies the chosen standard reason into the line's explanation, where the reviewer may edit it. */
    public void useReason(LineChoice choice) {
        reasons.stream().filter(r -> r.getId().equals(choice.getReasonId())).findFirst()
                .ifPresent(r -> choice.setExplanation(r.getText()));
    }

    public void decide() throws IOException {
        Map<Long, LineDecision> decisions = new LinkedHashMap<>();
        for (LineChoice c : choices) {
            // a line without a choice goes to the service too, which reports it with every other problem at once
            decisions.put(c.line.id(), new LineDecision(c.outcome == null ? null : LineOutcome.valueOf(c.outcome),
                    c.limits, c.explanation));
        }
        try {
            review.decide(id, request.version(), decisions, note, endsOn);
            done("The written response is saved and the letter is ready.");
        } catch (InvalidInputException e) {
            Messages.fieldErrors("decision", e);
        } catch (ConflictException | IllegalRequestStateException e) {
            Messages.error(e.getMessage());
        } catch (EJBAccessException e) {
            Messages.error("You cannot answer requests today: only the Superintendent or a designee with a designation in force may.");
        }
    }

    public void askForInformation() throws IOException {
        try {
            review.requestInformation(id, request.version(), question);
            done("Your question was sent to the employee. The review clock is stopped until they answer.");
        } catch (InvalidInputException e) {
            Messages.fieldErrors("ask", e);
        } catch (ConflictException | IllegalRequestStateException e) {
            Messages.error(e.getMessage());
        } catch (EJBAccessException e) {
            Messages.error("You cannot answer requests today: only the Superintendent or a designee with a designation in force may.");
        }
    }

    private void done(String notice) throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.getFlash().put("notice", notice);
        external.redirect(external.getRequestContextPath() + "/requests/view.xhtml?id=" + id);
    }

    /** "2 days 4 hours left" or "Overdue by 3 hours", as the review queue says it. */
    public String getTimeLeft() {
        if (request == null || request.deadline() == null) {
            return null;
        }
        Duration left = Duration.between(review.now(), request.deadline());
        return left.isNegative() ? "Overdue by " + ReviewQueuePage.human(left.negated()) : ReviewQueuePage.human(left) + " left";
    }

    public LineOutcome[] getOutcomes() {
        return LineOutcome.values();
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public RequestView getRequest() { return request; }
    public List<LineChoice> getChoices() { return choices; }
    public List<StandardReason> getReasons() { return reasons; }
    public String getNote() { return note; }
    public LocalDate getEndsOn() { return endsOn; }
    public void setEndsOn(LocalDate endsOn) { this.endsOn = endsOn; }

    /** The last day an authorization given today gets when the reviewer names none. */
    public LocalDate getDefaultEnd() {
        if (defaultEnd == null) {
            defaultEnd = review.defaultEnd();
        }
        return defaultEnd;
    }
    public void setNote(String note) { this.note = note; }
    public String getQuestion() { return question; }
    public void setQuestion(String question) { this.question = question; }
}
