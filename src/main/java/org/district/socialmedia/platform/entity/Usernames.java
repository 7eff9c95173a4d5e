package org.district.socialmedia.platform.entity;

/**
 * What a staff username looks like. Shared because a setting names a staff user too (the escalation
 * contact) and must check a name without depending on the people component.
 */
public final class Usernames {

    public static final String PATTERN = "[a-z0-9][a-z0-9._-]{1,63}";

    private Usernames() {
    }
}
