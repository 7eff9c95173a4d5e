package org.district.socialmedia.consent.entity;

import org.district.socialmedia.consent.entity.ConsentRules.Answer;
import org.district.socialmedia.consent.entity.ConsentRules.Post;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

import static org.district.socialmedia.consent.entity.ConsentFixtures.ACCOUNT;
import static org.district.socialmedia.consent.entity.ConsentFixtures.NOW;
import static org.district.socialmedia.consent.entity.ConsentFixtures.OTHER_ACCOUNT;
import static org.district.socialmedia.consent.entity.ConsentFixtures.PLATFORM;
import static org.district.socialmedia.consent.entity.ConsentFixtures.SIGNED;
import static org.district.socialmedia.consent.entity.ConsentFixtures.TODAY;
import static org.district.socialmedia.consent.entity.ConsentFixtures.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The check before posting reads the forms whose period has not ended, and the ended ones only for the students
 * those leave at NO_CONSENT: the answers must be those of one read of every form, for any mix of forms.
 */
class ConsentRulesTwoReadsTest {

    private static final LocalDate[][] PERIODS = {
            {LocalDate.of(2025, 7, 1), LocalDate.of(2026, 6, 30)},
            {LocalDate.of(2026, 7, 1), LocalDate.of(2027, 6, 30)},
            {LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 30)},
            {LocalDate.of(2027, 7, 1), LocalDate.of(2028, 6, 30)}};

    @Test
    void theEndedFormsReadOnlyForStudentsWithoutAnAnswerGiveTheAnswersOfEveryForm() {
        Random random = new Random(21);
        Set<ConsentReason> reasons = EnumSet.noneOf(ConsentReason.class);
        int allowed = 0;
        int askedForEnded = 0;
        for (int round = 0; round < 400; round++) {
            LocalDate day = SIGNED.plusDays(random.nextInt(420));
            Post post = new Post(ACCOUNT, PLATFORM, someItems(random, 1), day);
            List<Long> ids = new ArrayList<>();
            Map<Long, List<ConsentForm>> all = new HashMap<>();
            for (long student = 1; student <= 12; student++) {
                ids.add(student);
                List<ConsentForm> forms = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    forms.add(randomForm(random));
                }
                all.put(student, forms);
            }
            Map<Long, Answer> oneRead = ConsentRules.check(post, ids, all);
            List<List<Long>> asked = new ArrayList<>();
            Map<Long, Answer> twoReads = ConsentRules.check(post, ids, only(all, ids, f -> !day.isAfter(f.getPeriodEnd())), unanswered -> {
                asked.add(unanswered);
                return only(all, unanswered, f -> day.isAfter(f.getPeriodEnd()));
            });

            assertEquals(List.copyOf(oneRead.keySet()), List.copyOf(twoReads.keySet()), "the students in their order");
            List<Long> withoutAnswer = new ArrayList<>();
            for (Long id : ids) {
                Answer one = oneRead.get(id);
                Answer two = twoReads.get(id);
                assertEquals(one.allowed(), two.allowed(), "student " + id + " on " + day);
                assertEquals(one.reason(), two.reason(), "student " + id + " on " + day);
                if (one.allowed()) {
                    assertEquals(one.formId(), two.formId(), "the form that allows");
                    allowed++;
                } else {
                    reasons.add(one.reason());
                }
                Answer notEndedOnly = ConsentRules.check(post, only(all, List.of(id), f -> !day.isAfter(f.getPeriodEnd()))
                        .getOrDefault(id, List.of()));
                if (notEndedOnly.reason() == ConsentReason.NO_CONSENT) {
                    withoutAnswer.add(id);
                }
            }
            assertEquals(withoutAnswer.isEmpty() ? List.of() : List.of(withoutAnswer), asked,
                    "the ended forms are asked for once, for exactly the students without an answer");
            askedForEnded += asked.size();
        }
        assertEquals(EnumSet.allOf(ConsentReason.class), reasons, "every reason came up");
        assertTrue(allowed > 100 && askedForEnded > 50, allowed + " allowed, " + askedForEnded + " reads of ended forms");
    }

    private static Map<Long, List<ConsentForm>> only(Map<Long, List<ConsentForm>> all, List<Long> students, Predicate<ConsentForm> which) {
        Map<Long, List<ConsentForm>> out = new HashMap<>();
        for (Long student : students) {
            List<ConsentForm> forms = all.get(student).stream().filter(which).toList();
            if (!forms.isEmpty()) {
                out.put(student, forms);
            }
        }
        return out;
    }

    private static Set<ConsentItem> someItems(Random random, int atLeast) {
        Set<ConsentItem> items = EnumSet.noneOf(ConsentItem.class);
        for (ConsentItem item : ConsentItem.values()) {
            if (random.nextInt(3) == 0) {
                items.add(item);
            }
        }
        while (items.size() < atLeast) {
            items.add(ConsentItem.values()[random.nextInt(ConsentItem.values().length)]);
        }
        return items;
    }

    private static ConsentForm randomForm(Random random) {
        Set<ConsentItem> items = random.nextInt(4) == 0 ? EnumSet.allOf(ConsentItem.class) : someItems(random, 0);
        LocalDate[] period = PERIODS[random.nextInt(PERIODS.length)];
        ConsentForm form = switch (random.nextInt(4)) {
            case 0 -> form(items, ConsentChannel.ACCOUNTS, Set.of(random.nextBoolean() ? ACCOUNT : OTHER_ACCOUNT), Set.of(), period[0], period[1]);
            case 1 -> form(items, ConsentChannel.PLATFORMS, Set.of(), Set.of(random.nextBoolean() ? PLATFORM : PLATFORM + 1), period[0], period[1]);
            default -> form(items, ConsentChannel.ALL, Set.of(), Set.of(), period[0], period[1]);
        };
        if (!items.isEmpty() && random.nextInt(3) == 0) {
            List<ConsentItem> consented = List.copyOf(items);
            Set<ConsentItem> revoked = random.nextBoolean() ? null : Set.of(consented.get(random.nextInt(consented.size())));
            form.revoke(random.nextBoolean() ? SIGNED : TODAY, "Ms. Park", revoked, TODAY, "clerk", NOW);
        }
        return form;
    }
}
