package org.district.socialmedia.parents.entity;

import org.district.socialmedia.consent.entity.ConsentItem;

import java.io.Serializable;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A consent request's progress for one group (a class, or the whole school): links sent, opened, answered, what was said. */
public record Progress(String group, int sent, int opened, int answered, Map<ConsentItem, Integer> consented, int declined)
        implements Serializable {

    /** One link as the progress counts it; {@code items} what the signed form agreed to (null when not answered). */
    public record Link(String group, boolean opened, boolean answered, boolean declined, Set<ConsentItem> items) {
    }

    public int consentedTo(ConsentItem item) {
        return consented.getOrDefault(item, 0);
    }

    /** Per group in the order first seen, and a last row for everything under {@code totalLabel}. */
    public static List<Progress> of(Collection<Link> links, String totalLabel) {
        Map<String, Counter> groups = new LinkedHashMap<>();
        Counter total = new Counter(totalLabel);
        for (Link link : links) {
            groups.computeIfAbsent(link.group(), Counter::new).add(link);
            total.add(link);
        }
        List<Progress> rows = new java.util.ArrayList<>(groups.values().stream().map(Counter::progress).toList());
        rows.add(total.progress());
        return List.copyOf(rows);
    }

    private static final class Counter {
        final String group;
        int sent;
        int opened;
        int answered;
        int declined;
        final Map<ConsentItem, Integer> consented = new EnumMap<>(ConsentItem.class);

        Counter(String group) {
            this.group = group;
        }

        void add(Link link) {
            sent++;
            if (link.opened()) {
                opened++;
            }
            if (link.answered()) {
                answered++;
                if (link.declined()) {
                    declined++;
                }
                if (link.items() != null) {
                    link.items().forEach(i -> consented.merge(i, 1, Integer::sum));
                }
            }
        }

        Progress progress() {
            Map<ConsentItem, Integer> copy = new EnumMap<>(ConsentItem.class);
            for (ConsentItem item : ConsentItem.values()) {
                copy.put(item, consented.getOrDefault(item, 0));
            }
            return new Progress(group, sent, opened, answered, copy, declined);
        }
    }
}
