package org.district.socialmedia.students.control;

import org.district.socialmedia.platform.entity.InvalidInputException;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Unpacks an uploaded roster zip into a folder in one streamed pass, refusing what could harm the server or
 * the import: a zip past its size, a zip bomb (too much unpacked in all, or one entry compressed too far), an
 * entry named with {@code ..} or an absolute path, a CSV file that is not UTF-8. Nothing of the zip is held
 * in memory beyond a few buffers, whatever its size.
 * <p>
 * Kept are the {@code .csv} entries, under their lower-case file names; everything else (a README, macOS's
 * {@code __MACOSX/} copies) is read through, counted against the limits, and dropped. This class writes into
 * the folder it is given and leaves cleaning up after a refusal to its caller ({@link RosterUploads}).
 */
public final class RosterZipCheck {

    /** The field the refusals name, as the roster import's own errors do. */
    public static final String FIELD = "file";

    private static final int BUFFER = 64 * 1024;
    private static final String CSV = ".csv";

    private final RosterZipLimits limits;

    public RosterZipCheck(RosterZipLimits limits) {
        this.limits = limits;
    }

    /**
     * @param zip    read to its end, not closed
     * @param folder an empty folder that exists
     * @throws InvalidInputException naming the field {@value #FIELD}, with what was wrong and where
     * @throws IOException           when the folder cannot be written (the server's fault, not the file's)
     */
    public CheckedUpload unpack(InputStream zip, Path folder) throws IOException {
        // ZipInputStream reads 512 bytes at a time: buffered below the count, which stays exact
        Counted raw = new Counted(new BufferedInputStream(zip, BUFFER), digest(), limits.uploadMaxBytes());
        Map<String, String> kept = new LinkedHashMap<>();
        long unzipped = 0;
        int entries = 0;
        try {
            ZipInputStream in = new ZipInputStream(raw, StandardCharsets.UTF_8);
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                entries++;
                if (entries > limits.maxEntries()) {
                    throw refused("The zip holds more than " + limits.maxEntries() + " entries; a OneRoster export"
                            + " holds a dozen files");
                }
                String name = checkedName(entry.getName());
                if (entry.isDirectory()) {
                    continue;
                }
                String file = name.substring(name.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
                boolean keep = file.endsWith(CSV) && !file.startsWith("._") && !name.startsWith("__MACOSX/");
                if (keep && kept.containsKey(file)) {
                    throw refused("The zip holds " + file + " twice (" + kept.get(file) + " and " + name
                            + "): zip one export at a time");
                }
                Entry counted = new Entry(in, raw, name, unzipped);
                if (keep) {
                    kept.put(file, name);
                    try (OutputStream out = Files.newOutputStream(folder.resolve(file), StandardOpenOption.CREATE_NEW)) {
                        copyCheckingUtf8(counted, out, file);
                    }
                } else {
                    counted.transferTo(OutputStream.nullOutputStream());
                }
                unzipped = counted.total;
            }
            // the central directory after the last entry: part of the upload's size and checksum
            raw.transferTo(OutputStream.nullOutputStream());
        } catch (Counted.TooLarge e) {
            throw refused("The upload is larger than " + size(limits.uploadMaxBytes()) + " ("
                    + RosterZipLimits.UPLOAD_MAX_ENV + ")");
        } catch (EOFException e) {
            throw refused("The zip ends early, at byte " + raw.count + ": the upload was cut short or the file is damaged");
        } catch (ZipException | IllegalArgumentException e) {
            // IllegalArgumentException: an entry name that is not UTF-8 (ZipInputStream's "MALFORMED")
            throw refused("The zip cannot be read at byte " + raw.count + " of the upload: " + e.getMessage());
        }
        if (entries == 0) {
            throw refused("The upload is not a zip, or an empty one: upload the zip of the SIS's OneRoster 1.1 CSV export");
        }
        return new CheckedUpload(folder, HexFormat.of().formatHex(raw.digest.digest()), raw.count, unzipped,
                new ArrayList<>(kept.keySet()));
    }

