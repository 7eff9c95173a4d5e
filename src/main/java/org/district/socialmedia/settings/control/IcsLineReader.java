package org.district.socialmedia.settings.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the bytes of an iCalendar file into unfolded logical lines (RFC 5545 section 3.1).
 * <p>
 * Unfolding happens on bytes, before UTF-8 decoding, because exporters fold at 75 octets
 * and some split a multi-byte character across the fold; decoding first would garble it.
 */
final class IcsLineReader {

    static final int MAX_CHARS = 1_000_000;

    // UTF-8 needs at most 4 bytes per char, so more bytes than this is surely too many chars.
    private static final int MAX_BYTES = 4 * MAX_CHARS;

    /** A logical line and the physical line number it starts on. */
    record Line(int number, String text) {
    }

    private IcsLineReader() {
    }

    /**
     * Reads the whole stream (without closing it) and returns its non-blank logical lines.
     *
     * @throws IllegalArgumentException when the file is over {@link #MAX_CHARS} characters
     */
    static List<Line> read(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES || new String(bytes, StandardCharsets.UTF_8).length() > MAX_CHARS) {
            throw tooLarge();
        }
        return unfold(bytes);
    }

    private static List<Line> unfold(byte[] bytes) {
        List<Line> lines = new ArrayList<>();
        ByteArrayOutputStream current = null;
        int currentStart = 0;
        int physical = 0;
        int i = startAfterByteOrderMark(bytes);
        while (i < bytes.length) {
            int end = i;
            while (end < bytes.length && bytes[end] != '\n' && bytes[end] != '\r') {
                end++;
            }
            physical++;
            boolean continuation = end > i && (bytes[i] == ' ' || bytes[i] == '\t');
            if (continuation && current != null) {
                current.write(bytes, i + 1, end - i - 1);
            } else {
                addLine(lines, current, currentStart);
                current = null;
                if (end > i) {
                    current = new ByteArrayOutputStream();
                    current.write(bytes, i, end - i);
                    currentStart = physical;
                }
            }
            i = afterLineBreak(bytes, end);
        }
        addLine(lines, current, currentStart);
        return lines;
    }

    private static int startAfterByteOrderMark(byte[] bytes) {
        boolean bom = bytes.length >= 3
                && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
        return bom ? 3 : 0;
    }

    // CRLF, LF and a lone CR (old Mac exports) each end one physical line.
    private static int afterLineBreak(byte[] bytes, int end) {
        if (end < bytes.length && bytes[end] == '\r') {
            end++;
        }
        if (end < bytes.length && bytes[end] == '\n') {
            end++;
        }
        return end;
    }

    private static void addLine(List<Line> lines, ByteArrayOutputStream bytes, int number) {
        if (bytes != null) {
            String text = bytes.toString(StandardCharsets.UTF_8);
            if (!text.isBlank()) {
                lines.add(new Line(number, text));
            }
        }
    }

    private static IllegalArgumentException tooLarge() {
        return new IllegalArgumentException("iCalendar file too large: at most 1,000,000 characters are accepted");
    }
}
