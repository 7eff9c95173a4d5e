package org.district.socialmedia.platform.control;

import org.district.socialmedia.consent.entity.ConsentItem;
import org.district.socialmedia.consent.entity.ConsentReason;
import org.district.socialmedia.requests.entity.RequestEvent;
import org.district.socialmedia.settings.entity.DayCounting;
import org.district.socialmedia.settings.entity.SettingKey;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LabelsTest {

    /** Every enum of an entity package: the values people see (statuses, items, channels, outcomes, periods). */
    static List<Class<? extends Enum<?>>> userFacingEnums() throws IOException {
        Path classes = Path.of("target/classes");
        List<Class<? extends Enum<?>>> enums = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace(".class", "").replace('/', '.').replace('\\', '.');
                if (!name.matches("org\\.district\\.socialmedia\\.\\w+\\.entity\\..*")) {
                    continue;
                }
                try {
                    Class<?> type = Class.forName(name, false, LabelsTest.class.getClassLoader());
                    // SettingKey carries its own label and help text for the settings page
                    if (type.isEnum() && type != SettingKey.class) {
                        @SuppressWarnings("unchecked") Class<? extends Enum<?>> e = (Class<? extends Enum<?>>) type;
                        enums.add(e);
                    }
                } catch (ClassNotFoundException | NoClassDefFoundError skipped) {
                    // constant-specific bodies of enums are separate classes; their enum is listed itself
                }
            }
        }
        return enums;
    }

    @Test
    void everyEntityEnumConstantHasALabelInTheBundle() throws IOException {
        ResourceBundle bundle = ResourceBundle.getBundle(Labels.BUNDLE, Labels.LOCALE);
        List<Class<? extends Enum<?>>> enums = userFacingEnums();
        assertTrue(enums.size() > 15, "the walk found the entity enums: " + enums);
        List<String> missing = new ArrayList<>();
        for (Class<? extends Enum<?>> type : enums) {
            for (Enum<?> constant : type.getEnumConstants()) {
                String key = Labels.key(constant);
                if (!bundle.containsKey(key) || bundle.getString(key).equals(constant.name())) {
                    missing.add(key);
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    /** Enums that still carry a label() of their own (used by the API's views) say the same as the bundle. */
    @Test
    void ownLabelsAgreeWithTheBundle() throws Exception {
        List<String> differing = new ArrayList<>();
        for (Class<? extends Enum<?>> type : userFacingEnums()) {
            Method label;
            try {
                label = type.getMethod("label");
            } catch (NoSuchMethodException none) {
                continue;
            }
            for (Enum<?> constant : type.getEnumConstants()) {
                if (!Labels.of(constant).equals(label.invoke(constant))) {
                    differing.add(Labels.key(constant) + ": " + label.invoke(constant) + " / " + Labels.of(constant));
                }
            }
        }
        assertEquals(List.of(), differing);
    }

    @Test
    void constantsReadAsWords() {
        assertEquals("Photographs", Labels.of(ConsentItem.PHOTO));
        assertEquals("RequestEvent.Type.SUBMITTED", Labels.key(RequestEvent.Type.SUBMITTED));
        assertEquals("No written consent from the parents", Labels.of(ConsentReason.class, "NO_CONSENT"));
        assertEquals("Photographs, Video, Full name",
                Labels.list(List.of(ConsentItem.PHOTO, ConsentItem.VIDEO, ConsentItem.FULL_NAME)));
        assertEquals("", Labels.of(ConsentReason.class, null));
    }

    @Test
    void durationsAndTimesReadAsWords() {
        assertEquals("every 5 seconds", Labels.every(Duration.ofSeconds(5)));
        assertEquals("every 1 hour 30 minutes", Labels.every(Duration.ofMinutes(90)));
        assertEquals("7 calendar days", Labels.days(7, DayCounting.CALENDAR));
        assertEquals("1 school day", Labels.days(1, DayCounting.SCHOOL));
        assertEquals("12 Dec 2026 at 11:59 PM",
                Labels.dateTime(Instant.parse("2026-12-13T07:59:59Z"), ZoneId.of("America/Los_Angeles")));
    }
}
