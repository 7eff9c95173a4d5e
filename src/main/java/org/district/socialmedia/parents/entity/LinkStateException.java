package org.district.socialmedia.parents.entity;

import jakarta.ejb.ApplicationException;
import org.district.socialmedia.platform.entity.StateConflictException;

/** A link used for what its state does not allow (signing twice, signing after its end). */
@ApplicationException(rollback = true)
public class LinkStateException extends StateConflictException {

    private final LinkState state;

    public LinkStateException(LinkState state) {
        super(state == LinkState.ANSWERED ? "This link was used to sign already: it can show the form and revoke it"
                : "This link has ended: ask for a new one");
        this.state = state;
    }

    public LinkState getState() {
        return state;
    }
}
