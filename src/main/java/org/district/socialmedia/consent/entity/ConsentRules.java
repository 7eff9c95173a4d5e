package org.district.socialmedia.consent.entity;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The check before posting: may each student appear in a post with these items on this account on
 * this day? A pure function of the forms it is given, so a service feeds it one batch query
 * ({@link ConsentForm#FOR_STUDENTS}) for a whole class and records the answer ({@link ConsentCheck}).
 * <p>
 * Per form, on the day: not yet started (day before its period) counts as no form; after its period
 * it is EXPIRED; with every consented item revoked by then it is REVOKED; otherwise it is in force,
 * and then the channel decides (CHANNEL_NOT_COVERED) before the items (ITEM_NOT_CONSENTED, or
 * REVOKED when a requested item was consented and later revoked). FULL_NAME allows FIRST_NAME.
 * <p>
 * Across a student's forms: allowed when any form allows; otherwise the reason of the form closest
 * to allowing, in this order (most informative first):
 * <ol>
 * <li>REVOKED: a form in force for this channel whose needed item the parent revoked
 *     (the parent's explicit "no" outweighs an older or narrower form);</li>
 * <li>ITEM_NOT_CONSENTED: a form in force for this channel lacks an item;</li>
 * <li>CHANNEL_NOT_COVERED: a form in force, for other accounts or platforms;</li>
 * <li>REVOKED: only forms revoked entirely;</li>
 * <li>EXPIRED: only forms whose period is over;</li>
 * <li>NO_CONSENT: no form at all, or none started yet.</li>
 * </ol>
 */
public final class ConsentRules {

    /** What is to be posted, where and when. */
    public record Post(long accountId, long platformId, Set<ConsentItem> items, LocalDate day) {

        public Post {
            Objects.requireNonNull(day, "day");
            if (items == null || items.isEmpty()) {
                throw new IllegalArgumentException("A post shows at least one item of a student");
            }
            items = Set.copyOf(items);
        }

        /** The post at an instant, on the District's calendar (a period's last day ends at midnight there). */
        public static Post at(long accountId, long platformId, Set<ConsentItem> items, Instant at, ZoneId zone) {
            return new Post(accountId, platformId, items, at.atZone(zone).toLocalDate());
        }
    }

    /**
     * @param reason null when allowed
     * @param formId the form that allows, or that gave the reason (null for NO_CONSENT or unsaved forms)
     */
    public record Answer(boolean allowed, ConsentReason reason, Long formId) {

        static Answer allowedBy(ConsentForm form) {
            return new Answer(true, null, form.getId());
        }
    }

    // Rank of each outcome: lower is closer to allowing.
    private static final int ALLOWED = 0;
    private static final int ITEM_REVOKED = 1;
    private static final int ITEM_MISSING = 2;
    private static final int CHANNEL = 3;
    private static final int FORM_REVOKED = 4;
    private static final int FORM_EXPIRED = 5;
    private static final int NONE = 6;

    private ConsentRules() {
    }

    /**
     * @param formsByStudent every form of each student (any status); a student without forms may be
     *                       absent from the map or map to an empty list
     * @param studentIds     the students in the post, in the order the answers should keep
     */
    public static Map<Long, Answer> check(Post post, Collection<Long> studentIds,
                                          Map<Long, ? extends Collection<ConsentForm>> formsByStudent) {
        Map<Long, Answer> answers = new LinkedHashMap<>();
        for (Long student : studentIds) {
            Collection<ConsentForm> forms = formsByStudent.get(student);
            answers.put(student, check(post, forms == null ? List.of() : forms));
        }
        return answers;
    }

    /**
     * The same answers as {@link #check(Post, Collection, Map)} on every form, from the forms whose period has not
     * ended on the post's day ({@code notEnded}) and, only for the students those leave at NO_CONSENT, the ended
     * ones ({@code ended}, asked once with those students). An ended form ranks at best FORM_REVOKED, and a
     * not-ended form already gives a student that or better unless all of theirs rank NONE (not started yet, or
     * none at all): only then can an ended form change the answer. So a class's old forms are read only for the
     * students without a form for this year.
     *
     * @param notEnded every form of each student whose period ends on or after {@code post.day()}
     * @param ended    the forms of the given students whose period ended before {@code post.day()}
     */
    public static Map<Long, Answer> check(Post post, Collection<Long> studentIds, Map<Long, ? extends Collection<ConsentForm>> notEnded,
                                          Function<List<Long>, Map<Long, ? extends Collection<ConsentForm>>> ended) {
        Map<Long, Answer> answers = check(post, studentIds, notEnded);
        List<Long> unanswered = answers.entrySet().stream().filter(e -> e.getValue().reason() == ConsentReason.NO_CONSENT)
                .map(Map.Entry::getKey).toList();
        if (!unanswered.isEmpty()) {
            Map<Long, ? extends Collection<ConsentForm>> old = ended.apply(unanswered);
            for (Long student : unanswered) {
                Collection<ConsentForm> forms = old.get(student);
                if (forms != null && !forms.isEmpty()) {
                    answers.put(student, check(post, forms));
                }
            }
        }
        return answers;
    }

    /** One student's answer from their forms. */
    public static Answer check(Post post, Collection<ConsentForm> forms) {
        int best = NONE;
        ConsentForm bestForm = null;
        for (ConsentForm form : forms) {
            int rank = rank(post, form);
            if (rank < best) {
                best = rank;
                bestForm = form;
                if (rank == ALLOWED) {
                    return Answer.allowedBy(form);
                }
            }
        }
        return new Answer(false, reason(best), bestForm == null ? null : bestForm.getId());
    }

    /**
     * Whether a revocation of {@code revokedForm} takes this post down for its student: the post shows
     * an item the form allowed before ({@code before}) and no longer does ({@code after}; FULL_NAME
     * carries FIRST_NAME), the form covered the post's channel, and none of the student's forms (the
     * revoked one as it is now included) still allows the post on its day.
     */
    public static boolean takenDownBy(ConsentForm revokedForm, Set<ConsentItem> before, Set<ConsentItem> after, Post post,
                                      Collection<ConsentForm> studentForms) {
        boolean showsWithdrawn = post.items().stream().anyMatch(i -> i.allowedBy(before) && !i.allowedBy(after));
        return showsWithdrawn && revokedForm.coversChannel(post.accountId(), post.platformId())
                && !check(post, studentForms).allowed();
    }

    private static int rank(Post post, ConsentForm form) {
        LocalDate day = post.day();
        if (day.isBefore(form.getPeriodStart()) || day.isBefore(form.getSignedOn())) {
            return NONE;
        }
        Set<ConsentItem> granted = form.items();
        Set<ConsentItem> inForce = form.itemsAfterRevocations(day);
        boolean entirelyRevoked = !granted.isEmpty() && inForce.isEmpty();
        if (entirelyRevoked) {
            return FORM_REVOKED;
        }
        if (day.isAfter(form.getPeriodEnd())) {
            return FORM_EXPIRED;
        }
        if (!form.coversChannel(post.accountId(), post.platformId())) {
            return CHANNEL;
        }
        Set<ConsentItem> missing = EnumSet.noneOf(ConsentItem.class);
        for (ConsentItem item : post.items()) {
            if (!item.allowedBy(inForce)) {
                missing.add(item);
            }
        }
        if (missing.isEmpty()) {
            return ALLOWED;
        }
        for (ConsentItem item : missing) {
            if (item.allowedBy(granted)) {
                return ITEM_REVOKED;
            }
        }
        return ITEM_MISSING;
    }

    private static ConsentReason reason(int rank) {
        return switch (rank) {
            case ITEM_REVOKED, FORM_REVOKED -> ConsentReason.REVOKED;
            case ITEM_MISSING -> ConsentReason.ITEM_NOT_CONSENTED;
            case CHANNEL -> ConsentReason.CHANNEL_NOT_COVERED;
            case FORM_EXPIRED -> ConsentReason.EXPIRED;
            default -> ConsentReason.NO_CONSENT;
        };
    }
}
