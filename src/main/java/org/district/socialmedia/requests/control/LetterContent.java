package org.district.socialmedia.requests.control;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;

/**
 * Everything the Superintendent's written response (policy steps 3-5) prints, already resolved to display
 * text, so the renderer needs no database, bundle or clock.
 *
 * <p>Optional fields ({@code employeeEmail}, {@code employeeUnit}, {@code submittedAt}, {@code decisionNote},
 * {@code policyVersion}) may be null or blank; the letter then leaves them out.
 */
public record LetterContent(
        String districtName,
        String letterReference,
        ZonedDateTime decidedAt,
        String employeeName,
        String employeeEmail,
        String employeeUnit,
        ZonedDateTime submittedAt,
        String overallOutcomeLabel,
        List<LetterLine> lines,
        String deciderName,
        String deciderRoleTitle,
        String decisionNote,
        String policyVersion) {

    public LetterContent {
        requireText(districtName, "districtName");
        requireText(letterReference, "letterReference");
        if (decidedAt == null) {
            throw new IllegalArgumentException("decidedAt is required: the letter is dated by the decision");
        }
        requireText(employeeName, "employeeName");
        requireText(overallOutcomeLabel, "overallOutcomeLabel");
        // A response that answers no platform would authorize or reject nothing (policy step 3).
        if (lines == null || lines.isEmpty()) {
            throw new IllegalArgumentException("lines must contain at least one requested platform");
        }
        // List.contains(null) throws on immutable lists, hence the stream.
        if (lines.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("lines must not contain null entries");
        }
        requireText(deciderName, "deciderName");
        requireText(deciderRoleTitle, "deciderRoleTitle");
        lines = List.copyOf(lines);
    }

    /**
     * One requested platform/account and what the response says about it. {@code limits} and
     * {@code explanation} are optional, but policy step 4 expects an explanation for any denial or modification;
     * enforcing that is the caller's business, the letter prints whatever it is given.
     */
    public record LetterLine(
            int number,
            String platform,
            String account,
            String objectives,
            String outcomeLabel,
            String limits,
            String explanation) {

        public LetterLine {
            if (number < 1) {
                throw new IllegalArgumentException("number must be 1 or more, was " + number);
            }
            requireText(platform, "platform");
            requireText(outcomeLabel, "outcomeLabel");
        }
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
