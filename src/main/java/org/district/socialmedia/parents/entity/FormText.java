package org.district.socialmedia.parents.entity;

import org.district.socialmedia.consent.entity.ConsentItem;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The District's current consent form as a parent reads it, in their language: the same lines are shown on
 * the page and kept with the signature, and their SHA-256 is the signature's fingerprint of what was shown.
 * Names only the child's first name and school.
 */
public record FormText(String heading, String intro, String itemsHeading, List<String> items, String channel, String period,
                       String revoke, String intent, String relationship) implements Serializable {

    /** The version recorded with every form signed online: change it when the text's meaning changes. */
    public static final String VERSION = "ONLINE-2026-1";

    public static FormText of(ParentTexts t, String districtName, String childFirstName, String school, LocalDate periodStart,
                              LocalDate periodEnd) {
        List<String> items = new ArrayList<>();
        for (ConsentItem item : ConsentItem.values()) {
            items.add(t.item(item));
        }
        return new FormText(t.get("consent.heading"), t.get("consent.intro", districtName, childFirstName, school),
                t.get("form.items"), List.copyOf(items), t.get("form.channel", districtName),
                t.get("form.period", t.date(periodStart), t.date(periodEnd)), t.get("form.revoke"), t.get("sign.intent"),
                t.get("sign.relationship", childFirstName));
    }

    /** The exact text, one line each, as kept with the signature. */
    public String asText() {
        List<String> lines = new ArrayList<>();
        lines.add(heading);
        lines.add(intro);
        lines.add(itemsHeading + ":");
        items.forEach(i -> lines.add("- " + i));
        lines.add(channel);
        lines.add(period);
        lines.add(revoke);
        lines.add(intent);
        lines.add(relationship);
        return String.join("\n", lines);
    }

    public String sha256() {
        return LinkToken.sha256(asText());
    }
}
