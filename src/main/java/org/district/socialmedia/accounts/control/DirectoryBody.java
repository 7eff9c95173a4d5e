package org.district.socialmedia.accounts.control;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.function.Supplier;

/**
 * The public directory's JSON, built once per version of the directory and kept while the version
 * holds. Building it reads every active account (100,000 at district scale); twenty anonymous clients
 * building it at once exhausted a 512 MiB server, so one builds it while the others wait for that copy.
 * Each server keeps its own copy: nothing here must be shared, and a server that never saw the change
 * builds afresh when the version it reads differs.
 */
@ApplicationScoped
public class DirectoryBody {

    private record Built(String version, byte[] json) {
    }

    private volatile Built last;

    /** The JSON of the directory at this version; {@code build} runs only when no copy of it is kept. */
    public byte[] json(String version, Supplier<byte[]> build) {
        Built known = last;
        if (known != null && known.version().equals(version)) {
            return known.json();
        }
        synchronized (this) {
            known = last;
            if (known != null && known.version().equals(version)) {
                return known.json();
            }
            byte[] json = build.get();
            last = new Built(version, json);
            return json;
        }
    }
}
