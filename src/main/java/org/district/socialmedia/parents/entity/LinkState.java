package org.district.socialmedia.parents.entity;

/** What a parent may do with a link now. */
public enum LinkState {
    /** Not answered, not expired: the parent may sign. */
    OPEN,
    /** Answered (signed): the parent may view the form and revoke, never sign again. */
    ANSWERED,
    /** Past its end: the page offers to send a new link. */
    EXPIRED
}
