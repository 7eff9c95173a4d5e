package org.district.socialmedia.students.entity;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ImportRunTimeLeftTest {

    private static final Instant T0 = Instant.parse("2026-12-06T04:00:00Z");

    @Test
    void isTheRestAtThePaceSinceTheWriteStarted() {
        // 1,000 changes in 10 s: 9,000 left take 90 s
        assertEquals(Duration.ofSeconds(90), ImportRun.timeLeft(10_000, 1_000, T0, 0, T0.plusSeconds(10)));
    }

    @Test
    void countsOnlyWhatWasWrittenSinceAResume() {
        // resumed at 4,000 written; 1,000 more in 20 s: 5,000 left take 100 s
        assertEquals(Duration.ofSeconds(100), ImportRun.timeLeft(10_000, 5_000, T0, 4_000, T0.plusSeconds(20)));
    }

    @Test
    void isUnknownBeforeTheFirstChunk() {
        assertNull(ImportRun.timeLeft(10_000, 0, T0, 0, T0));
        assertNull(ImportRun.timeLeft(10_000, 4_000, T0, 4_000, T0.plusSeconds(5)));
        assertNull(ImportRun.timeLeft(10_000, 0, null, 0, null));
    }

    @Test
    void isNoneForANewRun() {
        assertNull(new ImportRun("ab", "x.zip", "admin", T0).timeLeft());
    }
}
