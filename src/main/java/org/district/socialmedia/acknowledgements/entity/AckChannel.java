package org.district.socialmedia.acknowledgements.entity;

/** How a staff member acknowledged: the portal's banner or page, the personal link of an email, or the API. */
public enum AckChannel { PORTAL, LINK, API }
