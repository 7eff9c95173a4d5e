package org.district.socialmedia.requests.control;

import org.district.socialmedia.requests.entity.Platform;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * The District's registered accounts, as a request line that names one needs them. The accounts
 * component, which stands above requests (its accounts come from authorizations), provides it.
 */
public interface ExistingAccounts {

    /** An account an employee may ask to use, for the request form. */
    record AccountChoice(Long id, Long platformId, String label) implements Serializable {
    }

    /** The accounts of the caller's own school or department that are in use. */
    List<AccountChoice> ofCallersUnit();

    /** Why a request line on this platform cannot name this account; empty when it can. */
    Optional<String> whyNot(long accountId, Platform platform);
}
