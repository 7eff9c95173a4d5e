package org.district.socialmedia.platform.control;

import org.district.socialmedia.platform.control.ScanInspector.InspectedScan;
import org.district.socialmedia.platform.entity.ScanType;
import org.district.socialmedia.platform.entity.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScanInspectorTest {

    /** A complete one-page PDF as a scanner's software writes it (xref offsets are not checked). */
    static final byte[] PDF = ("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n"
            + "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
            + "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n"
            + "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>\nendobj\n"
            + "xref\n0 4\n0000000000 65535 f \n0000000015 00000 n \n0000000064 00000 n \n0000000121 00000 n \n"
            + "trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n192\n%%EOF\n").getBytes(StandardCharsets.ISO_8859_1);

    /** A 1x1 PNG: signature, IHDR, IDAT, IEND. */
    static final byte[] PNG = hex("89504E470D0A1A0A0000000D49484452000000010000000108060000001F15C489"
            + "0000000D4944415478DA63F8CFC0F01F0005000201A5F7E8B20000000049454E44AE426082");

    static final byte[] JPEG = hex("FFD8FFE000104A46494600010100000100010000FFD9");

    private static byte[] hex(String hex) {
        byte[] bytes = new byte[hex.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return bytes;
    }

    private static String refusal(byte[] content, String name) {
        return assertThrows(InvalidInputException.class, () -> ScanInspector.inspect(content, name))
                .getFieldErrors().get("scan");
    }

    @Test
    void aRealPdfIsAcceptedWithItsHashAndAServerMadeName() {
        InspectedScan scan = ScanInspector.inspect(PDF, "../../etc/passwd.pdf");
        assertEquals(ScanType.PDF, scan.type());
        assertEquals(PDF.length, scan.size());
        assertEquals(64, scan.sha256().length());
        assertTrue(scan.storedName().matches("[0-9a-f-]{36}\\.pdf"), scan.storedName());
        assertEquals("../../etc/passwd.pdf", scan.originalName());
        assertNotEquals(scan.storedName(), ScanInspector.inspect(PDF, "x.pdf").storedName());
    }

    @Test
    void theSha256IsTheStandardOne() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", ScanInspector.sha256(new byte[0]));
    }

    @Test
    void contentDecidesSoAPngNamedPdfIsStoredAsPng() {
        InspectedScan scan = ScanInspector.inspect(PNG, "form.pdf");
        assertEquals(ScanType.PNG, scan.type());
        assertTrue(scan.storedName().endsWith(".png"));
    }

    @Test
    void aJpegIsAccepted() {
        assertEquals(ScanType.JPEG, ScanInspector.inspect(JPEG, "scan.jpeg").type());
    }

    @Test
    void htmlNamedPdfIsRefused() {
        byte[] html = "<!DOCTYPE html><html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        assertTrue(refusal(html, "form.pdf").contains("PDF, JPEG or PNG"));
    }

    @Test
    void aPdfHeaderWithHtmlBehindItOrInFrontOfItIsRefused() {
        byte[] polyglot = "%PDF-1.4\n<html><body><script>alert(1)</script></body></html>\n%%EOF\n"
                .getBytes(StandardCharsets.UTF_8);
        refusal(polyglot, "form.pdf");
        byte[] later = ("<html>\n" + new String(PDF, StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1);
        refusal(later, "form.pdf");
        refusal(Arrays.copyOf(PDF, 40), "truncated.pdf");
    }

    @Test
    void elevenMegabytesAreRefusedFromBytesAndFromAStream() throws IOException {
        byte[] big = Arrays.copyOf(PDF, 11 * 1024 * 1024);
        assertTrue(refusal(big, "big.pdf").contains("10 MB"));
        try (InputStream in = new ByteArrayInputStream(big)) {
            assertThrows(InvalidInputException.class, () -> ScanInspector.inspect(in, "big.pdf"));
        }
    }

    @Test
    void exactlyTenMegabytesAreAccepted() {
        byte[] pdf = new byte[(int) ScanInspector.MAX_BYTES];
        byte[] tail = "\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(PDF, 0, pdf, 0, PDF.length);
        System.arraycopy(tail, 0, pdf, pdf.length - tail.length, tail.length);
        assertEquals(ScanType.PDF, ScanInspector.inspect(pdf, "max.pdf").type());
    }

    @Test
    void anEmptyFileIsRefused() throws IOException {
        assertEquals("The file is empty", refusal(new byte[0], "empty.pdf"));
        try (InputStream in = new ByteArrayInputStream(new byte[0])) {
            assertThrows(InvalidInputException.class, () -> ScanInspector.inspect(in, "empty.pdf"));
        }
    }

    @Test
    void aScanIsServedAsAnAttachmentNeverSniffed() {
        var headers = ScanInspector.downloadHeaders(ScanType.PDF, "abc.pdf");
        assertEquals("application/pdf", headers.get("Content-Type"));
        assertTrue(headers.get("Content-Disposition").startsWith("attachment"));
        assertEquals("nosniff", headers.get("X-Content-Type-Options"));
    }
}
