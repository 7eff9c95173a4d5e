package org.district.socialmedia.platform.control;

import org.district.socialmedia.platform.entity.ScanType;
import org.district.socialmedia.platform.entity.InvalidInputException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Checks an uploaded file (a scan of a signed consent form, an account checklist's screenshot) before it is stored. The content decides, never the
 * name or the browser's declared type: a PNG named "form.pdf" is accepted and stored as PNG (the
 * clerk scanned a picture; refusing it would only make them rename it), an HTML page named
 * "form.pdf" is refused. Stored under a name the server makes; served only as an attachment with
 * {@link #downloadHeaders}, so a scan is never rendered inline by the browser.
 */
public final class ScanInspector {

    /** 10 MB: a multi-page 300 dpi scan fits; the upload form and the API say so. */
    public static final long MAX_BYTES = 10L * 1024 * 1024;
    private static final int SNIFF_WINDOW = 1024;

    /**
     * A scan that passed: what it is, its bytes, their SHA-256 (lowercase hex) and the name to store it under.
     *
     * @param originalName the uploader's file name, for display only (may be null)
     */
    public record InspectedScan(ScanType type, byte[] content, String sha256, String storedName, String originalName) {

        public long size() {
            return content.length;
        }
    }

    private ScanInspector() {
    }

    /**
     * Reads at most {@link #MAX_BYTES} + 1 bytes; the stream is not closed.
     *
     * @throws InvalidInputException under "scan" when empty, too large, or not a PDF, JPEG or PNG
     */
    public static InspectedScan inspect(InputStream in, String originalName) throws IOException {
        return inspect(read(in), originalName);
    }

    /**
     * The upload's bytes, read no further than {@link #MAX_BYTES} + 1: what is inspected later, once.
     *
     * @throws InvalidInputException under "scan" when larger than {@link #MAX_BYTES}
     */
    public static byte[] read(InputStream in) throws IOException {
        return read(in, "scan", "scan");
    }

    /** The same, for a file that is not a consent scan: a refusal names {@code field} and calls the file {@code what}. */
    public static byte[] read(InputStream in, String field, String what) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            total += n;
            if (total > MAX_BYTES) {
                throw tooLarge(field, what);
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** @throws InvalidInputException under "scan" when empty, too large, or not a PDF, JPEG or PNG */
    public static InspectedScan inspect(byte[] content, String originalName) {
        return inspect(content, originalName, "scan", "scan");
    }

    /**
     * The same check for a file that is not a consent scan: the error names {@code field} and calls the file {@code what}.
     *
     * @throws InvalidInputException under {@code field} when empty, too large, or not a PDF, JPEG or PNG
     */
    public static InspectedScan inspect(byte[] content, String originalName, String field, String what) {
        if (content == null || content.length == 0) {
            throw new InvalidInputException(field, "The file is empty");
        }
        if (content.length > MAX_BYTES) {
            throw tooLarge(field, what);
        }
        ScanType type = sniff(content);
        if (type == null) {
            throw new InvalidInputException(field, "Upload the " + what + " as a PDF, JPEG or PNG file; this file is none of them");
        }
        String name = UUID.randomUUID() + "." + type.extension();
        return new InspectedScan(type, content, sha256(content), name, originalName);
    }

    /** The type by content, or null. */
    static ScanType sniff(byte[] b) {
        if (startsWith(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)
                && b.length >= 16 && b[12] == 'I' && b[13] == 'H' && b[14] == 'D' && b[15] == 'R') {
            return ScanType.PNG;
        }
        if (startsWith(b, 0xFF, 0xD8, 0xFF)) {
            return ScanType.JPEG;
        }
        if (isPdf(b)) {
            return ScanType.PDF;
        }
        return null;
    }

    /**
     * "%PDF-1.x" or "%PDF-2.0" at the very start (browsers and viewers accept a header further in,
     * which is how HTML/PDF polyglots work, so we do not), an end-of-file marker, and no HTML markup
     * near the start.
     */
    private static boolean isPdf(byte[] b) {
        if (b.length < 8) {
            return false;
        }
        String head = new String(b, 0, Math.min(b.length, SNIFF_WINDOW), StandardCharsets.ISO_8859_1);
        if (!head.matches("(?s)%PDF-[12]\\.\\d.*")) {
            return false;
        }
        String lower = head.toLowerCase(Locale.ROOT);
        for (String markup : new String[]{"<html", "<!doctype", "<script", "<body", "<head", "<svg", "<iframe"}) {
            if (lower.contains(markup)) {
                return false;
            }
        }
        int tailStart = Math.max(0, b.length - SNIFF_WINDOW);
        String tail = new String(b, tailStart, b.length - tailStart, StandardCharsets.ISO_8859_1);
        return tail.contains("%%EOF");
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /**
     * Headers for serving a stored scan: its real type, always as a download, never sniffed as
     * something else, never framed or scripted.
     */
    public static Map<String, String> downloadHeaders(ScanType type, String storedName) {
        return Map.of(
                "Content-Type", type.mediaType(),
                "Content-Disposition", "attachment; filename=\"" + storedName + "\"",
                "X-Content-Type-Options", "nosniff",
                "Content-Security-Policy", "default-src 'none'; sandbox",
                "Cache-Control", "private, no-store");
    }

    private static InvalidInputException tooLarge(String field, String what) {
        return "scan".equals(field)
                ? new InvalidInputException("scan", "A scan can be at most 10 MB; scan at a lower resolution or in black and white")
                : new InvalidInputException(field, "A " + what + " can be at most 10 MB");
    }
}
