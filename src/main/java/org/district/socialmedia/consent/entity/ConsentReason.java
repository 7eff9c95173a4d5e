package org.district.socialmedia.consent.entity;

/** Why a student may not appear in a post; the precedence among them is {@link ConsentRules}'. */
public enum ConsentReason {
    NO_CONSENT, EXPIRED, REVOKED, ITEM_NOT_CONSENTED, CHANNEL_NOT_COVERED
}
