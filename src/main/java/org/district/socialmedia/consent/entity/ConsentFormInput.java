package org.district.socialmedia.consent.entity;

import org.district.socialmedia.students.entity.Guardian;
import org.district.socialmedia.students.entity.Student;

import java.time.LocalDate;
import java.util.Set;

/**
 * What a clerk enters from a signed form (or what the electronic form submits). Checked by
 * {@link ConsentForm}'s constructor, which names each field at fault.
 *
 * @param items       the items the parent said yes to; the others are no
 * @param accountIds  district_account ids, for channel ACCOUNTS
 * @param platformIds platform ids, for channel PLATFORMS
 * @param periodStart null together with periodEnd for the school year of the signing date
 */
public record ConsentFormInput(Student student, Guardian signer, LocalDate signedOn, String formVersion,
                               ReceivedBy receivedBy, Set<ConsentItem> items, ConsentChannel channel,
                               Set<Long> accountIds, Set<Long> platformIds, LocalDate periodStart,
                               LocalDate periodEnd, String notes) {
}
