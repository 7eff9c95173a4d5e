package org.district.socialmedia.requests.boundary;

import org.district.socialmedia.requests.entity.Audience;
import org.district.socialmedia.requests.entity.RequestLine;
import org.district.socialmedia.requests.entity.ReviewCycle;
import org.district.socialmedia.requests.entity.SocialMediaRequest;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A request as pages and the API show it: plain values, nothing lazy, serializable. The field names
 * are the API's JSON contract (id, status, deadline, lines[...]); extend, never rename.
 */
public record RequestView(Long id, String status, String statusLabel, String requester, String requesterName,
                          String requesterUnit, Instant createdAt, Instant submittedAt, Instant deadline,
                          int reviewCycle, String outcome, String outcomeLabel, String decidedBy,
                          String decidedByName, String decidedByRole, Instant decidedAt, String decisionNote,
                          Instant withdrawnAt, String acknowledgedPolicyVersion, boolean letterAvailable,
                          long version, List<Line> lines, List<Cycle> cycles) implements Serializable {

    public record Line(Long id, int position, String platform, Long platformId, String otherPlatformName,
                       String objectives, Set<Audience> audience, boolean communicatesWithStudents, Long accountId,
                       String accountName, String districtEmail, String outcome, String outcomeLabel, String limits,
                       String explanation) implements Serializable {

        /** "Parents and guardians, The public" for pages. */
        public String audienceLabels() {
            return String.join(", ", audience.stream().sorted().map(Audience::label).toList());
        }
    }

    public record Cycle(int number, Instant startedAt, Instant deadline, Instant endedAt, String endReason,
                        String question, String askedBy, String answer, Instant answeredAt) implements Serializable {
    }

    static RequestView of(SocialMediaRequest r, boolean letterAvailable) {
        return new RequestView(r.getId(), r.getStatus().name(), r.getStatus().label(),
                r.getRequester().getUsername(), r.getRequester().getFullName(),
                r.getRequester().getUnit() == null ? null : r.getRequester().getUnit().getName(),
                r.getCreatedAt(), r.getSubmittedAt(), r.getDeadline(), r.getReviewCycle(),
                r.getOutcome() == null ? null : r.getOutcome().name(),
                r.getOutcome() == null ? null : r.getOutcome().label(),
                r.getDecidedByUsername(), r.getDecidedByName(), r.getDecidedByRole(), r.getDecidedAt(),
                r.getDecisionNote(), r.getWithdrawnAt(), r.getAcknowledgedPolicyVersion(), letterAvailable,
                r.getVersion(), r.getLines().stream().map(RequestView::line).toList(),
                r.getCycles().stream().map(RequestView::cycle).toList());
    }

    private static Line line(RequestLine l) {
        return new Line(l.getId(), l.getPosition(), l.platformLabel(), l.getPlatform().getId(), l.getOtherPlatformName(),
                l.getObjectives(), l.getAudiences(), l.isCommunicatesWithStudents(), l.getExistingAccountId(),
                l.getNewAccountName(), l.getDistrictEmail(), l.getOutcome() == null ? null : l.getOutcome().name(),
                l.getOutcome() == null ? null : l.getOutcome().label(), l.getLimits(), l.getExplanation());
    }

    private static Cycle cycle(ReviewCycle c) {
        return new Cycle(c.getNumber(), c.getStartedAt(), c.getDeadline(), c.getEndedAt(),
                c.getEndReason() == null ? null : c.getEndReason().name(), c.getQuestion(), c.getAskedBy(),
                c.getAnswer(), c.getAnsweredAt());
    }

    public boolean isDraft() {
        return "DRAFT".equals(status);
    }

    public boolean isInfoRequested() {
        return "INFO_REQUESTED".equals(status);
    }

    public boolean isWithdrawable() {
        return List.of("DRAFT", "SUBMITTED", "INFO_REQUESTED", "OVERDUE").contains(status);
    }

    public boolean isDecidable() {
        return "SUBMITTED".equals(status) || "OVERDUE".equals(status);
    }

    /** The open information request's question, if any. */
    public String openQuestion() {
        if (!isInfoRequested() || cycles.isEmpty()) {
            return null;
        }
        return cycles.get(cycles.size() - 1).question();
    }
}
