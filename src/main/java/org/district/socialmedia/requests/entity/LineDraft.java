package org.district.socialmedia.requests.entity;

import org.district.socialmedia.people.entity.StaffUser;

import java.io.Serializable;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * What the employee enters for one platform. A draft may be incomplete; the request checks it at
 * submission. Text is normalized here (stripped, blank as null, email in lowercase) so that every
 * later check and the stored values agree.
 *
 * @param existingAccountId an account of the District account registry, or null when a new account
 *                          is asked for under {@code newAccountName}
 */
public record LineDraft(Platform platform, String otherPlatformName, String objectives, Set<Audience> audiences,
                        boolean communicatesWithStudents, Long existingAccountId, String newAccountName,
                        String districtEmail) implements Serializable {

    public LineDraft {
        otherPlatformName = Texts.clean(otherPlatformName);
        objectives = Texts.clean(objectives);
        audiences = audiences == null || audiences.isEmpty()
                ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(audiences));
        newAccountName = Texts.clean(newAccountName);
        districtEmail = Texts.clean(StaffUser.normalizeEmail(districtEmail));
    }
}
