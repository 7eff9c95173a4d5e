package org.district.socialmedia.requests.entity;

import static org.district.socialmedia.requests.entity.RequestFixtures.ANSWERED_AT;
import static org.district.socialmedia.requests.entity.RequestFixtures.DEADLINE_1;
import static org.district.socialmedia.requests.entity.RequestFixtures.DECIDED_AT;
import static org.district.socialmedia.requests.entity.RequestFixtures.POLICY_VERSION;
import static org.district.socialmedia.requests.entity.RequestFixtures.SUPERINTENDENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every action in every status: legal ones move to the expected status, the rest are refused. */
class SocialMediaRequestTransitionTest {

    // Late enough for any deadline of the fixtures, so markOverdue is refused for its status only.
    private static final Instant LATE = DEADLINE_1.plusSeconds(3600);

    enum Action {
        REPLACE_LINES("change the platforms of", r -> r.replaceLines(List.of(RequestFixtures.validLine())),
                Map.of(RequestStatus.DRAFT, RequestStatus.DRAFT,
                        RequestStatus.INFO_REQUESTED, RequestStatus.INFO_REQUESTED)),
        SUBMIT("submit", r -> r.submit(LATE, LATE.plusSeconds(7 * 86_400), POLICY_VERSION),
                Map.of(RequestStatus.DRAFT, RequestStatus.SUBMITTED)),
        REQUEST_INFORMATION("request information on", r -> r.requestInformation("Which classes?", "superintendent", LATE),
                Map.of(RequestStatus.SUBMITTED, RequestStatus.INFO_REQUESTED,
                        RequestStatus.OVERDUE, RequestStatus.INFO_REQUESTED)),
        ANSWER("answer an information request on",
                r -> r.answerInformationRequest("Grades 4 and 5", ANSWERED_AT, ANSWERED_AT.plusSeconds(7 * 86_400)),
                Map.of(RequestStatus.INFO_REQUESTED, RequestStatus.SUBMITTED)),
        MARK_OVERDUE("mark overdue", r -> r.markOverdue(LATE),
                Map.of(RequestStatus.SUBMITTED, RequestStatus.OVERDUE)),
        DECIDE("decide", r -> r.decide(RequestFixtures.authorizeAll(r), SUPERINTENDENT, DECIDED_AT),
                Map.of(RequestStatus.SUBMITTED, RequestStatus.DECIDED,
                        RequestStatus.OVERDUE, RequestStatus.DECIDED)),
        WITHDRAW("withdraw", r -> r.withdraw(LATE),
                Map.of(RequestStatus.DRAFT, RequestStatus.WITHDRAWN,
                        RequestStatus.SUBMITTED, RequestStatus.WITHDRAWN,
                        RequestStatus.INFO_REQUESTED, RequestStatus.WITHDRAWN,
                        RequestStatus.OVERDUE, RequestStatus.WITHDRAWN));

        final String verb;
        final Consumer<SocialMediaRequest> perform;
        final Map<RequestStatus, RequestStatus> legal;

        Action(String verb, Consumer<SocialMediaRequest> perform, Map<RequestStatus, RequestStatus> legal) {
            this.verb = verb;
            this.perform = perform;
            this.legal = legal;
        }
    }

    static Stream<Arguments> legal() {
        List<Arguments> cases = new ArrayList<>();
        for (Action action : Action.values()) {
            action.legal.forEach((from, to) -> cases.add(Arguments.of(from, action, to)));
        }
        return cases.stream();
    }

    static Stream<Arguments> illegal() {
        List<Arguments> cases = new ArrayList<>();
        for (Action action : Action.values()) {
            for (RequestStatus from : RequestStatus.values()) {
                if (!action.legal.containsKey(from)) {
                    cases.add(Arguments.of(from, action));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{1} from {0} -> {2}")
    @MethodSource("legal")
    void legalTransitions(RequestStatus from, Action action, RequestStatus to) {
        SocialMediaRequest request = RequestFixtures.inStatus(from);
        assertEquals(from, request.getStatus());
        action.perform.accept(request);
        assertEquals(to, request.getStatus());
    }

    @ParameterizedTest(name = "{1} from {0} is refused")
    @MethodSource("illegal")
    void illegalTransitionsAreRefusedAndChangeNothing(RequestStatus from, Action action) {
        SocialMediaRequest request = RequestFixtures.inStatus(from);
        int cycles = request.getCycles().size();
        Instant deadline = request.getDeadline();

        IllegalRequestStateException e = assertThrows(IllegalRequestStateException.class,
                () -> action.perform.accept(request));

        assertEquals("Cannot " + action.verb + " a request that is " + from, e.getMessage());
        assertEquals(from, request.getStatus());
        assertEquals(cycles, request.getCycles().size());
        assertEquals(deadline, request.getDeadline());
    }

    @org.junit.jupiter.api.Test
    void theMatrixCoversEveryStatusAndAction() {
        long legal = legal().count();
        long illegal = illegal().count();
        assertEquals((long) Action.values().length * RequestStatus.values().length, legal + illegal);
        // Terminal statuses allow nothing at all.
        Set<RequestStatus> reachableFromSomething = EnumSet.noneOf(RequestStatus.class);
        for (Action action : Action.values()) {
            reachableFromSomething.addAll(action.legal.keySet());
        }
        assertEquals(EnumSet.of(RequestStatus.DRAFT, RequestStatus.SUBMITTED, RequestStatus.INFO_REQUESTED,
                RequestStatus.OVERDUE), reachableFromSomething);
    }
}
