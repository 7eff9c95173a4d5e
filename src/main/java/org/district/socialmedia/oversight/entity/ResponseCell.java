package org.district.socialmedia.oversight.entity;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Written responses alike in what the requests report groups by: given on one District day, by one reviewer, of
 * one kind, on time or late, taking one tenth of an hour (their TimeClass). A day's roll-up is a set of these; a
 * response read live is one with a count of one, so both are counted by the same code (RequestFigures).
 */
public record ResponseCell(LocalDate day, String reviewer, String kind, boolean onTime, TimeClass time) implements Serializable {

    public static ResponseCell of(ReviewResponse r, ZoneId zone) {
        return new ResponseCell(r.answeredAt().atZone(zone).toLocalDate(), r.reviewer() == null ? "" : r.reviewer(), r.kind(),
                r.onTime(), TimeClass.of(r.timeToAnswer().getSeconds()));
    }

    public long count() {
        return time.count();
    }
}
