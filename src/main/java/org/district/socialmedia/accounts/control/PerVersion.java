package org.district.socialmedia.accounts.control;

import java.util.function.Supplier;

/**
 * One value built per version of the public directory and kept while that version holds. Callers
 * arriving while it is built wait for that build instead of starting their own: at 100,000 accounts,
 * twenty builds at once exhausted a 512 MiB server. Only the newest version is kept, in this server:
 * another server that never saw a version builds its own copy when asked for it.
 */
final class PerVersion<T> {

    private record Kept<T>(String version, T value) {
    }

    private volatile Kept<T> last;

    T get(String version, Supplier<T> build) {
        Kept<T> known = last;
        if (known != null && known.version().equals(version)) {
            return known.value();
        }
        synchronized (this) {
            known = last;
            if (known != null && known.version().equals(version)) {
                return known.value();
            }
            T value = build.get();
            last = new Kept<>(version, value);
            return value;
        }
    }
}
