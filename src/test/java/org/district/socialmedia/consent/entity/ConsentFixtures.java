package org.district.socialmedia.consent.entity;

import org.district.socialmedia.people.entity.OrgUnit;
import org.district.socialmedia.students.entity.Guardian;
import org.district.socialmedia.students.entity.GuardianRole;
import org.district.socialmedia.students.entity.Student;

import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Set;

final class ConsentFixtures {

    static final Instant NOW = Instant.parse("2026-09-15T16:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 9, 15);
    static final LocalDate SIGNED = LocalDate.of(2026, 8, 20);
    static final long ACCOUNT = 7L;
    static final long OTHER_ACCOUNT = 8L;
    static final long PLATFORM = 2L;
    static final OrgUnit SCHOOL = new OrgUnit("LHS", "Lincoln High School", OrgUnit.Kind.SCHOOL);

    private ConsentFixtures() {
    }

    static Student student() {
        Student student = new Student("s-1", "100001", "Ava", "Nguyen", SCHOOL, "09", NOW);
        student.link(parent());
        return student;
    }

    static Guardian parent() {
        return new Guardian("p-1", "Linh", "Nguyen", "linh@example.org", "555-0100", GuardianRole.PARENT, NOW);
    }

    static ConsentForm form(Set<ConsentItem> items, ConsentChannel channel, Set<Long> accounts, Set<Long> platforms,
                            LocalDate start, LocalDate end) {
        Student student = student();
        Guardian signer = student.getGuardians().iterator().next();
        return new ConsentForm(new ConsentFormInput(student, signer, SIGNED, "2026-1", ReceivedBy.PAPER_SCAN, items,
                channel, accounts, platforms, start, end, null), MonthDay.of(7, 1), TODAY, "clerk", NOW);
    }

    /** A school-year form for every District account. */
    static ConsentForm form(ConsentItem... items) {
        return form(Set.of(items), ConsentChannel.ALL, Set.of(), Set.of(), null, null);
    }
}
