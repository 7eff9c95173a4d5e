package org.district.socialmedia.consent.entity;

/** How the signed form reached the District. A paper form is kept as a scan ({@link Evidence}). */
public enum ReceivedBy {
    PAPER_SCAN, ELECTRONIC
}
