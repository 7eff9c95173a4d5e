package org.district.socialmedia.accounts.control;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.function.Supplier;

/**
 * The whole public directory's JSON, built once per version of the directory (see {@link PerVersion}):
 * building it reads every active account, 100,000 at district scale.
 */
@ApplicationScoped
public class DirectoryBody {

    private final PerVersion<byte[]> json = new PerVersion<>();

    /** The JSON of the directory at this version; {@code build} runs only when no copy of it is kept. */
    public byte[] json(String version, Supplier<byte[]> build) {
        return json.get(version, build);
    }
}
