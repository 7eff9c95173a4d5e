package org.district.socialmedia.settings.entity;

import java.time.LocalDate;
import java.util.Objects;

/** One day off in the District's calendar, with the name of the event that made it one. */
public record HolidayDate(LocalDate date, String name) {

    public HolidayDate {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(name, "name");
    }
}
