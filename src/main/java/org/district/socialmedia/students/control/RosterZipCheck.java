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
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
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
    /** After a file's name in the reading's progress while {@link #unpack} checks it. */
    public static final String CHECKING = " (checking the upload)";

    private final RosterZipLimits limits;

    public RosterZipCheck(RosterZipLimits limits) {
        this.limits = limits;
    }

    /** What a zip's central directory names: its CSV files to keep, by the names they get in the folder. */
    public record Directory(List<String> files, long declaredBytes) {

        public Directory {
            files = List.copyOf(files);
        }
    }

    /** A zip as received, copied to a file: its SHA-256 (lower-case hex) and size. */
    public record Copy(String sha256, long bytes) {
    }

    /**
     * Copies an upload as it arrives, counted against the upload's limit and digested; nothing is unpacked.
     *
     * @param zip read to its end, not closed
     * @throws InvalidInputException naming the field {@value #FIELD} when the upload is past its limit
     * @throws IOException           when {@code out} cannot be written, or the client stopped sending
     */
    public Copy copy(InputStream zip, OutputStream out) throws IOException {
        Counted raw = new Counted(zip, digest(), limits.uploadMaxBytes());
        try {
            raw.transferTo(out);
        } catch (Counted.TooLarge e) {
            throw tooLarge();
        }
        return new Copy(HexFormat.of().formatHex(raw.digest.digest()), raw.count);
    }

    /**
     * Reads a zip's central directory only (seconds at most, whatever the zip's size) and refuses what it shows
     * already: not a zip, too many entries, a name with {@code ..} or an absolute path, a CSV file twice, more
     * unpacked bytes, or a higher ratio, than the limits allow. What the directory does not show (sizes it
     * understates, bytes that are not UTF-8) is {@link #unpack}'s to find, which checks everything again.
     *
     * @throws InvalidInputException naming the field {@value #FIELD}, with what was wrong
     */
    public Directory directory(Path zip) throws IOException {
        Map<String, String> kept = new LinkedHashMap<>();
        long declared = 0;
        int entries = 0;
        try (ZipFile file = new ZipFile(zip.toFile(), StandardCharsets.UTF_8)) {
            Enumeration<? extends ZipEntry> all = file.entries();
            while (all.hasMoreElements()) {
                ZipEntry entry = all.nextElement();
                Admitted admitted = admit(entry, ++entries, kept);
                if (admitted == null) {
                    continue;
                }
                String name = admitted.name();
                if (admitted.file() != null) {
                    kept.put(admitted.file(), name);
                }
                long size = Math.max(0, entry.getSize());
                declared += size;
                if (declared > limits.unzippedMaxBytes()) {
                    throw unzippedTooLarge();
                }
                if (size > RosterZipLimits.RATIO_FROM && size / Math.max(1, entry.getCompressedSize()) > limits.maxRatio()) {
                    throw ratio(name);
                }
            }
        } catch (ZipException | IllegalArgumentException e) {
            throw refused("The upload is not a zip, or a damaged one (" + e.getMessage() + "): upload the zip of the"
                    + " SIS's OneRoster 1.1 CSV export");
        }
        if (entries == 0) {
            throw notAZip();
        }
        return new Directory(new ArrayList<>(kept.keySet()), declared);
    }

    /**
     * @param zip    read to its end, not closed
     * @param folder an empty folder that exists
     * @throws InvalidInputException naming the field {@value #FIELD}, with what was wrong and where
     * @throws IOException           when the folder cannot be written (the server's fault, not the file's)
     */
    public CheckedUpload unpack(InputStream zip, Path folder) throws IOException {
        return unpack(zip, folder, OneRosterParser.Progress.NONE, 0);
    }

    /**
     * As {@link #unpack(InputStream, Path)}, telling {@code progress} which CSV file is being checked and how many
     * of its rows (lines) are, its name followed by {@value #CHECKING}.
     *
     * @param filesTotal the CSV files to check, from {@link #directory}
     */
    public CheckedUpload unpack(InputStream zip, Path folder, OneRosterParser.Progress progress, int filesTotal)
            throws IOException {
        // ZipInputStream reads 512 bytes at a time: buffered below the count, which stays exact
        Counted raw = new Counted(new BufferedInputStream(zip, BUFFER), digest(), limits.uploadMaxBytes());
        Map<String, String> kept = new LinkedHashMap<>();
        long unzipped = 0;
        int entries = 0;
        try {
            ZipInputStream in = new ZipInputStream(raw, StandardCharsets.UTF_8);
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                Admitted admitted = admit(entry, ++entries, kept);
                if (admitted == null) {
                    continue;
                }
                String name = admitted.name();
                String file = admitted.file();
                boolean keep = file != null;
                Entry counted = new Entry(in, raw, name, unzipped);
                if (keep) {
                    int done = kept.size();
                    kept.put(file, name);
                    try (OutputStream out = Files.newOutputStream(folder.resolve(file), StandardOpenOption.CREATE_NEW)) {
                        copyCheckingUtf8(counted, out, file, lines -> progress.reading(file + CHECKING, done,
                                Math.max(filesTotal, done + 1), lines));
                    }
                } else {
                    counted.transferTo(OutputStream.nullOutputStream());
                }
                unzipped = counted.total;
            }
            // the central directory after the last entry: part of the upload's size and checksum
            raw.transferTo(OutputStream.nullOutputStream());
        } catch (Counted.TooLarge e) {
            throw tooLarge();
        } catch (EOFException e) {
            throw refused("The zip ends early, at byte " + raw.count + ": the upload was cut short or the file is damaged");
        } catch (ZipException | IllegalArgumentException e) {
            // IllegalArgumentException: an entry name that is not UTF-8 (ZipInputStream's "MALFORMED")
            throw refused("The zip cannot be read at byte " + raw.count + " of the upload: " + e.getMessage());
        }
        if (entries == 0) {
            throw notAZip();
        }
        return new CheckedUpload(folder, HexFormat.of().formatHex(raw.digest.digest()), raw.count, unzipped,
                new ArrayList<>(kept.keySet()));
    }

    /** An entry past the checks of its name: {@code file} the name it is kept under, null for one read and dropped. */
    private record Admitted(String name, String file) {
    }

    /**
     * The checks of an entry that its directory record shows, the same whether the directory or the stream is
     * read: the count of entries, the name, a CSV file twice; null for a folder.
     */
    private Admitted admit(ZipEntry entry, int entries, Map<String, String> kept) {
        if (entries > limits.maxEntries()) {
            throw tooManyEntries();
        }
        String name = checkedName(entry.getName());
        if (entry.isDirectory()) {
            return null;
        }
        String file = keptName(name);
        if (file != null && kept.containsKey(file)) {
            throw twice(file, kept.get(file), name);
        }
        return new Admitted(name, file);
    }

    /** The name a CSV entry gets in the folder (lower case, without the zip's folders); null for one not kept. */
    private static String keptName(String name) {
        String file = name.substring(name.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return file.endsWith(CSV) && !file.startsWith("._") && !name.startsWith("__MACOSX/") ? file : null;
    }

    private InvalidInputException tooManyEntries() {
        return refused("The zip holds more than " + limits.maxEntries() + " entries; a OneRoster export holds a dozen files");
    }

    private static InvalidInputException twice(String file, String first, String second) {
        return refused("The zip holds " + file + " twice (" + first + " and " + second + "): zip one export at a time");
    }

    private InvalidInputException tooLarge() {
        return refused("The upload is larger than " + size(limits.uploadMaxBytes()) + " (" + RosterZipLimits.UPLOAD_MAX_ENV + ")");
    }

    private InvalidInputException unzippedTooLarge() {
        return refused("The zip unpacks to more than " + size(limits.unzippedMaxBytes()) + " ("
                + RosterZipLimits.UNZIPPED_MAX_ENV + "); refused as a possible zip bomb");
    }

    private InvalidInputException ratio(String name) {
        return refused("The zip entry \"" + name + "\" is compressed more than " + limits.maxRatio() + " to 1 ("
                + RosterZipLimits.RATIO_ENV + "); refused as a possible zip bomb");
    }

    private static InvalidInputException notAZip() {
        return refused("The upload is not a zip, or an empty one: upload the zip of the SIS's OneRoster 1.1 CSV export");
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

    /**
     * Copies while decoding as UTF-8 (no characters kept), so a bad byte is found with its offset; tells
     * {@code lines} how many line ends it has copied, a buffer at a time.
     */
    private static void copyCheckingUtf8(InputStream in, OutputStream out, String file, IntConsumer lines)
            throws IOException {
        int lineEnds = 0;
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
                for (int i = bytes.position(), last = bytes.position() + n; i < last; i++) {
                    if (bytes.array()[i] == '\n') {
                        lineEnds++;
                    }
                }
                bytes.position(bytes.position() + n);
                lines.accept(lineEnds);
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
                    throw unzippedTooLarge();
                }
                long packed = Math.max(1, raw.count - packedStart);
                if (unpacked > RosterZipLimits.RATIO_FROM && unpacked / packed > limits.maxRatio()) {
                    throw ratio(name);
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
