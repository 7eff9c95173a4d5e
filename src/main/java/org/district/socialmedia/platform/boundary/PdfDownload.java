package org.district.socialmedia.platform.boundary;

import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** Writes a PDF as a servlet's answer: always a download (never shown inline), never cached. */
public final class PdfDownload {

    private PdfDownload() {
    }

    public static void send(HttpServletResponse response, String fileName, byte[] pdf) throws IOException {
        response.setContentType("application/pdf");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "private, no-store");
        response.setContentLength(pdf.length);
        response.getOutputStream().write(pdf);
    }
}
