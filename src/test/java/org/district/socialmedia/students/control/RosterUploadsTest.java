package org.district.socialmedia.students.control;

import org.district.socialmedia.platform.entity.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each refusal of an uploaded roster zip, with zips built here, and what is left on disk after it. */
class RosterUploadsTest {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final String USERS = "sourcedId,role,givenName,familyName,identifier\r\n"
            + "stu-1,student,Zoë,Ñúñez,100001\r\nstu-2,student,Ava,Nguyen,100002";

    @TempDir
    Path root;

    private final RosterZipLimits limits = RosterZipLimits.DEFAULTS;

    @Test
    void aGoodZipWithBomCrlfAndAnInnerFolderIsUnpackedAsItWas() throws Exception {
        byte[] users = concat(BOM, USERS.getBytes(StandardCharsets.UTF_8));
        byte[] manifest = "propertyName,value\r\nfile.users,bulk\r\n".getBytes(StandardCharsets.UTF_8);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("export/", new byte[0]);
        entries.put("export/Manifest.csv", manifest);
        entries.put("export/users.csv", users);
        entries.put("export/README.txt", new byte[]{(byte) 0xFF, 0x00});
        entries.put("__MACOSX/export/._users.csv", new byte[]{0x00, 0x05, 0x16, 0x07, (byte) 0xFF});
        byte[] zip = zip(entries);

        CheckedUpload upload = uploads().receive(new ByteArrayInputStream(zip));

        assertEquals(List.of("manifest.csv", "users.csv"), upload.files());
        assertArrayEquals(users, Files.readAllBytes(upload.folder().resolve("users.csv")), "BOM and CRLF kept as sent");
        assertArrayEquals(manifest, Files.readAllBytes(upload.folder().resolve("manifest.csv")));
        try (Stream<Path> files = Files.list(upload.folder())) {
            assertEquals(List.of("manifest.csv", "upload.zip", "users.csv"), files.map(f -> f.getFileName().toString()).sorted().toList(),
                    "only the CSV files are kept, and the zip as uploaded");
        }
        assertArrayEquals(zip, Files.readAllBytes(upload.zip()), "the zip byte for byte, to keep with its run");
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(zip)), upload.sha256());
        assertEquals(zip.length, upload.zipBytes());
        assertEquals(users.length + manifest.length + 2 + 5, upload.unzippedBytes());
        assertEquals(root, upload.folder().getParent());

        uploads().discard(upload);
        assertFalse(Files.exists(upload.folder()));
    }

    @Test
    void aRunsFolderIsUnpackedAgainFromItsKeptZipReplacingWhatWasLeft() throws Exception {
        byte[] users = USERS.getBytes(StandardCharsets.UTF_8);
        byte[] zip = zip(Map.of("users.csv", users));
        RosterUploads uploads = uploads();
        Path folder = uploads.assign(uploads.receive(new ByteArrayInputStream(zip)), 7L);
        assertEquals(uploads.forRun(7L), folder);
        Files.writeString(folder.resolve("users.csv"), "left half written by a server that died");

        Path again = uploads.restore(7L, new ByteArrayInputStream(zip));
        assertEquals(folder, again);
        assertArrayEquals(users, Files.readAllBytes(again.resolve("users.csv")));
        uploads.discard(7L);
        assertFalse(Files.exists(folder));
        uploads.discard(7L); // gone already: no error
    }

    @Test
    void aRequestStoresTheZipAndItsJobChecksAndUnpacksItTellingHowFarItIs() throws Exception {
        byte[] users = USERS.getBytes(StandardCharsets.UTF_8);
        byte[] manifest = "propertyName,value\r\nfile.users,bulk\r\n".getBytes(StandardCharsets.UTF_8);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("export/manifest.csv", manifest);
        entries.put("export/users.csv", users);
        entries.put("export/README.txt", new byte[]{(byte) 0xFF});
        byte[] zip = zip(entries);
        RosterUploads uploads = uploads();

        RosterUploads.StoredUpload stored = uploads.store(new ByteArrayInputStream(zip));
        assertEquals(List.of("manifest.csv", "users.csv"), stored.directory().files());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(zip)), stored.sha256());
        assertEquals(zip.length, stored.zipBytes());
        try (Stream<Path> files = Files.list(stored.folder())) {
            assertEquals(List.of("upload.zip"), files.map(f -> f.getFileName().toString()).toList(), "nothing unpacked yet");
        }
        uploads.assign(stored, 9L);
        assertTrue(Files.isRegularFile(uploads.pending(9L).resolve(RosterUploads.ZIP)));
        assertFalse(Files.exists(uploads.forRun(9L)), "not checked, so not the run's folder yet");

        List<String> told = new ArrayList<>();
        CheckedUpload checked = uploads.unpackPending(9L, (file, filesRead, filesTotal, rows) ->
                told.add(file + " " + filesRead + "/" + filesTotal + " " + rows));
        // a figure per buffer unpacked: the last of each file is its line count so far
        assertTrue(told.contains("manifest.csv (checking the upload) 0/2 2"), told.toString());
        assertEquals("users.csv (checking the upload) 1/2 2", told.get(told.size() - 1));
        assertEquals(List.of("manifest.csv", "users.csv"), checked.files());
        assertArrayEquals(users, Files.readAllBytes(checked.folder().resolve("users.csv")));
        assertEquals(stored.sha256(), checked.sha256());

        Path folder = uploads.assign(checked, 9L);
        assertEquals(uploads.forRun(9L), folder);
        assertFalse(Files.exists(uploads.pending(9L)));
        uploads.discard(9L);
        assertFalse(Files.exists(folder));
    }

    @Test
    void aCheckCutShortByACrashStartsAgainFromTheStoredZip() throws Exception {
        RosterUploads uploads = uploads();
        uploads.assign(uploads.store(new ByteArrayInputStream(zip(Map.of("users.csv", USERS.getBytes(StandardCharsets.UTF_8))))), 4L);
        Files.writeString(uploads.pending(4L).resolve("users.csv"), "half of it, by a server that died");
        CheckedUpload checked = uploads.unpackPending(4L, OneRosterParser.Progress.NONE);
        assertEquals(USERS, Files.readString(checked.folder().resolve("users.csv")));
        uploads.discard(4L);
        assertFalse(Files.exists(uploads.pending(4L)));
    }

    @Test
    void anEntryCompressedTooFarIsABomb() throws IOException {
        byte[] zeros = new byte[8 * 1024 * 1024]; // deflates about 1000:1
        String message = refused(zip(Map.of("users.csv", zeros)));
        assertTrue(message.contains("users.csv") && message.contains("compressed more than 200 to 1")
                && message.contains(RosterZipLimits.RATIO_ENV), message);
    }

    @Test
    void aSmallEntryMayBeCompressedFar() throws IOException {
        byte[] header = ("sourcedId" + ",".repeat(100_000) + "\n").getBytes(StandardCharsets.US_ASCII);
        CheckedUpload upload = uploads().receive(new ByteArrayInputStream(zip(Map.of("users.csv", header))));
        assertEquals(header.length, Files.size(upload.folder().resolve("users.csv")));
    }

    @Test
    void tooMuchUnpackedInAllIsABombEvenWhenEachEntryIsModest() throws IOException {
        RosterZipLimits small = new RosterZipLimits(limits.uploadMaxBytes(), 3 * 1024 * 1024, limits.maxRatio(), 10);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("users.csv", randomAscii(2 * 1024 * 1024, 1));
        entries.put("enrollments.csv", randomAscii(2 * 1024 * 1024, 2));
        String message = refused(new RosterUploads(root, small), zip(entries));
        assertTrue(message.contains("unpacks to more than 3 MiB") && message.contains(RosterZipLimits.UNZIPPED_MAX_ENV),
                message);
    }

    @Test
    void anUploadPastItsLimitIsRefused() throws IOException {
        RosterZipLimits small = new RosterZipLimits(100_000, limits.unzippedMaxBytes(), limits.maxRatio(), 10);
        String message = refused(new RosterUploads(root, small), zip(Map.of("users.csv", randomAscii(300_000, 3))));
        assertTrue(message.contains("larger than 100000 bytes") && message.contains(RosterZipLimits.UPLOAD_MAX_ENV),
                message);
    }

    @Test
    void anEntryWithDotDotIsRefused() throws IOException {
        String message = refused(zip(Map.of("export/../../etc/users.csv", USERS.getBytes(StandardCharsets.UTF_8))));
        assertTrue(message.contains("\"export/../../etc/users.csv\"") && message.contains("\"..\""), message);
    }

    @Test
    void anAbsolutePathIsRefusedInEitherSpelling() throws IOException {
        for (String name : List.of("/tmp/users.csv", "C:\\export\\users.csv", "\\\\server\\share\\users.csv")) {
            String message = refused(zip(Map.of(name, USERS.getBytes(StandardCharsets.UTF_8))));
            assertTrue(message.contains("is an absolute path"), name + ": " + message);
        }
    }

    @Test
    void notUtf8IsRefusedWithTheFileAndTheByte() throws IOException {
        byte[] latin1 = "sourcedId,givenName\r\nstu-1,Zoë\r\n".getBytes(StandardCharsets.ISO_8859_1);
        String message = refused(zip(Map.of("export/users.csv", latin1)));
        assertTrue(message.startsWith("users.csv is not UTF-8: byte 29 "), message);
    }

    @Test
    void aBadByteFarInIsFoundAtItsOffset() throws IOException {
        byte[] big = randomAscii(3 * 64 * 1024 + 17, 4);
        big[big.length - 5] = (byte) 0xC3; // a lead byte followed by ASCII
        String message = refused(zip(Map.of("enrollments.csv", big)));
        assertTrue(message.startsWith("enrollments.csv is not UTF-8: byte " + (big.length - 5) + " "), message);
    }

    @Test
    void aCharacterCutAtTheEndOfTheFileIsRefused() throws IOException {
        byte[] cut = concat("stu-1,Zo".getBytes(StandardCharsets.UTF_8), new byte[]{(byte) 0xC3});
        String message = refused(zip(Map.of("users.csv", cut)));
        assertTrue(message.startsWith("users.csv is not UTF-8: byte 8 "), message);
    }

    @Test
    void utf16IsNotUtf8() throws IOException {
        byte[] utf16 = "sourcedId\r\n".getBytes(StandardCharsets.UTF_16LE);
        String message = refused(zip(Map.of("users.csv", concat(new byte[]{(byte) 0xFF, (byte) 0xFE}, utf16))));
        assertTrue(message.startsWith("users.csv is not UTF-8: byte 0 "), message);
    }

    @Test
    void somethingElseThanAZipIsRefused() {
        String message = refused("sourcedId,role\nstu-1,student\n".getBytes(StandardCharsets.UTF_8));
        assertTrue(message.contains("not a zip"), message);
    }

    @Test
    void aZipCutShortIsRefused() throws IOException {
        byte[] zip = zip(Map.of("users.csv", randomAscii(200_000, 5)));
        byte[] cut = new byte[zip.length / 2];
        System.arraycopy(zip, 0, cut, 0, cut.length);
        String message = refused(cut);
        assertTrue(message.contains("ends early") || message.contains("cannot be read"), message);
    }

    @Test
    void theSameFileTwiceIsRefused() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("a/users.csv", USERS.getBytes(StandardCharsets.UTF_8));
        entries.put("b/USERS.csv", USERS.getBytes(StandardCharsets.UTF_8));
        String message = refused(zip(entries));
        assertTrue(message.contains("users.csv twice (a/users.csv and b/USERS.csv)"), message);
    }

    @Test
    void theFolderDefaultsUnderTheServersDataFolder() {
        assertEquals(Path.of("/srv/wildfly/data", "roster-uploads"), RosterUploads.folder(name -> null, "/srv/wildfly/data"));
        assertEquals(Path.of("/var/roster"), RosterUploads.folder(Map.of(RosterUploads.DIR_ENV, "/var/roster")::get, "/x"));
    }

    @Test
    void theLimitsComeFromTheEnvironmentInBytesOrBinaryUnits() {
        RosterZipLimits read = RosterZipLimits.fromEnvironment(Map.of(RosterZipLimits.UPLOAD_MAX_ENV, "512M",
                RosterZipLimits.UNZIPPED_MAX_ENV, "10GB", RosterZipLimits.RATIO_ENV, "50")::get);
        assertEquals(new RosterZipLimits(512L * 1024 * 1024, 10 * RosterZipLimits.GIB, 50, 1000), read);
        assertEquals(RosterZipLimits.DEFAULTS, RosterZipLimits.fromEnvironment(name -> null));
        assertTrue(RosterZipLimits.DEFAULTS.unzippedMaxBytes() >= 4 * RosterZipLimits.GIB, "a full District's export");
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> RosterZipLimits.fromEnvironment(Map.of(RosterZipLimits.RATIO_ENV, "lots")::get));
        assertTrue(bad.getMessage().startsWith(RosterZipLimits.RATIO_ENV + " is 'lots'"), bad.getMessage());
    }

    private RosterUploads uploads() {
        return new RosterUploads(root, limits);
    }

    private String refused(byte[] zip) {
        return refused(uploads(), zip);
    }

    /** The refusal's message; and nothing left in the upload folder. */
    /**
     * The refusal's message; and nothing left in the upload folder. The same zip is refused with the same
     * message when a request stores it and its job checks it (at the request when the zip's directory shows
     * what is wrong, else by the job), except that a zip too damaged to read is named so in other words.
     */
    private String refused(RosterUploads uploads, byte[] zip) {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> uploads.receive(new ByteArrayInputStream(zip)));
        assertEquals(List.of(RosterZipCheck.FIELD), List.copyOf(e.getFieldErrors().keySet()));
        assertNothingLeft();
        String message = e.getFieldErrors().get(RosterZipCheck.FIELD);

        InvalidInputException inSteps = assertThrows(InvalidInputException.class, () -> {
            uploads.assign(uploads.store(new ByteArrayInputStream(zip)), 3L);
            uploads.unpackPending(3L, OneRosterParser.Progress.NONE);
        });
        uploads.discard(3L);
        assertNothingLeft();
        String stepMessage = inSteps.getFieldErrors().get(RosterZipCheck.FIELD);
        if (message.contains("not a zip") || message.contains("ends early") || message.contains("cannot be read")) {
            assertTrue(stepMessage.contains("not a zip") || stepMessage.contains("ends early")
                    || stepMessage.contains("cannot be read"), stepMessage);
        } else {
            assertEquals(message, stepMessage);
        }
        return message;
    }

    private void assertNothingLeft() {
        try (Stream<Path> left = Files.list(root)) {
            assertEquals(List.of(), left.toList(), "nothing left behind");
        } catch (IOException io) {
            throw new AssertionError(io);
        }
    }

    static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** Letters and digits that deflate only about 1.3:1, in lines. */
    static byte[] randomAscii(int length, long seed) {
        Random random = new Random(seed);
        byte[] bytes = new byte[length];
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789,";
        for (int i = 0; i < length; i++) {
            bytes[i] = i % 80 == 79 ? (byte) '\n' : (byte) alphabet.charAt(random.nextInt(alphabet.length()));
        }
        return bytes;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
