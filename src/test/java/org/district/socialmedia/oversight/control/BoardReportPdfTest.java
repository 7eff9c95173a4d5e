package org.district.socialmedia.oversight.control;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.district.socialmedia.oversight.entity.BoardReport;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertTrue;

class BoardReportPdfTest {

    @Test
    void thePdfHoldsEachAreasSentenceAndItsFiguresAsText() throws IOException {
        BoardReport report = BoardReportFixture.sample();
        byte[] pdf = BoardReportPdf.render(report);
        assertTrue(new String(pdf, 0, 5).startsWith("%PDF-"));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertTrue(text.contains("Board report, November 2026"), text);
            assertTrue(text.contains(report.requestSentence()), text);
            assertTrue(text.contains(report.accountSentence()), text);
            assertTrue(text.contains(report.consentSentence()), text);
            assertTrue(text.contains(report.takedownSentence()), text);
            assertTrue(text.contains("Lincoln High School"), text);
        }
    }
}
