package org.district.socialmedia.accounts.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An account's yearly checklist (issue 20 item 4), as its account row keeps it: when the next one is due, when it
 * becomes overdue (the start of the day after, in the District's time zone) and when the rights timer looks next.
 * Its rules: what a sign-off must confirm, and the due date a sign-off moves a year on.
 */
@Embeddable
public class YearlyChecklist implements Serializable {

    /** A new account's first checklist is due this many days after it is registered. */
    public static final int FIRST_DAYS = 30;
    /** A checklist is signed off once a year. */
    public static final Period TERM = Period.ofYears(1);

    @Column(name = "attestation_due_on", nullable = false)
    private LocalDate dueOn;

    @Column(name = "attestation_overdue_at", nullable = false)
    private Instant overdueAt;

    @Column(name = "attestation_next_check_at")
    private Instant nextCheckAt;

    protected YearlyChecklist() {
    }

    /** A new account's: due {@link #FIRST_DAYS} days after the day it was registered. */
    static YearlyChecklist first(Instant now, ZoneId zone) {
        YearlyChecklist checklist = new YearlyChecklist();
        checklist.schedule(now.atZone(zone).toLocalDate().plusDays(FIRST_DAYS), zone, now);
        return checklist;
    }

    /**
     * What a sign-off lacks, per field: every item confirmed, at least {@code minAdmins} District administrators,
     * a screenshot. Empty when it may be signed off.
     */
    static Map<String, String> problems(DistrictAccount.Checklist checklist, List<String> privacyItems, int activeAdmins, int minAdmins,
                                        boolean withEvidence) {
        Map<String, String> errors = new LinkedHashMap<>();
        DistrictAccount.Checklist c = checklist == null ? new DistrictAccount.Checklist(false, List.of(), false) : checklist;
        if (!c.identifiesDistrict()) {
            errors.put("identifiesDistrict", "Confirm that the account's name or bio identifies the District, school or department"
                    + " (change it on the platform first if it does not)");
        }
        List<String> missing = privacyItems.stream().filter(item -> !c.privacyItemsConfirmed().contains(item)).toList();
        if (!missing.isEmpty()) {
            errors.put("privacyItems", "Confirm every privacy setting of the platform's checklist; not confirmed: " + String.join("; ", missing));
        }
        if (!c.recoveryIsDistrict()) {
            errors.put("recoveryIsDistrict", "Confirm that the account's recovery email and phone are District ones"
                    + " (change them on the platform first if they are not)");
        }
        if (activeAdmins < minAdmins) {
            errors.put("admins", "The account has " + activeAdmins + " District administrator(s); a checklist needs at least "
                    + minAdmins + ". Ask the Superintendent to grant rights to another one first");
        }
        if (!withEvidence) {
            errors.put("evidence", "Upload a screenshot of the account's privacy settings (PNG, JPEG or PDF)");
        }
        return errors;
    }

    /** The next due date a sign-off on {@code now} sets: a year after that day. */
    static LocalDate nextDueAfter(Instant now, ZoneId zone) {
        return now.atZone(zone).toLocalDate().plus(TERM);
    }

    /** After a sign-off: the next one is due on nextDue. */
    void signedOff(LocalDate nextDue, ZoneId zone, Instant now) {
        schedule(nextDue, zone, now);
    }

    /** Sets the next checklist's due date; the timer looks at once and plans its reminders from there. */
    private void schedule(LocalDate due, ZoneId zone, Instant now) {
        this.dueOn = due;
        this.overdueAt = AttestationPlan.overdueAt(due, zone);
        this.nextCheckAt = now;
    }

    /** Where the timer's last look left the checklist: when to look next (null: nothing to send before a sign-off). */
    void scheduleCheck(Instant next, ZoneId zone) {
        this.nextCheckAt = next;
        // the District's zone may have been changed since the due date was set
        this.overdueAt = AttestationPlan.overdueAt(dueOn, zone);
    }

    public boolean isOverdue(Instant now) {
        return !now.isBefore(overdueAt);
    }

    public LocalDate getDueOn() { return dueOn; }
    public Instant getOverdueAt() { return overdueAt; }
    public Instant getNextCheckAt() { return nextCheckAt; }
}
