package org.district.socialmedia.people.control;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordPolicyTest {

    @Test
    void theMinimumIsAtLeastWhatAsvsAsks() {
        assertTrue(PasswordPolicy.MIN_LENGTH >= 8, "OWASP ASVS 5.0, 6.2.1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "demo", "abcdefg", "eleven char"})
    void aShortPasswordIsRefusedSayingTheMinimum(String password) {
        Optional<String> problem = PasswordPolicy.problem(password);
        assertTrue(problem.isPresent());
        assertTrue(problem.get().contains("at least " + PasswordPolicy.MIN_LENGTH + " characters"), problem.get());
    }

    @Test
    void aMissingPasswordIsRefused() {
        assertTrue(PasswordPolicy.problem(null).isPresent());
    }

    @Test
    void charactersAreCountedNotUtf16Units() {
        // eleven emoji are 22 UTF-16 units but only 11 characters
        assertTrue(PasswordPolicy.problem("\uD83D\uDE00".repeat(11)).isPresent());
        assertEquals(Optional.empty(), PasswordPolicy.problem("\uD83D\uDE00".repeat(12)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1qaz2wsx3edc", "123qweasdzxc", "q1w2e3r4t5y6", "123456789012", "Q1W2E3R4T5Y6"})
    void aCommonPasswordIsRefusedWhateverItsCase(String password) {
        Optional<String> problem = PasswordPolicy.problem(password);
        assertTrue(problem.isPresent(), password);
        assertTrue(problem.get().contains("most common passwords"), problem.get());
    }

    @Test
    void theShippedListHoldsTheWellKnownOnes() {
        for (String common : new String[]{"password", "12345678", "iloveyou", "sunshine", "qwertyuiop"}) {
            assertTrue(PasswordPolicy.isCommon(common), common);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"a long password 123", "correct horse battery staple", "Lincoln-High-2026-spring!"})
    void anUncommonPasswordOfTheMinimumLengthIsAccepted(String password) {
        assertEquals(Optional.empty(), PasswordPolicy.problem(password));
    }

    @Test
    void anAbsurdlyLongPasswordIsRefused() {
        assertEquals(Optional.empty(), PasswordPolicy.problem("x1".repeat(PasswordPolicy.MAX_LENGTH / 2)));
        assertTrue(PasswordPolicy.problem("x1".repeat(PasswordPolicy.MAX_LENGTH / 2) + "z").isPresent());
    }
}
