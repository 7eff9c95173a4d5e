package org.district.socialmedia.parents.control;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;
import org.district.socialmedia.parents.entity.ParentTexts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The parent's receipt as a PDF (OpenPDF), in their language: what they agreed to, for which period, and
 * how to revoke. The embedded Liberation Sans (shipped with OpenPDF) shows Spanish accents.
 */
public final class ReceiptPdf {

    private static final String FONT_RESOURCE = "/font-fallback/LiberationSans-Regular.ttf";

    /** The receipt's lines after its title. */
    public record Content(String districtName, String title, List<String> lines) {
    }

    private ReceiptPdf() {
    }

    public static byte[] render(Content content, ParentTexts texts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.LETTER, 72, 72, 72, 72);
        try {
            PdfWriter writer = PdfWriter.getInstance(doc, out);
            doc.addTitle(content.title());
            doc.addCreator(content.districtName());
            writer.getExtraCatalog().put(PdfName.LANG, new PdfString(texts.tag()));
            doc.open();
            BaseFont base = font();
            doc.add(new Paragraph(content.districtName(), new Font(base, 14, Font.BOLD)));
            doc.add(new Paragraph(content.title(), new Font(base, 13, Font.BOLD)));
            Font body = new Font(base, 11);
            for (String line : content.lines()) {
                Paragraph p = new Paragraph(line, body);
                p.setSpacingBefore(6);
                doc.add(p);
            }
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("The receipt could not be written", e);
        }
        return out.toByteArray();
    }

    private static BaseFont font() throws DocumentException {
        try (InputStream in = BaseFont.class.getResourceAsStream(FONT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("OpenPDF font " + FONT_RESOURCE + " is missing from the classpath");
            }
            return BaseFont.createFont("LiberationSans-Regular.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
