package org.district.socialmedia.students.control;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RosterDropFolderTest {

    private static final Instant NOW = Instant.parse("2026-12-06T03:00:00Z");

    @TempDir
    Path dir;

    private Path file(String name, Instant modified) throws IOException {
        Path file = Files.writeString(dir.resolve(name), "x");
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }

    @Test
    void offUnlessTheFolderIsSetAndTheSettleTimeDefaultsToAMinute() {
        assertFalse(RosterDropFolder.fromEnvironment(Map.<String, String>of()::get).enabled());
        assertFalse(RosterDropFolder.fromEnvironment(Map.of("ROSTER_DROP_DIR", "  ")::get).enabled());
        RosterDropFolder on = RosterDropFolder.fromEnvironment(Map.of("ROSTER_DROP_DIR", dir.toString())::get);
        assertTrue(on.enabled());
        assertEquals(Duration.ofMinutes(1), on.settle());
        assertEquals(Duration.ofSeconds(30),
                RosterDropFolder.fromEnvironment(Map.of("ROSTER_DROP_DIR", "/x", "ROSTER_DROP_SETTLE", "pt30s")::get).settle());
    }

    @Test
    void aSettleTimeThatIsNoDurationNamesTheVariable() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RosterDropFolder.fromEnvironment(Map.of("ROSTER_DROP_DIR", "/x", "ROSTER_DROP_SETTLE", "1 minute")::get));
        assertTrue(e.getMessage().contains("ROSTER_DROP_SETTLE"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new RosterDropFolder(dir, Duration.ofSeconds(-1)));
    }

    @Test
    void onlySettledVisibleZipsAreReadyOldestFirst() throws IOException {
        file("late.zip", NOW.minusSeconds(61));
        file("early.ZIP", NOW.minusSeconds(3600));
        file("copying.zip", NOW.minusSeconds(10));
        file(".hidden.zip", NOW.minusSeconds(3600));
        file("notes.txt", NOW.minusSeconds(3600));
        Files.createDirectories(dir.resolve("folder.zip"));
        RosterDropFolder folder = new RosterDropFolder(dir, Duration.ofMinutes(1));

        assertEquals(List.of(dir.resolve("early.ZIP"), dir.resolve("late.zip")), folder.ready(NOW));
        assertEquals(List.of(), new RosterDropFolder(dir.resolve("missing"), Duration.ZERO).ready(NOW));
        assertEquals(List.of(), new RosterDropFolder(null, Duration.ZERO).ready(NOW));
    }

    @Test
    void aFileIsClaimedOnceUnderAUniqueNameAndFiledWithIt() throws IOException {
        Path zip = file("sis.zip", NOW.minusSeconds(3600));
        RosterDropFolder folder = new RosterDropFolder(dir, Duration.ZERO);

        Optional<Path> claimed = folder.claim(zip, NOW);
        assertTrue(claimed.isPresent());
        assertEquals(dir.resolve("processing"), claimed.get().getParent());
        String name = claimed.get().getFileName().toString();
        assertTrue(name.startsWith(NOW.toEpochMilli() + "-") && name.endsWith("-sis.zip"), name);
        assertEquals("sis.zip", RosterDropFolder.originalName(name));
        assertEquals(Optional.empty(), folder.claim(zip, NOW), "a second server finds it gone");

        Path filed = folder.file(claimed.get(), RosterDropFolder.IMPORTED);
        assertEquals(dir.resolve("imported").resolve(name), filed);
        assertTrue(Files.exists(filed));
    }

    @Test
    void aClaimWithoutItsRunIsPutBackUnderItsNameOrItsClaimedOneWhenTheNameIsTaken() throws IOException {
        RosterDropFolder folder = new RosterDropFolder(dir, Duration.ZERO);
        String first = folder.claim(file("sis.zip", NOW), NOW.minusSeconds(900)).orElseThrow().getFileName().toString();
        String second = folder.claim(file("sis.zip", NOW), NOW).orElseThrow().getFileName().toString();

        assertEquals(List.of(first), folder.claimedBefore(NOW.minusSeconds(600)));
        assertTrue(folder.putBack(first, "sis.zip"));
        assertTrue(Files.exists(dir.resolve("sis.zip")));
        assertTrue(folder.putBack(second, "sis.zip"), "the name is taken: the claimed name is kept");
        assertTrue(Files.exists(dir.resolve(second)));
        assertFalse(folder.putBack(first, "sis.zip"), "already back");
    }
}
