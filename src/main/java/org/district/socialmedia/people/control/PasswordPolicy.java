package org.district.socialmedia.people.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a password set in the portal must be (OWASP ASVS 5.0, 6.2): at least {@link #MIN_LENGTH}
 * characters, more than ASVS's minimum of 8, and not one of the 10,000 most common passwords shipped
 * in {@code security/common-passwords.txt} (compared ignoring case). No composition rules: ASVS asks
 * for none. The demo users' password "demo" is set only by DemoData, on a dev run.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    /** PBKDF2 takes any length; the bound keeps a pasted novel from costing a second of CPU per hash. */
    public static final int MAX_LENGTH = 200;
    static final String COMMON_PASSWORDS = "/security/common-passwords.txt";

    private static final Set<String> COMMON = load();

    private PasswordPolicy() {
    }

    /** Why the password cannot be used, in words for the person typing it; empty when it can. */
    public static Optional<String> problem(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("A password has at least " + MIN_LENGTH + " characters; a few words make a good one");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("A password has at most " + MAX_LENGTH + " characters");
        }
        if (isCommon(password)) {
            return Optional.of("This password is on the list of the most common passwords; choose another");
        }
        return Optional.empty();
    }

    static boolean isCommon(String password) {
        return COMMON.contains(password.toLowerCase(Locale.ROOT));
    }

    private static Set<String> load() {
        Set<String> common = new HashSet<>(16_384);
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(COMMON_PASSWORDS)) {
            if (in == null) {
                throw new IllegalStateException(COMMON_PASSWORDS + " is missing from the application");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isEmpty() && !line.startsWith("#")) {
                    common.add(line.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(common);
    }
}
