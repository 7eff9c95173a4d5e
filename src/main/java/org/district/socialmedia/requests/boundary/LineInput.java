package org.district.socialmedia.requests.boundary;

import org.district.socialmedia.requests.entity.Audience;

import java.io.Serializable;
import java.util.Set;

/**
 * One platform line as the employee types it (page or API). The JSON names are the API contract:
 * {"platform":"Instagram","objectives":"...","audience":["PARENTS"],"communicatesWithStudents":false,
 * "accountId":null,"accountName":"@lincoln_hs_athletics","districtEmail":"coach@district.example.org"}.
 * Pages pick the platform by id; the API names it.
 */
public record LineInput(Long platformId, String platform, String otherPlatformName, String objectives,
                        Set<Audience> audience, Boolean communicatesWithStudents, Long accountId, String accountName,
                        String districtEmail) implements Serializable {
}
