package org.district.socialmedia.settings.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReviewPeriodTest {

    private static final String ACCEPTED = "Review period must be a positive ISO-8601 duration "
            + "such as P7D (7 days) or PT5M (5 minutes); months and years are not allowed";

    @ParameterizedTest
    @CsvSource({
            "P7D, 7, P7D",
            "P1D, 1, P1D",
            "P10D, 10, P10D",
            "P1W, 7, P7D",
            "P2W, 14, P14D",
            "P1W2D, 9, P9D",
            "p7d, 7, P7D",
            "'  P7D  ', 7, P7D",
            "P7DT0H, 7, P7D",
            "P3660D, 3660, P3660D"
    })
    void dateOnlyFormsAreWholeDays(String text, int days, String canonical) {
        ReviewPeriod period = ReviewPeriod.parse(text);
        assertTrue(period.isWholeDays());
        assertEquals(days, period.days());
        assertEquals(canonical, period.toString());
        assertEquals(Duration.ofDays(days), period.approximateLength());
    }

    @ParameterizedTest
    @CsvSource({
            "PT5M, PT5M, 300",
            "PT10S, PT10S, 10",
            "PT36H, PT36H, 129600",
            "P1DT12H, PT36H, 129600",
            "PT48H, PT48H, 172800",
            "PT24H, PT24H, 86400",
            "PT1H30M, PT1H30M, 5400",
            "pt5m, PT5M, 300",
            "PT90S, PT1M30S, 90"
    })
    void formsWithATimePartAreExactDurations(String text, String canonical, long seconds) {
        ReviewPeriod period = ReviewPeriod.parse(text);
        assertFalse(period.isWholeDays());
        assertEquals(Duration.ofSeconds(seconds), period.exact());
        assertEquals(Duration.ofSeconds(seconds), period.approximateLength());
        assertEquals(canonical, period.toString());
    }

    @Test
    void fortyEightHoursIsNotTwoDays() {
        ReviewPeriod hours = ReviewPeriod.parse("PT48H");
        ReviewPeriod days = ReviewPeriod.parse("P2D");
        assertNotEquals(days, hours);
        assertEquals(days.approximateLength(), hours.approximateLength());
    }

    @Test
    void equalityFollowsTheCanonicalText() {
        assertEquals(ReviewPeriod.parse("P7D"), ReviewPeriod.parse("P1W"));
        assertEquals(ReviewPeriod.parse("P7D").hashCode(), ReviewPeriod.parse("P1W").hashCode());
        assertEquals(ReviewPeriod.parse("PT36H"), ReviewPeriod.parse("P1DT12H"));
        assertEquals(ReviewPeriod.parse("PT36H").hashCode(), ReviewPeriod.parse("P1DT12H").hashCode());
        assertNotEquals(ReviewPeriod.parse("P7D"), ReviewPeriod.parse("P8D"));
        assertNotEquals(ReviewPeriod.parse("PT5M"), ReviewPeriod.parse("PT6M"));
        assertNotEquals(ReviewPeriod.parse("P7D"), "P7D");
        assertNotEquals(null, ReviewPeriod.parse("P7D"));
    }

    @Test
    void canonicalTextParsesBackToAnEqualPeriod() {
        for (String text : new String[] {"P1W", "P1DT12H", "PT5M", "PT90S", "P7DT0H"}) {
            ReviewPeriod period = ReviewPeriod.parse(text);
            assertEquals(period, ReviewPeriod.parse(period.toString()), text);
        }
    }

    @Test
    void daysOfAnExactDurationIsRefused() {
        ReviewPeriod period = ReviewPeriod.parse("PT5M");
        IllegalStateException e = assertThrows(IllegalStateException.class, period::days);
        assertTrue(e.getMessage().contains("PT5M"), e.getMessage());
    }

    @Test
    void exactOfWholeDaysIsRefused() {
        ReviewPeriod period = ReviewPeriod.parse("P7D");
        IllegalStateException e = assertThrows(IllegalStateException.class, period::exact);
        assertTrue(e.getMessage().contains("P7D"), e.getMessage());
    }

    @Test
    void monthsAreRefusedWithTheFullExplanation() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ReviewPeriod.parse("P1M"));
        assertEquals(ACCEPTED + ": 'P1M'", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"P1M", "P1Y", "P1Y2D", "P2M7D", "P1MT5M", "p1y"})
    void monthsAndYearsAreRefused(String text) {
        assertRefused(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"P0D", "PT0S", "P0W", "PT0M", "P0DT0H", "PT0H0M0S"})
    void zeroIsRefused(String text) {
        assertRefused(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-P7D", "P-7D", "PT-5M", "-PT5M"})
    void negativeIsRefused(String text) {
        assertRefused(text);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "7", "7D", "7 days", "P", "PT", "P7", "P1DT", "PT5", "T5M", "P5MT",
            "PT5.5S", "P1.5D", "P7D ;", "P7D extra", "garbage", "P7DP7D", "PT5M5H", "P7H", "\u0660P7D"})
    void garbageIsRefused(String text) {
        assertRefused(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"P3661D", "P523W", "PT87841H", "P99999999999999999999D", "P9223372036854775807W"})
    void absurdlyLongPeriodsAreRefused(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReviewPeriod.parse(text));
        assertTrue(e.getMessage().startsWith(ACCEPTED), e.getMessage());
        assertTrue(e.getMessage().contains("at most 3660 days"), e.getMessage());
        assertTrue(e.getMessage().endsWith("'" + text + "'"), e.getMessage());
    }

    @Test
    void longestAcceptedExactDurationIsTheSameBound() {
        assertEquals(Duration.ofDays(3660), ReviewPeriod.parse("PT87840H").exact());
    }

    @ParameterizedTest
    @ValueSource(strings = {"P7D", "PT5M"})
    void survivesSerialization(String text) throws IOException, ClassNotFoundException {
        ReviewPeriod period = ReviewPeriod.parse(text);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(period);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            ReviewPeriod copy = (ReviewPeriod) in.readObject();
            assertEquals(period, copy);
            assertEquals(period.approximateLength(), copy.approximateLength());
        }
    }

    private static void assertRefused(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReviewPeriod.parse(text));
        assertEquals(ACCEPTED + ": '" + text + "'", e.getMessage());
    }
}
