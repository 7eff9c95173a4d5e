package org.district.socialmedia.accounts.control;

import jakarta.enterprise.context.ApplicationScoped;

import java.io.Serializable;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The schools and departments that have accounts in the public directory, with how many, built once
 * per version of the directory (see {@link PerVersion}): counting them reads every active account, and
 * the public page starts from this list on every first view.
 */
@ApplicationScoped
public class DirectoryUnits {

    /** A school or department of the directory; {@code accounts} counts its active accounts (at least one). */
    public record Unit(Long id, String code, String name, long accounts) implements Serializable {
    }

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private final PerVersion<List<Unit>> units = new PerVersion<>();

    /** The list at this version; {@code build} runs only when no copy of it is kept. */
    public List<Unit> of(String version, Supplier<List<Unit>> build) {
        return units.get(version, build);
    }

    /**
     * The units whose name or code contains the text, in the list's order. Capitals and accents do not
     * count: someone typing "jose marti" is looking for "José Martí Elementary". Blank text matches all.
     */
    public static List<Unit> matching(List<Unit> units, String text) {
        String wanted = fold(text);
        if (wanted.isEmpty()) {
            return units;
        }
        return units.stream().filter(u -> fold(u.name()).contains(wanted) || fold(u.code()).contains(wanted)).toList();
    }

    static String fold(String text) {
        if (text == null) {
            return "";
        }
        String spaced = text.strip().replaceAll("\\s+", " ");
        return MARKS.matcher(Normalizer.normalize(spaced, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
    }
}
