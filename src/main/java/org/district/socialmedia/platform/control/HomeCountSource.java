package org.district.socialmedia.platform.control;

import org.district.socialmedia.platform.entity.HomeCount;
import org.district.socialmedia.platform.entity.Role;

import java.util.List;
import java.util.Set;

/**
 * What a component has waiting for the signed-in user, for their home page (docs/architecture.md, "Home
 * page counts"). Each component that has something to count implements it once, as a CDI bean; the home
 * page asks every implementation and knows none of them, so a new component adds its counts by one class.
 * Each count must be one indexed COUNT (or a read by key): the home page renders them all in one request.
 */
public interface HomeCountSource {

    /**
     * The caller's counts. {@code roles} are the caller's roles: a source answers only for the roles it serves
     * and returns an empty list otherwise (never calls a service the caller may not use).
     */
    List<HomeCount> counts(Set<Role> roles);
}
