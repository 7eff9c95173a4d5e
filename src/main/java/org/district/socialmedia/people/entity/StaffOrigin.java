package org.district.socialmedia.people.entity;

/**
 * Where a staff user came from. An import deactivates only what it brought (ROSTER): staff entered by
 * hand and users who sign in by single sign-on are never deactivated by a roster import.
 */
public enum StaffOrigin {
    /** Entered on the Staff users page or the API (the default, and every user before origins were kept). */
    HAND,
    /** Signed in through the District's single sign-on. */
    SSO,
    /** Brought by a OneRoster import (teacher, administrator, aide). */
    ROSTER
}
