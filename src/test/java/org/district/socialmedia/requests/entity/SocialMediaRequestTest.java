package org.district.socialmedia.requests.entity;

import static org.district.socialmedia.requests.entity.RequestFixtures.ANSWERED_AT;
import static org.district.socialmedia.requests.entity.RequestFixtures.ASKED_AT;
import static org.district.socialmedia.requests.entity.RequestFixtures.CREATED;
import static org.district.socialmedia.requests.entity.RequestFixtures.DEADLINE_1;
import static org.district.socialmedia.requests.entity.RequestFixtures.DEADLINE_2;
import static org.district.socialmedia.requests.entity.RequestFixtures.DECIDED_AT;
import static org.district.socialmedia.requests.entity.RequestFixtures.FACEBOOK;
import static org.district.socialmedia.requests.entity.RequestFixtures.OTHER;
import static org.district.socialmedia.requests.entity.RequestFixtures.POLICY_VERSION;
import static org.district.socialmedia.requests.entity.RequestFixtures.SETTINGS;
import static org.district.socialmedia.requests.entity.RequestFixtures.SUBMITTED_AT;
import static org.district.socialmedia.requests.entity.RequestFixtures.SUPERINTENDENT;
import static org.district.socialmedia.requests.entity.RequestFixtures.YOUTUBE;
import static org.district.socialmedia.requests.entity.RequestFixtures.decisions;
import static org.district.socialmedia.requests.entity.RequestFixtures.draft;
import static org.district.socialmedia.requests.entity.RequestFixtures.repeat;
import static org.district.socialmedia.requests.entity.RequestFixtures.submitted;
import static org.district.socialmedia.requests.entity.RequestFixtures.withId;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.district.socialmedia.people.entity.StaffUser;
import org.district.socialmedia.platform.entity.InvalidInputException;
import org.district.socialmedia.settings.entity.DistrictSettings;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SocialMediaRequestTest {

    private static final LineDecision AUTHORIZE = new LineDecision(LineOutcome.AUTHORIZE, null, null);
    private static final LineDecision REJECT = new LineDecision(LineOutcome.REJECT, null, "Use the school's account");
    private static final LineDecision AMEND = new LineDecision(LineOutcome.AMEND, "Parents only; no student photos",
            "Student photographs need parental consent");

    @Nested
    class Draft {

        @Test
        void aNewRequestIsAnEmptyDraftWithoutClock() {
            SocialMediaRequest request = new SocialMediaRequest(RequestFixtures.teacher(), CREATED);
            assertAll(
                    () -> assertEquals(RequestStatus.DRAFT, request.getStatus()),
                    () -> assertEquals(CREATED, request.getCreatedAt()),
                    () -> assertEquals(0, request.getReviewCycle()),
                    () -> assertNull(request.getDeadline()),
                    () -> assertNull(request.currentCycle()),
                    () -> assertTrue(request.getLines().isEmpty()),
                    () -> assertNull(request.getOutcome()));
        }

        @Test
        void ownershipIgnoresCaseAndBlanks() {
            SocialMediaRequest request = draft(1);
            assertTrue(request.isOwnedBy("teacher"));
            assertTrue(request.isOwnedBy(" Teacher "));
            assertFalse(request.isOwnedBy("superintendent"));
            assertFalse(request.isOwnedBy(null));
        }

        @Test
        void replacingLinesKeepsLineIdentityByPositionAndNumbersThem() {
            SocialMediaRequest request = draft(3);
            RequestLine first = request.getLines().get(0);

            request.replaceLines(List.of(RequestFixtures.line(YOUTUBE, "Videos of concerts"),
                    RequestFixtures.line(FACEBOOK, "News")));

            assertEquals(2, request.getLines().size());
            assertSame(first, request.getLines().get(0));
            assertEquals(YOUTUBE, first.getPlatform());
            assertEquals("Videos of concerts", first.getObjectives());
            assertEquals(List.of(0, 1), request.getLines().stream().map(RequestLine::getPosition).toList());

            request.replaceLines(List.of(RequestFixtures.validLine(), RequestFixtures.validLine(), RequestFixtures.validLine()));
            assertEquals(List.of(0, 1, 2), request.getLines().stream().map(RequestLine::getPosition).toList());
            assertSame(request, request.getLines().get(2).getRequest());
        }

        @Test
        void aDraftMayBeSavedIncompleteButNotWithoutPlatform() {
            SocialMediaRequest request = new SocialMediaRequest(RequestFixtures.teacher(), CREATED);
            request.replaceLines(List.of(new LineDraft(FACEBOOK, null, "  ", null, false, null, null, null)));
            assertNull(request.getLines().get(0).getObjectives());

            InvalidInputException e = assertThrows(InvalidInputException.class, () -> request.replaceLines(
                    List.of(RequestFixtures.validLine(), new LineDraft(null, null, "x", null, false, null, null, null))));
            assertEquals(Map.of("lines[1].platform", "Choose a platform"), e.getFieldErrors());
            assertEquals(1, request.getLines().size(), "a refused replacement changes nothing");
        }

        @Test
        void aDraftMayBeEmptied() {
            SocialMediaRequest request = draft(2);
            request.replaceLines(null);
            assertTrue(request.getLines().isEmpty());
        }

        @Test
        void atMostTwentyLines() {
            SocialMediaRequest request = new SocialMediaRequest(RequestFixtures.teacher(), CREATED);
            request.replaceLines(Collections.nCopies(SocialMediaRequest.MAX_LINES, RequestFixtures.validLine()));
            assertEquals(20, request.getLines().size());

            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> request.replaceLines(Collections.nCopies(21, RequestFixtures.validLine())));
            assertEquals("A request has at most 20 platforms; file another request for more",
                    e.getFieldErrors().get("lines"));
            assertEquals(20, request.getLines().size());
        }

        @Test
        void textLongerThanItsColumnIsRefusedAlreadyInADraft() {
            SocialMediaRequest request = new SocialMediaRequest(RequestFixtures.teacher(), CREATED);
            LineDraft tooLong = new LineDraft(OTHER, repeat(61), repeat(4001), Set.of(Audience.PUBLIC), false, null,
                    repeat(201), repeat(245) + "@district.example.org");

            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> request.replaceLines(List.of(tooLong)));

            assertEquals(Map.of(
                    "lines[0].otherPlatformName", "A platform name has at most 60 characters",
                    "lines[0].objectives", "Objectives have at most 4000 characters",
                    "lines[0].account", "An account name has at most 200 characters",
                    "lines[0].districtEmail", "An email address has at most 254 characters"), e.getFieldErrors());
        }

        @Test
        void textAtItsLimitIsAccepted() {
            SocialMediaRequest request = new SocialMediaRequest(RequestFixtures.teacher(), CREATED);
            request.replaceLines(List.of(new LineDraft(OTHER, repeat(60), repeat(4000), Set.of(Audience.PUBLIC), false,
                    null, repeat(200), repeat(233) + "@district.example.org")));
            withId(request.getLines().get(0), 101L);
            assertEquals(Map.of(), request.validateForSubmission(SETTINGS));
        }

        @Test
        void aNameTypedForOtherIsDroppedForANamedPlatform() {
            SocialMediaRequest request = new SocialMediaRequest(RequestFixtures.teacher(), CREATED);
            request.replaceLines(List.of(new LineDraft(OTHER, "Mastodon", "Post news and reminders for families", Set.of(Audience.PUBLIC), false, null, "a", "a@district.example.org")));
            assertEquals("Mastodon", request.getLines().get(0).platformLabel());

            request.replaceLines(List.of(new LineDraft(FACEBOOK, "Mastodon", "Post news and reminders for families", Set.of(Audience.PUBLIC), false, null, "a", "a@district.example.org")));
            assertNull(request.getLines().get(0).getOtherPlatformName());
            assertEquals("Facebook", request.getLines().get(0).platformLabel());
        }
    }

    @Nested
    class ValidationForSubmission {

        private SocialMediaRequest requestWith(LineDraft... lines) {
            SocialMediaRequest request = new SocialMediaRequest(RequestFixtures.teacher(), CREATED);
            request.replaceLines(List.of(lines));
            return request;
        }

        @Test
        void aCompleteRequestHasNoErrors() {
            assertEquals(Map.of(), draft(3).validateForSubmission(SETTINGS));
        }

        @Test
        void atLeastOneLine() {
            SocialMediaRequest request = new SocialMediaRequest(RequestFixtures.teacher(), CREATED);
            assertEquals(Map.of("lines", "Add at least one platform, with the job-related objectives for using it"),
                    request.validateForSubmission(SETTINGS));
        }

        @Test
        void everyRequiredFieldIsReportedUnderItsKey() {
            SocialMediaRequest request = requestWith(RequestFixtures.validLine(),
                    new LineDraft(OTHER, " ", " ", Set.of(), true, null, "  ", " "));

            Map<String, String> errors = request.validateForSubmission(SETTINGS);

            assertEquals(Map.of(
                    "lines[1].otherPlatformName", "Name the platform",
                    "lines[1].objectives", "Describe the job-related objectives for using this platform",
                    "lines[1].audience", "Choose at least one audience",
                    "lines[1].account", "Choose an existing District account or name a new one",
                    "lines[1].districtEmail", "Enter the District email address to be used for this account"), errors);
        }

        @Test
        void anAccountIsEitherExistingOrNewNotBoth() {
            SocialMediaRequest both = requestWith(new LineDraft(FACEBOOK, null, "Post news and reminders for families", Set.of(Audience.STAFF), false,
                    42L, "New page", "t@district.example.org"));
            assertEquals(Map.of("lines[0].account", "Choose an existing District account or name a new one, not both"),
                    both.validateForSubmission(SETTINGS));

            SocialMediaRequest existing = requestWith(new LineDraft(FACEBOOK, null, "Post news and reminders for families", Set.of(Audience.STAFF), false,
                    42L, null, "t@district.example.org"));
            assertEquals(Map.of(), existing.validateForSubmission(SETTINGS));
            assertEquals("account #42", existing.getLines().get(0).accountLabel());
        }

        @Test
        void aRetiredPlatformCannotBeSubmitted() {
            Platform retired = withId(new Platform("Vine", false, 99), 77L);
            retired.retire();
            SocialMediaRequest request = requestWith(RequestFixtures.line(retired, "Six-second loops of school events"));
            assertEquals(Map.of("lines[0].platform", "Vine is no longer offered; choose another platform"),
                    request.validateForSubmission(SETTINGS));
        }

        @Test
        void aPersonalEmailIsRefusedQuotingThePolicy() {
            SocialMediaRequest request = requestWith(RequestFixtures.validLine(),
                    new LineDraft(YOUTUBE, null, "Concert videos", Set.of(Audience.PUBLIC), false, null, "Band",
                            " Terry.Teacher@Gmail.com "));

            String message = request.validateForSubmission(SETTINGS).get("lines[1].districtEmail");

            assertEquals(SETTINGS.personalEmailRefusal("terry.teacher@gmail.com"), message);
            assertTrue(message.contains("Personal e-mail addresses should not be used on District-related sites."));
            assertTrue(message.startsWith("'terry.teacher@gmail.com' is not a District email address"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"teacher@district.example.org", "TEACHER@District.Example.org",
                "band@hs.district.example.org"})
        void districtAddressesAndSubdomainsAreAccepted(String email) {
            SocialMediaRequest request = requestWith(new LineDraft(FACEBOOK, null, "Post news and reminders for families", Set.of(Audience.PARENTS), false,
                    null, "Page", email));
            assertEquals(Map.of(), request.validateForSubmission(SETTINGS));
        }

        @Test
        void objectivesAreASentenceNotALetter() {
            SocialMediaRequest letter = requestWith(RequestFixtures.line(FACEBOOK, "x"));
            assertTrue(letter.validateForSubmission(SETTINGS).get("lines[0].objectives").contains("at least 20 characters"));
            String shortest = "Game results for fam";
            assertEquals(SocialMediaRequest.OBJECTIVES_MIN, shortest.length());
            assertEquals(Map.of(), requestWith(RequestFixtures.line(FACEBOOK, " " + shortest + " ")).validateForSubmission(SETTINGS));
            // a draft may still hold a word or two: the minimum is the submission's rule
            assertEquals(Map.of(), SocialMediaRequest.draftErrors(List.of(RequestFixtures.line(FACEBOOK, "x"))));
        }

        @Test
        void theRulesCanBeCheckedBeforeAnyRequestHoldsTheLines() {
            List<LineDraft> lines = List.of(RequestFixtures.validLine(),
                    new LineDraft(null, null, "x", Set.of(), false, null, null, "me@gmail.com"));
            Map<String, String> errors = SocialMediaRequest.submissionErrors(lines, SETTINGS);
            assertEquals(Set.of("lines[1].platform", "lines[1].objectives", "lines[1].audience", "lines[1].account",
                    "lines[1].districtEmail"), errors.keySet(), "every problem at once");
            assertEquals(requestWith(lines.get(0)).validateForSubmission(SETTINGS),
                    SocialMediaRequest.submissionErrors(lines.subList(0, 1), SETTINGS));
        }

        @Test
        void aLookalikeDomainIsNotTheDistrict() {
            SocialMediaRequest request = requestWith(new LineDraft(FACEBOOK, null, "Post news and reminders for families", Set.of(Audience.PARENTS), false,
                    null, "Page", "teacher@notdistrict.example.org"));
            assertTrue(request.validateForSubmission(SETTINGS).containsKey("lines[0].districtEmail"));
        }

        @Test
        void submissionItselfRefusesIncompleteLines() {
            SocialMediaRequest request = requestWith(new LineDraft(FACEBOOK, null, null, Set.of(Audience.PARENTS), false,
                    null, "Page", "t@district.example.org"));
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> request.submit(SUBMITTED_AT, DEADLINE_1, POLICY_VERSION));
            assertEquals(Set.of("lines[0].objectives"), e.getFieldErrors().keySet());
            assertEquals(RequestStatus.DRAFT, request.getStatus());

            SocialMediaRequest empty = new SocialMediaRequest(RequestFixtures.teacher(), CREATED);
            assertThrows(InvalidInputException.class, () -> empty.submit(SUBMITTED_AT, DEADLINE_1, POLICY_VERSION));
        }
    }

    @Nested
    class Submission {

        @Test
        void submittingStartsTheFirstCycle() {
            SocialMediaRequest request = submitted(2);

            assertAll(
                    () -> assertEquals(RequestStatus.SUBMITTED, request.getStatus()),
                    () -> assertEquals(SUBMITTED_AT, request.getSubmittedAt()),
                    () -> assertEquals(POLICY_VERSION, request.getAcknowledgedPolicyVersion()),
                    () -> assertEquals(SUBMITTED_AT, request.getAcknowledgedAt()),
                    () -> assertEquals(1, request.getReviewCycle()),
                    () -> assertEquals(DEADLINE_1, request.getDeadline()),
                    () -> assertEquals(1, request.getCycles().size()));
            ReviewCycle cycle = request.currentCycle();
            assertEquals(1, cycle.getNumber());
            assertEquals(SUBMITTED_AT, cycle.getStartedAt());
            assertEquals(DEADLINE_1, cycle.getDeadline());
            assertTrue(cycle.isRunning());
            assertSame(request, cycle.getRequest());
        }

        @Test
        void theDeadlineMustBeAfterSubmission() {
            SocialMediaRequest request = draft(1);
            assertThrows(IllegalArgumentException.class, () -> request.submit(SUBMITTED_AT, SUBMITTED_AT, POLICY_VERSION));
            assertThrows(IllegalArgumentException.class,
                    () -> request.submit(SUBMITTED_AT, SUBMITTED_AT.minusSeconds(1), POLICY_VERSION));
            assertThrows(NullPointerException.class, () -> request.submit(SUBMITTED_AT, null, POLICY_VERSION));
            assertEquals(RequestStatus.DRAFT, request.getStatus());
        }

        @Test
        void thePolicyVersionAcknowledgedIsRequired() {
            SocialMediaRequest request = draft(1);
            assertThrows(IllegalArgumentException.class, () -> request.submit(SUBMITTED_AT, DEADLINE_1, " "));
            assertThrows(IllegalArgumentException.class, () -> request.submit(SUBMITTED_AT, DEADLINE_1, repeat(61)));
            assertEquals(RequestStatus.DRAFT, request.getStatus());
        }
    }

    @Nested
    class InformationRequests {

        @Test
        void askingStopsTheClockAndKeepsTheQuestionOnTheCycle() {
            SocialMediaRequest request = submitted(1);

            request.requestInformation("  Which grade levels will follow the page?  ", "Superintendent", ASKED_AT);

            assertEquals(RequestStatus.INFO_REQUESTED, request.getStatus());
            assertNull(request.getDeadline(), "the clock stops while information is requested");
            ReviewCycle first = request.currentCycle();
            assertEquals("Which grade levels will follow the page?", first.getQuestion());
            assertEquals("superintendent", first.getAskedBy());
            assertEquals(ASKED_AT, first.getEndedAt());
            assertEquals(CycleEnd.INFO_REQUESTED, first.getEndReason());
            assertFalse(first.isRunning());
            assertEquals(DEADLINE_1, first.getDeadline(), "the cycle keeps the deadline it had");
        }

        @Test
        void theAnswerOpensANewFullCycle() {
            SocialMediaRequest request = submitted(1);
            request.requestInformation("Which grade levels?", "superintendent", ASKED_AT);

            request.answerInformationRequest(" Grades 4 and 5 ", ANSWERED_AT, DEADLINE_2);

            assertEquals(RequestStatus.SUBMITTED, request.getStatus());
            assertEquals(2, request.getReviewCycle());
            assertEquals(DEADLINE_2, request.getDeadline());
            assertEquals(2, request.getCycles().size());
            ReviewCycle first = request.getCycles().get(0);
            assertEquals("Grades 4 and 5", first.getAnswer());
            assertEquals(ANSWERED_AT, first.getAnsweredAt());
            ReviewCycle second = request.currentCycle();
            assertEquals(2, second.getNumber());
            assertEquals(ANSWERED_AT, second.getStartedAt());
            assertEquals(DEADLINE_2, second.getDeadline());
            assertTrue(second.isRunning());
            assertNull(second.getQuestion());
            assertEquals(SUBMITTED_AT, request.getSubmittedAt(), "the first submission time is kept");
        }

        @Test
        void everyCycleIsKept() {
            SocialMediaRequest request = submitted(1);
            Instant t = SUBMITTED_AT;
            for (int i = 1; i <= 3; i++) {
                t = t.plusSeconds(3600);
                request.requestInformation("Question " + i, "superintendent", t);
                t = t.plusSeconds(3600);
                request.answerInformationRequest("Answer " + i, t, t.plusSeconds(7 * 86_400));
            }
            request.decide(RequestFixtures.authorizeAll(request), SUPERINTENDENT, t.plusSeconds(60));

            assertEquals(4, request.getReviewCycle());
            assertEquals(List.of(1, 2, 3, 4), request.getCycles().stream().map(ReviewCycle::getNumber).toList());
            assertEquals(List.of("Question 1", "Question 2", "Question 3"),
                    request.getCycles().subList(0, 3).stream().map(ReviewCycle::getQuestion).toList());
            assertEquals(List.of("Answer 1", "Answer 2", "Answer 3"),
                    request.getCycles().subList(0, 3).stream().map(ReviewCycle::getAnswer).toList());
            assertEquals(List.of(CycleEnd.INFO_REQUESTED, CycleEnd.INFO_REQUESTED, CycleEnd.INFO_REQUESTED, CycleEnd.DECIDED),
                    request.getCycles().stream().map(ReviewCycle::getEndReason).toList());
            assertTrue(request.getCycles().stream().noneMatch(ReviewCycle::isRunning));
        }

        @Test
        void anOverdueRequestMayStillAskForInformation() {
            SocialMediaRequest request = submitted(1);
            request.markOverdue(DEADLINE_1.plusSeconds(1));
            request.requestInformation("Which grade levels?", "superintendent", DEADLINE_1.plusSeconds(3600));
            assertEquals(RequestStatus.INFO_REQUESTED, request.getStatus());
            assertNull(request.getDeadline());
            request.answerInformationRequest("Grades 4 and 5", DEADLINE_1.plusSeconds(7200), DEADLINE_2.plusSeconds(86_400));
            assertEquals(RequestStatus.SUBMITTED, request.getStatus());
            assertEquals(DEADLINE_2.plusSeconds(86_400), request.getDeadline());
        }

        @Test
        void theQuestionIsRequiredAndLimited() {
            SocialMediaRequest request = submitted(1);
            InvalidInputException blank = assertThrows(InvalidInputException.class,
                    () -> request.requestInformation("  ", "superintendent", ASKED_AT));
            assertEquals(Map.of("question", "Enter the information you need from the employee"), blank.getFieldErrors());
            InvalidInputException tooLong = assertThrows(InvalidInputException.class,
                    () -> request.requestInformation(repeat(4001), "superintendent", ASKED_AT));
            assertEquals(Map.of("question", "A question has at most 4000 characters"), tooLong.getFieldErrors());
            request.requestInformation(repeat(4000), "superintendent", ASKED_AT);
            assertEquals(RequestStatus.INFO_REQUESTED, request.getStatus());
        }

        @Test
        void nobodyAsksAboutTheirOwnRequest() {
            SocialMediaRequest request = submitted(1);
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> request.requestInformation("Why?", "TEACHER", ASKED_AT));
            assertEquals(Map.of("reviewer", "Nobody may review their own request"), e.getFieldErrors());
            assertEquals(RequestStatus.SUBMITTED, request.getStatus());
        }

        @Test
        void theAnswerIsRequiredLimitedAndNeedsALaterDeadline() {
            SocialMediaRequest request = submitted(1);
            request.requestInformation("Which grade levels?", "superintendent", ASKED_AT);

            InvalidInputException blank = assertThrows(InvalidInputException.class,
                    () -> request.answerInformationRequest(" ", ANSWERED_AT, DEADLINE_2));
            assertEquals(Map.of("answer", "Enter your answer to the reviewer's question"), blank.getFieldErrors());
            InvalidInputException tooLong = assertThrows(InvalidInputException.class,
                    () -> request.answerInformationRequest(repeat(4001), ANSWERED_AT, DEADLINE_2));
            assertEquals(Map.of("answer", "An answer has at most 4000 characters"), tooLong.getFieldErrors());
            assertThrows(IllegalArgumentException.class,
                    () -> request.answerInformationRequest("Grades 4 and 5", ANSWERED_AT, ANSWERED_AT));
            assertEquals(RequestStatus.INFO_REQUESTED, request.getStatus());
            assertEquals(1, request.getCycles().size());
        }

        @Test
        void theEmployeeMayEditLinesBeforeAnsweringButNotLeaveThemIncomplete() {
            SocialMediaRequest request = submitted(1);
            request.requestInformation("Which grade levels?", "superintendent", ASKED_AT);

            request.replaceLines(List.of(RequestFixtures.line(FACEBOOK, "Grades 4 and 5 news only"),
                    RequestFixtures.line(YOUTUBE, "Concert recordings")));
            RequestFixtures.assignLineIds(request);
            assertEquals(2, request.getLines().size());

            request.replaceLines(List.of(new LineDraft(FACEBOOK, null, null, Set.of(), false, null, null, null)));
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> request.answerInformationRequest("Done", ANSWERED_AT, DEADLINE_2));
            assertTrue(e.getFieldErrors().containsKey("lines[0].objectives"));
            assertEquals(RequestStatus.INFO_REQUESTED, request.getStatus());
        }
    }

    @Nested
    class Overdue {

        @Test
        void notBeforeTheDeadline() {
            SocialMediaRequest request = submitted(1);
            IllegalRequestStateException e = assertThrows(IllegalRequestStateException.class,
                    () -> request.markOverdue(DEADLINE_1.minusNanos(1)));
            assertTrue(e.getMessage().contains("has not passed"), e.getMessage());
            assertEquals(RequestStatus.SUBMITTED, request.getStatus());
            assertNull(request.getOverdueAt());
        }

        @Test
        void exactlyAtTheDeadline() {
            SocialMediaRequest request = submitted(1);
            request.markOverdue(DEADLINE_1);
            assertEquals(RequestStatus.OVERDUE, request.getStatus());
            assertEquals(DEADLINE_1, request.getOverdueAt());
            assertEquals(DEADLINE_1, request.currentCycle().getOverdueAt());
        }

        @Test
        void overdueIsNotApprovalTheRequestStillAwaitsAResponse() {
            SocialMediaRequest request = submitted(1);
            request.markOverdue(DEADLINE_1.plusSeconds(86_400));
            assertNull(request.getOutcome());
            assertTrue(request.getStatus().isAwaitingReviewer());
            assertEquals(DEADLINE_1, request.getDeadline(), "the missed deadline still orders the queue");
            assertTrue(request.currentCycle().isRunning());

            List<Authorization> granted = request.decide(RequestFixtures.authorizeAll(request), SUPERINTENDENT,
                    DEADLINE_1.plusSeconds(2 * 86_400));
            assertEquals(RequestStatus.DECIDED, request.getStatus());
            assertEquals(1, granted.size());
        }

        @Test
        void theNewCycleAfterAnAnswerHasItsOwnDeadline() {
            SocialMediaRequest request = submitted(1);
            request.requestInformation("Which grade levels?", "superintendent", ASKED_AT);
            request.answerInformationRequest("Grades 4 and 5", ANSWERED_AT, DEADLINE_2);
            // Past the first deadline but before the second: not overdue.
            assertThrows(IllegalRequestStateException.class, () -> request.markOverdue(DEADLINE_1.plusSeconds(3600)));
            request.markOverdue(DEADLINE_2);
            assertEquals(RequestStatus.OVERDUE, request.getStatus());
            assertNull(request.getCycles().get(0).getOverdueAt());
        }
    }

    @Nested
    class Decision {

        @Test
        void authorizingEverythingGrantsEveryLine() {
            SocialMediaRequest request = submitted(2);

            List<Authorization> granted = request.decide(decisions(request, AUTHORIZE), SUPERINTENDENT, DECIDED_AT);

            assertEquals(RequestStatus.DECIDED, request.getStatus());
            assertEquals(RequestOutcome.AUTHORIZED, request.getOutcome());
            assertEquals("superintendent", request.getDecidedByUsername());
            assertEquals("Dana Reyes", request.getDecidedByName());
            assertEquals("Superintendent", request.getDecidedByRole());
            assertEquals(DECIDED_AT, request.getDecidedAt());
            assertNull(request.getDeadline());
            assertEquals(DECIDED_AT, request.currentCycle().getEndedAt());
            assertEquals(CycleEnd.DECIDED, request.currentCycle().getEndReason());
            assertEquals(2, granted.size());
            assertEquals(List.of(LineOutcome.AUTHORIZE, LineOutcome.AUTHORIZE),
                    request.getLines().stream().map(RequestLine::getOutcome).toList());
        }

        @Test
        void authorizationsForAuthorizedAndAmendedLinesOnly() {
            SocialMediaRequest request = submitted(3);

            List<Authorization> granted = request.decide(decisions(request, AUTHORIZE, REJECT, AMEND),
                    new Decider("designee", "Pat Designee", "Designee of the Superintendent"), "See limits", DECIDED_AT);

            assertEquals(RequestOutcome.AUTHORIZED_WITH_MODIFICATIONS, request.getOutcome());
            assertEquals("See limits", request.getDecisionNote());
            assertEquals("Designee of the Superintendent", request.getDecidedByRole());
            assertEquals(2, granted.size());

            Authorization plain = granted.get(0);
            assertSame(request.getLines().get(0), plain.getLine());
            assertEquals(LineOutcome.AUTHORIZE, plain.getOutcome());
            assertNull(plain.getLimits());
            assertEquals("Facebook", plain.getPlatformLabel());
            assertEquals("Room 12 news", plain.getAccountLabel());
            assertSame(request.getRequester(), plain.getEmployee());
            assertSame(request, plain.getRequest());
            assertEquals("designee", plain.getGrantedBy());
            assertEquals(DECIDED_AT, plain.getGrantedAt());
            assertEquals(AuthorizationStatus.ACTIVE, plain.getStatus());

            Authorization amended = granted.get(1);
            assertSame(request.getLines().get(2), amended.getLine());
            assertEquals(LineOutcome.AMEND, amended.getOutcome());
            assertEquals("Parents only; no student photos", amended.getLimits());

            RequestLine rejected = request.getLines().get(1);
            assertEquals(LineOutcome.REJECT, rejected.getOutcome());
            assertEquals("Use the school's account", rejected.getExplanation());
        }

        @Test
        void rejectingEverythingGrantsNothing() {
            SocialMediaRequest request = submitted(2);
            List<Authorization> granted = request.decide(decisions(request, REJECT), SUPERINTENDENT, DECIDED_AT);
            assertEquals(RequestOutcome.REJECTED, request.getOutcome());
            assertTrue(granted.isEmpty());
        }

        @Test
        void anOtherPlatformIsAuthorizedUnderItsTypedName() {
            SocialMediaRequest request = new SocialMediaRequest(RequestFixtures.teacher(), CREATED);
            request.replaceLines(List.of(new LineDraft(OTHER, "Mastodon", "Science club updates",
                    Set.of(Audience.STUDENTS), true, 42L, null, "t@district.example.org")));
            RequestFixtures.assignLineIds(request);
            request.submit(SUBMITTED_AT, DEADLINE_1, POLICY_VERSION);

            Authorization a = request.decide(decisions(request, AUTHORIZE), SUPERINTENDENT, DECIDED_AT).get(0);

            assertEquals("Mastodon", a.getPlatformLabel());
            assertEquals("account #42", a.getAccountLabel());
        }

        @Test
        void anExplanationIsASentenceNotAWord() {
            SocialMediaRequest request = submitted(2);
            Map<Long, LineDecision> decisions = decisions(request,
                    new LineDecision(LineOutcome.REJECT, null, "No."),
                    new LineDecision(LineOutcome.AMEND, "Parents only", "Fine"));
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> request.decide(decisions, SUPERINTENDENT, DECIDED_AT));
            assertEquals(Set.of("lines[0].explanation", "lines[1].explanation"), e.getFieldErrors().keySet());
            assertTrue(e.getFieldErrors().get("lines[0].explanation").contains("at least 20 characters"));
            assertNothingDecided(request);
        }

        @Test
        void everyRejectionAndModificationNeedsAnExplanationAndModificationsNeedLimits() {
            SocialMediaRequest request = submitted(4);
            Map<Long, LineDecision> decisions = decisions(request,
                    AUTHORIZE,
                    new LineDecision(LineOutcome.REJECT, null, "  "),
                    new LineDecision(LineOutcome.AMEND, null, null),
                    new LineDecision(LineOutcome.AMEND, "Parents only", null));

            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> request.decide(decisions, SUPERINTENDENT, DECIDED_AT));

            String explain = "Give a brief explanation. " + SocialMediaRequest.EXPLANATION_RULE;
            assertEquals(Map.of(
                    "lines[1].explanation", explain,
                    "lines[2].limits", "Describe the modified or limited use you authorize",
                    "lines[2].explanation", explain,
                    "lines[3].explanation", explain), e.getFieldErrors());
            assertTrue(explain.contains("brief explanation for any denial of or modification to a proposal"));
            assertNothingDecided(request);
        }

        @Test
        void everyLineNeedsADecision() {
            SocialMediaRequest request = submitted(3);
            Map<Long, LineDecision> decisions = new HashMap<>(decisions(request, AUTHORIZE));
            decisions.remove(request.getLines().get(1).getId());
            decisions.put(request.getLines().get(2).getId(), new LineDecision(null, null, null));

            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> request.decide(decisions, SUPERINTENDENT, DECIDED_AT));

            String choose = "Choose to authorize, reject, or authorize with modifications or limits";
            assertEquals(Map.of("lines[1].outcome", choose, "lines[2].outcome", choose), e.getFieldErrors());
            assertNothingDecided(request);

            InvalidInputException none = assertThrows(InvalidInputException.class,
                    () -> request.decide(null, SUPERINTENDENT, DECIDED_AT));
            assertEquals(3, none.getFieldErrors().size());
        }

        @Test
        void aDecisionForAForeignLineIsRefused() {
            SocialMediaRequest request = submitted(1);
            Map<Long, LineDecision> decisions = new HashMap<>(decisions(request, AUTHORIZE));
            decisions.put(999L, AUTHORIZE);
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> request.decide(decisions, SUPERINTENDENT, DECIDED_AT));
            assertEquals(Set.of("decisions"), e.getFieldErrors().keySet());
            assertNothingDecided(request);
        }

        @Test
        void limitsWithoutAModificationAreRefused() {
            SocialMediaRequest request = submitted(2);
            Map<Long, LineDecision> decisions = decisions(request,
                    new LineDecision(LineOutcome.AUTHORIZE, "Parents only", null),
                    new LineDecision(LineOutcome.REJECT, "Parents only", "The objectives are not job-related"));
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> request.decide(decisions, SUPERINTENDENT, DECIDED_AT));
            assertEquals(Set.of("lines[0].limits", "lines[1].limits"), e.getFieldErrors().keySet());
        }

        @Test
        void anExplanationOfAPlainAuthorizationIsOptionalAndKept() {
            SocialMediaRequest request = submitted(1);
            request.decide(decisions(request, new LineDecision(LineOutcome.AUTHORIZE, " ", " Fine ")), SUPERINTENDENT,
                    DECIDED_AT);
            assertEquals("Fine", request.getLines().get(0).getExplanation());
            assertNull(request.getLines().get(0).getLimits());
        }

        @Test
        void decisionTextIsLimited() {
            SocialMediaRequest request = submitted(2);
            Map<Long, LineDecision> decisions = decisions(request,
                    new LineDecision(LineOutcome.AMEND, repeat(2001), repeat(2001)),
                    new LineDecision(LineOutcome.AMEND, repeat(2000), repeat(2000)));
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> request.decide(decisions, SUPERINTENDENT, repeat(4001), DECIDED_AT));
            assertEquals(Map.of(
                    "lines[0].limits", "Limits have at most 2000 characters",
                    "lines[0].explanation", "An explanation has at most 2000 characters",
                    "decisionNote", "A note has at most 4000 characters"), e.getFieldErrors());

            request.decide(decisions(request, new LineDecision(LineOutcome.AMEND, repeat(2000), repeat(2000))),
                    SUPERINTENDENT, repeat(4000), DECIDED_AT);
            assertEquals(RequestStatus.DECIDED, request.getStatus());
        }

        @Test
        void nobodyDecidesTheirOwnRequest() {
            SocialMediaRequest request = submitted(1);
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> request.decide(
                    decisions(request, AUTHORIZE), new Decider(" Teacher ", "Terry Teacher", "Superintendent"), DECIDED_AT));
            assertEquals(Map.of("decider", "Nobody may decide their own request"), e.getFieldErrors());
            assertNothingDecided(request);
        }

        @Test
        void theSignatureIsRequired() {
            SocialMediaRequest request = submitted(1);
            Map<Long, LineDecision> decisions = decisions(request, AUTHORIZE);
            assertThrows(NullPointerException.class, () -> request.decide(decisions, null, DECIDED_AT));
            assertThrows(IllegalArgumentException.class,
                    () -> request.decide(decisions, new Decider("superintendent", " ", "Superintendent"), DECIDED_AT));
            assertThrows(IllegalArgumentException.class,
                    () -> request.decide(decisions, new Decider("superintendent", "Dana Reyes", null), DECIDED_AT));
            assertNothingDecided(request);
        }

        @Test
        void unsavedLinesCannotBeDecided() {
            SocialMediaRequest request = new SocialMediaRequest(RequestFixtures.teacher(), CREATED);
            request.replaceLines(List.of(RequestFixtures.validLine()));
            request.submit(SUBMITTED_AT, DEADLINE_1, POLICY_VERSION);
            assertThrows(IllegalStateException.class, () -> request.decide(Map.of(), SUPERINTENDENT, DECIDED_AT));
        }

        private void assertNothingDecided(SocialMediaRequest request) {
            assertEquals(RequestStatus.SUBMITTED, request.getStatus());
            assertNull(request.getOutcome());
            assertNull(request.getDecidedAt());
            assertNotNull(request.getDeadline());
            assertTrue(request.currentCycle().isRunning());
            assertTrue(request.getLines().stream().allMatch(l -> l.getOutcome() == null));
        }
    }

    @Nested
    class Withdrawal {

        @Test
        void aDraftIsWithdrawnWithoutCycles() {
            SocialMediaRequest request = draft(1);
            Instant at = CREATED.plusSeconds(60);
            request.withdraw(at);
            assertEquals(RequestStatus.WITHDRAWN, request.getStatus());
            assertEquals(at, request.getWithdrawnAt());
            assertTrue(request.getCycles().isEmpty());
        }

        @Test
        void withdrawingDuringReviewClosesTheRunningCycle() {
            SocialMediaRequest request = submitted(1);
            request.withdraw(ASKED_AT);
            assertNull(request.getDeadline());
            assertEquals(ASKED_AT, request.currentCycle().getEndedAt());
            assertEquals(CycleEnd.WITHDRAWN, request.currentCycle().getEndReason());
        }

        @Test
        void withdrawingWhileInformationIsRequestedKeepsTheQuestionsCycleAsItWas() {
            SocialMediaRequest request = submitted(1);
            request.requestInformation("Which grade levels?", "superintendent", ASKED_AT);
            request.withdraw(ANSWERED_AT);
            assertEquals(RequestStatus.WITHDRAWN, request.getStatus());
            assertEquals(ASKED_AT, request.currentCycle().getEndedAt());
            assertEquals(CycleEnd.INFO_REQUESTED, request.currentCycle().getEndReason());
        }

        @Test
        void withdrawingAnOverdueRequestClosesItsCycle() {
            SocialMediaRequest request = submitted(1);
            request.markOverdue(DEADLINE_1);
            request.withdraw(DEADLINE_1.plusSeconds(1));
            assertEquals(CycleEnd.WITHDRAWN, request.currentCycle().getEndReason());
        }
    }

    @Test
    void linesAndCyclesCannotBeChangedFromOutside() {
        SocialMediaRequest request = submitted(1);
        assertThrows(UnsupportedOperationException.class, () -> request.getLines().clear());
        assertThrows(UnsupportedOperationException.class, () -> request.getCycles().clear());
        assertThrows(UnsupportedOperationException.class,
                () -> request.getLines().get(0).getAudiences().add(Audience.PUBLIC));
    }

    @Test
    void aLineCanBeReadBackAsADraft() {
        SocialMediaRequest request = draft(1);
        LineDraft draft = request.getLines().get(0).toDraft();
        assertEquals(RequestFixtures.line(FACEBOOK, RequestFixtures.objectives(0)), draft);
        assertEquals(EnumSet.of(Audience.PARENTS), draft.audiences());
    }

    @Test
    void linesOfARequestWithManyPlatformsAreNumberedInOrder() {
        List<LineDraft> drafts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            drafts.add(RequestFixtures.line(FACEBOOK, RequestFixtures.objectives(i)));
        }
        SocialMediaRequest request = new SocialMediaRequest(new StaffUser("x1", "X", "x1@district.example.org", CREATED), CREATED);
        request.replaceLines(drafts);
        assertEquals(List.of(RequestFixtures.objectives(0), RequestFixtures.objectives(1), RequestFixtures.objectives(2),
                        RequestFixtures.objectives(3), RequestFixtures.objectives(4)),
                request.getLines().stream().map(RequestLine::getObjectives).toList());
    }

    @Test
    void settingsAreNeededToCheckTheDistrictEmail() {
        assertThrows(NullPointerException.class, () -> draft(1).validateForSubmission((DistrictSettings) null));
    }

    @Nested
    class QueueKey {

        @Test
        void runningClocksQueueByDeadlineThenWaitingThenEverythingElse() {
            assertAll(
                    () -> assertEquals(SocialMediaRequest.QUEUE_CLOSED, RequestFixtures.inStatus(RequestStatus.DRAFT).getQueueKey()),
                    () -> assertEquals(DEADLINE_1, RequestFixtures.inStatus(RequestStatus.SUBMITTED).getQueueKey()),
                    () -> assertEquals(DEADLINE_1, RequestFixtures.inStatus(RequestStatus.OVERDUE).getQueueKey()),
                    () -> assertEquals(SocialMediaRequest.QUEUE_WAITING, RequestFixtures.inStatus(RequestStatus.INFO_REQUESTED).getQueueKey()),
                    () -> assertEquals(SocialMediaRequest.QUEUE_CLOSED, RequestFixtures.inStatus(RequestStatus.DECIDED).getQueueKey()),
                    () -> assertEquals(SocialMediaRequest.QUEUE_CLOSED, RequestFixtures.inStatus(RequestStatus.WITHDRAWN).getQueueKey()),
                    () -> assertTrue(SocialMediaRequest.QUEUE_WAITING.isBefore(SocialMediaRequest.QUEUE_CLOSED)));
        }

        @Test
        void theAnswerQueuesTheRequestAgainByItsNewDeadline() {
            SocialMediaRequest request = submitted(1);
            request.requestInformation("Which grade levels?", "superintendent", ASKED_AT);
            request.answerInformationRequest("Grades 4 and 5", ANSWERED_AT, DEADLINE_2);
            assertEquals(DEADLINE_2, request.getQueueKey());
        }

        @Test
        void aRunningReviewWithoutDeadlineHasNoPlaceInTheQueue() {
            assertThrows(NullPointerException.class, () -> SocialMediaRequest.queueKey(RequestStatus.SUBMITTED, null));
        }
    }
}
