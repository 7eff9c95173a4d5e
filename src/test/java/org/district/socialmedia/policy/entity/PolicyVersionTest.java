package org.district.socialmedia.policy.entity;

import org.district.socialmedia.platform.entity.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PolicyVersionTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 9, 1);
    private static final Instant NOW = Instant.parse("2026-09-01T15:00:00Z");

    private static PolicyVersion version(int number, LocalDate effective) {
        return PolicyVersion.publish(PolicyDocument.BOARD_POLICY, number, "Version " + number, effective, "Changes.",
                "Title\nA paragraph.", true, "superintendent", NOW, LocalDate.MIN);
    }

    @Test
    void theVersionInForceIsTheLatestEffectiveByThatDay() {
        PolicyVersion first = version(1, LocalDate.of(2023, 5, 11));
        PolicyVersion second = version(2, TODAY.plusDays(10));
        assertEquals(first, PolicyVersion.inForce(List.of(first, second), TODAY).orElseThrow());
        assertEquals(second, PolicyVersion.inForce(List.of(first, second), TODAY.plusDays(10)).orElseThrow());
        PolicyVersion sameDay = version(3, TODAY.plusDays(10));
        assertEquals(sameDay, PolicyVersion.inForce(List.of(first, second, sameDay), TODAY.plusDays(10)).orElseThrow(),
                "the higher number on the same day");
        assertTrue(PolicyVersion.inForce(List.of(second), TODAY).isEmpty());
    }

    @Test
    void aVersionNeedsItsPartsAndCannotTakeEffectInThePast() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> PolicyVersion.publish(PolicyDocument.BOARD_POLICY, 2,
                " ", TODAY.minusDays(1), "", "", false, "superintendent", NOW, TODAY));
        assertEquals(List.of("label", "effectiveOn", "summary", "body"), List.copyOf(e.getFieldErrors().keySet()));
        assertThrows(InvalidInputException.class, () -> PolicyVersion.publish(PolicyDocument.BOARD_POLICY, 2, "x".repeat(61), TODAY,
                "s", "t", false, "superintendent", NOW, TODAY), "the label fits what requests record");
        assertThrows(InvalidInputException.class, () -> PolicyVersion.publish(null, 2, "Label", TODAY, "s", "t", false, "superintendent", NOW, TODAY));
    }

    @Test
    void theTextsHashIsOfTheTextAsStored() {
        PolicyVersion v = PolicyVersion.publish(PolicyDocument.SUPERINTENDENT_GUIDELINES, 1, "Label", TODAY, "s", "  Line one\r\nLine two  ",
                false, "sysadmin", NOW, TODAY);
        assertEquals("Line one\nLine two", v.getBody());
        assertEquals(PolicyVersion.sha256("Line one\nLine two"), v.getBodySha256());
        assertEquals(64, v.getBodySha256().length());
    }

    @Test
    void theSeededVersionIsTheAdoptedTextWithItsHashAndTheRulesEveryoneAcknowledges() throws Exception {
        String text;
        try (InputStream in = PolicyVersionTest.class.getResourceAsStream("/policy/employee-and-district-social-media-use.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String migration = Files.readString(Path.of("src/main/resources/db/migration/V44__policy_versions.sql"));
        assertTrue(migration.contains("'" + PolicyVersion.sha256(text) + "'"), "the seeded hash is the resource's");
        assertTrue(migration.contains(text.replace("'", "''")), "the seeded text is the resource's");
        assertTrue(migration.contains("'Adopted May 11, 2023'"), "the label requests recorded before");
        assertTrue(text.contains("concerted activity") && text.contains("wages, hours, or working conditions"));
        assertTrue(text.contains("Employee Rules of Conduct"));
        assertTrue(text.contains("Personal social media use"));
        List<PolicyVersion.Block> blocks = PolicyVersion.blocks(text);
        assertEquals("Employee and District Social Media Use", blocks.get(0).text());
        assertTrue(blocks.get(0).heading());
        assertFalse(blocks.stream().filter(b -> b.text().startsWith("Nothing in this policy")).findFirst().orElseThrow().heading());
    }
}
