package org.district.socialmedia.students.control;

import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * What an uploaded roster zip may be: its own size, what it unpacks to in all, how far one entry may be
 * compressed, and how many entries it may hold. Sized for a full District: its enrollments.csv alone
 * unpacks to about 1.7 GB and the whole export to about 3 GB, zipped to a few hundred MB.
 *
 * @param uploadMaxBytes   the zip as uploaded (ROSTER_UPLOAD_MAX_BYTES)
 * @param unzippedMaxBytes all entries together, unpacked (ROSTER_UNZIPPED_MAX_BYTES)
 * @param maxRatio         unpacked to packed bytes of one entry, checked once it is past {@link #RATIO_FROM} (ROSTER_ZIP_MAX_RATIO)
 * @param maxEntries       entries in the zip, folders included
 */
public record RosterZipLimits(long uploadMaxBytes, long unzippedMaxBytes, long maxRatio, int maxEntries) {

    public static final String UPLOAD_MAX_ENV = "ROSTER_UPLOAD_MAX_BYTES";
    public static final String UNZIPPED_MAX_ENV = "ROSTER_UNZIPPED_MAX_BYTES";
    public static final String RATIO_ENV = "ROSTER_ZIP_MAX_RATIO";

    public static final long GIB = 1024L * 1024 * 1024;
    /** Small entries (a manifest of a few lines) may be compressed far more than 100:1 without being a bomb. */
    public static final long RATIO_FROM = 1024L * 1024;
    /**
     * CSV exports compress 5:1 to 20:1; deflate cannot go past about 1030:1, which is what zip bombs use.
     */
    public static final RosterZipLimits DEFAULTS = new RosterZipLimits(2 * GIB, 8 * GIB, 200, 1000);

    public RosterZipLimits {
        if (uploadMaxBytes < 1 || unzippedMaxBytes < 1 || maxRatio < 1 || maxEntries < 1) {
            throw new IllegalArgumentException("roster zip limits must be positive");
        }
    }

    /**
     * The defaults, each replaced by its environment variable when set.
     *
     * @param environment {@code System::getenv} in the server; a map's {@code get} in tests
     * @throws IllegalArgumentException naming the variable whose value is no size or number
     */
    public static RosterZipLimits fromEnvironment(UnaryOperator<String> environment) {
        return new RosterZipLimits(
                bytes(environment, UPLOAD_MAX_ENV, DEFAULTS.uploadMaxBytes),
                bytes(environment, UNZIPPED_MAX_ENV, DEFAULTS.unzippedMaxBytes),
                bytes(environment, RATIO_ENV, DEFAULTS.maxRatio),
                DEFAULTS.maxEntries);
    }

    /** {@code 2147483648}, {@code 2048M}, {@code 2G}, {@code 2GB} (binary units); blank: the default. */
    static long bytes(UnaryOperator<String> environment, String name, long fallback) {
        String value = environment.apply(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String text = value.trim().toUpperCase(Locale.ROOT);
        if (text.endsWith("B") && text.length() > 1 && !Character.isDigit(text.charAt(text.length() - 2))) {
            text = text.substring(0, text.length() - 1);
        }
        long unit = switch (text.charAt(text.length() - 1)) {
            case 'K' -> 1024L;
            case 'M' -> 1024L * 1024;
            case 'G' -> GIB;
            case 'T' -> 1024 * GIB;
            default -> 1;
        };
        if (unit > 1) {
            text = text.substring(0, text.length() - 1).trim();
        }
        try {
            long number = Long.parseLong(text);
            if (number < 1 || number > Long.MAX_VALUE / unit) {
                throw new NumberFormatException();
            }
            return number * unit;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " is '" + value + "': give a positive whole number, optionally"
                    + " followed by K, M or G");
        }
    }
}
