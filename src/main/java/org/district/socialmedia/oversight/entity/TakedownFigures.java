package org.district.socialmedia.oversight.entity;

import java.io.Serializable;

/**
 * Takedowns after consent was revoked: the tasks open now, those done in the period and how long they took
 * from the revocation's task to its completion (median and 90th percentile, hours). Names are the API's.
 */
public record TakedownFigures(String from, String to, long open, long done, Double medianHours, Double p90Hours)
        implements Serializable {
}