    /** The entry's name with '/' as separator, refused when it could point outside the folder. */
    private static String checkedName(String entryName) {
        String name = entryName.replace('\\', '/');
        if (name.startsWith("/") || name.matches("^[A-Za-z]:.*")) {
            throw refused("The zip entry \"" + entryName + "\" is an absolute path; a roster zip holds relative"
                    + " names only");
        }
        for (String segment : name.split("/")) {
            if (segment.equals("..")) {
                throw refused("The zip entry \"" + entryName + "\" contains \"..\" and would point outside the"
                        + " upload folder");
            }
        }
        if (name.indexOf('\0') >= 0) {
            throw refused("The zip entry \"" + entryName.replace('\0', '?') + "\" contains a NUL character");
        }
        return name;
    }

    /** Copies while decoding as UTF-8 (no characters kept), so a bad byte is found with its offset. */
    private static void copyCheckingUtf8(InputStream in, OutputStream out, String file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(BUFFER);
        CharBuffer chars = CharBuffer.allocate(BUFFER);
        long start = 0; // the file's offset of bytes' first byte
        while (true) {
            int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
            boolean end = n < 0;
            if (!end) {
                out.write(bytes.array(), bytes.position(), n);
                bytes.position(bytes.position() + n);
            }
            bytes.flip();
            CoderResult result;
            do {
                result = decoder.decode(bytes, chars, end);
                chars.clear();
            } while (result.isOverflow());
            if (result.isError() || (end && bytes.hasRemaining())) {
                throw refused(file + " is not UTF-8: byte " + (start + bytes.position()) + " (counted from 0)"
                        + " starts no valid UTF-8 character. Export the roster as UTF-8");
            }
            if (end) {
                return;
            }
            start += bytes.position();
            bytes.compact();
        }
    }

    private static InvalidInputException refused(String message) {
        return new InvalidInputException(FIELD, message);
    }

    static String size(long bytes) {
        if (bytes % RosterZipLimits.GIB == 0) {
            return bytes / RosterZipLimits.GIB + " GiB";
        }
        if (bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MiB";
        }
        return bytes + " bytes";
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** The upload as read: counted (and refused past its limit) and digested. */
    private static final class Counted extends FilterInputStream {

        static final class TooLarge extends IOException {
        }

        final MessageDigest digest;
        final long limit;
        long count;

        Counted(InputStream in, MessageDigest digest, long limit) {
            super(in);
            this.digest = digest;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                digest.update((byte) b);
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                digest.update(buffer, offset, n);
                counted(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            // read, not skipped: every byte goes into the checksum
            return read(new byte[(int) Math.min(n, BUFFER)]);
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        private void counted(long n) throws TooLarge {
            count += n;
            if (count > limit) {
                throw new TooLarge();
            }
        }
    }

    /**
     * One entry's unpacked bytes, counted against the total and its own compression ratio. The packed
     * bytes are what the zip stream took from the upload since the entry began: the inflater reads a little
     * ahead, so the ratio is, if anything, underestimated by a few hundred bytes.
     */
    private final class Entry extends FilterInputStream {

        final String name;
        final long packedStart;
        final Counted raw;
        long unpacked;
        long total;

        Entry(InputStream in, Counted raw, String name, long totalBefore) {
            super(in);
            this.raw = raw;
            this.name = name;
            this.packedStart = raw.count;
            this.total = totalBefore;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                unpacked += n;
                total += n;
                if (total > limits.unzippedMaxBytes()) {
                    throw refused("The zip unpacks to more than " + size(limits.unzippedMaxBytes()) + " ("
                            + RosterZipLimits.UNZIPPED_MAX_ENV + "); refused as a possible zip bomb");
                }
                long packed = Math.max(1, raw.count - packedStart);
                if (unpacked > RosterZipLimits.RATIO_FROM && unpacked / packed > limits.maxRatio()) {
                    throw refused("The zip entry \"" + name + "\" is compressed more than " + limits.maxRatio()
                            + " to 1 (" + RosterZipLimits.RATIO_ENV + "); refused as a possible zip bomb");
                }
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            return read(new byte[(int) Math.min(n, BUFFER)]);
        }

        @Override
        public void close() {
            // the zip stream goes on to the next entry
        }
    }
}
