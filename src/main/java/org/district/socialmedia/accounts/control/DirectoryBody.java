package org.district.socialmedia.accounts.control;

import jakarta.enterprise.context.ApplicationScoped;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;

/**
 * The whole public directory's JSON, built once per version of the directory (see {@link PerVersion}):
 * building it reads every active account, 100,000 at district scale.
 */
@ApplicationScoped
public class DirectoryBody {

    private final PerVersion<byte[]> json = new PerVersion<>();
    private final PerVersion<byte[]> gzipped = new PerVersion<>();

    /** The JSON of the directory at this version; {@code build} runs only when no copy of it is kept. */
    public byte[] json(String version, Supplier<byte[]> build) {
        return json.get(version, build);
    }

    /**
     * The same JSON gzip-compressed, for clients that accept it: 13 MB at district scale shrink about
     * tenfold, and compressing once per version costs less than compressing on every request.
     */
    public byte[] gzipped(String version, Supplier<byte[]> build) {
        return gzipped.get(version, () -> gzip(json(version, build)));
    }

    static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, plain.length / 8));
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot compress in memory", e);
        }
        return out.toByteArray();
    }
}
