package org.district.socialmedia.requests.entity;

import org.district.socialmedia.people.entity.StaffUser;
import org.district.socialmedia.settings.entity.DayCounting;
import org.district.socialmedia.settings.entity.DistrictSettings;
import org.district.socialmedia.settings.entity.ReviewPeriod;
import org.district.socialmedia.settings.entity.RightsSettings;
import org.district.socialmedia.settings.entity.SecuritySettings;

import java.lang.reflect.Field;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Requests in every status, built only through the public transitions so that the fixtures cannot
 * reach a state the rules forbid. Ids, which JPA would assign, are set by reflection.
 */
final class RequestFixtures {

    static final Instant CREATED = Instant.parse("2025-03-03T08:00:00Z");
    static final Instant SUBMITTED_AT = Instant.parse("2025-03-03T09:00:00Z");
    static final Instant DEADLINE_1 = Instant.parse("2025-03-10T22:59:59Z");
    static final Instant ASKED_AT = Instant.parse("2025-03-05T10:00:00Z");
    static final Instant ANSWERED_AT = Instant.parse("2025-03-07T15:00:00Z");
    static final Instant DEADLINE_2 = Instant.parse("2025-03-14T22:59:59Z");
    static final Instant DECIDED_AT = Instant.parse("2025-03-06T11:00:00Z");
    static final String POLICY_VERSION = "Adopted May 11, 2023";

    static final Platform FACEBOOK = withId(new Platform("Facebook", false, 10), 1L);
    static final Platform YOUTUBE = withId(new Platform("YouTube", false, 40), 4L);
    static final Platform OTHER = withId(new Platform("Other", true, 1000), 10L);

    static final DistrictSettings SETTINGS = new DistrictSettings("Example Unified School District",
            List.of("district.example.org"), ZoneId.of("America/Los_Angeles"), ReviewPeriod.parse("P7D"),
            DayCounting.CALENDAR, "https://portal.district.example.org", "P2D,P1D", java.time.Duration.ofDays(1), null,
            java.time.Duration.ofMinutes(1), RightsSettings.DEFAULTS,
            java.time.Duration.ofDays(1), SecuritySettings.DEFAULTS);

    static final Decider SUPERINTENDENT = new Decider("superintendent", "Dana Reyes", "Superintendent");

    private RequestFixtures() {
    }

    static StaffUser teacher() {
        return withId(new StaffUser("teacher", "Terry Teacher", "teacher@district.example.org", CREATED), 7L);
    }

    static LineDraft line(Platform platform, String objectives) {
        return new LineDraft(platform, null, objectives, Set.of(Audience.PARENTS), false, null,
                "Room 12 news", "teacher@district.example.org");
    }

    /** Objectives long enough to be submitted, numbered to tell the lines apart. */
    static String objectives(int i) {
        return "Objective " + i + ": class news for parents";
    }

    static LineDraft validLine() {
        return line(FACEBOOK, "Share classroom news and event reminders with parents");
    }

    /** A draft with {@code count} complete lines whose ids are 101, 102, ... */
    static SocialMediaRequest draft(int count) {
        SocialMediaRequest request = new SocialMediaRequest(teacher(), CREATED);
        List<LineDraft> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lines.add(line(i % 2 == 0 ? FACEBOOK : YOUTUBE, objectives(i)));
        }
        request.replaceLines(lines);
        assignLineIds(request);
        return withId(request, 500L);
    }

    static SocialMediaRequest submitted(int count) {
        SocialMediaRequest request = draft(count);
        request.submit(SUBMITTED_AT, DEADLINE_1, POLICY_VERSION);
        return request;
    }

    static SocialMediaRequest inStatus(RequestStatus status) {
        SocialMediaRequest request = draft(2);
        switch (status) {
            case DRAFT -> { }
            case SUBMITTED -> request.submit(SUBMITTED_AT, DEADLINE_1, POLICY_VERSION);
            case INFO_REQUESTED -> {
                request.submit(SUBMITTED_AT, DEADLINE_1, POLICY_VERSION);
                request.requestInformation("Which grade levels?", "superintendent", ASKED_AT);
            }
            case OVERDUE -> {
                request.submit(SUBMITTED_AT, DEADLINE_1, POLICY_VERSION);
                request.markOverdue(DEADLINE_1);
            }
            case DECIDED -> {
                request.submit(SUBMITTED_AT, DEADLINE_1, POLICY_VERSION);
                request.decide(authorizeAll(request), SUPERINTENDENT, DECIDED_AT);
            }
            case WITHDRAWN -> request.withdraw(CREATED.plusSeconds(60));
        }
        return request;
    }

    static Map<Long, LineDecision> authorizeAll(SocialMediaRequest request) {
        return decisions(request, new LineDecision(LineOutcome.AUTHORIZE, null, null));
    }

    static Map<Long, LineDecision> decisions(SocialMediaRequest request, LineDecision... perLine) {
        Map<Long, LineDecision> map = new LinkedHashMap<>();
        List<RequestLine> lines = request.getLines();
        for (int i = 0; i < lines.size(); i++) {
            map.put(lines.get(i).getId(), perLine[Math.min(i, perLine.length - 1)]);
        }
        return map;
    }

    /** Gives lines without an id the ids 101, 102, ... by position, as persisting would. */
    static void assignLineIds(SocialMediaRequest request) {
        for (RequestLine line : request.getLines()) {
            if (line.getId() == null) {
                withId(line, 101L + line.getPosition());
            }
        }
    }

    static <T> T withId(T entity, Long id) {
        try {
            Field field = entity.getClass().getDeclaredField("id");
            field.setAccessible(true);
            field.set(entity, id);
            return entity;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    static String repeat(int length) {
        return "x".repeat(length);
    }
}
