package org.district.socialmedia.platform.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Stores every Instant as TIMESTAMP WITH TIME ZONE in UTC. EclipseLink 4.0 would otherwise serialize
 * Instant into a binary column; OffsetDateTime is a type it maps natively on H2 and PostgreSQL, and
 * UTC keeps the stored instant independent of each server's own time zone.
 */
@Converter(autoApply = true)
public class InstantConverter implements AttributeConverter<Instant, OffsetDateTime> {

    @Override
    public OffsetDateTime convertToDatabaseColumn(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    @Override
    public Instant convertToEntityAttribute(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
