package org.district.socialmedia.oversight.control;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import org.district.socialmedia.oversight.entity.AccountFigures;
import org.district.socialmedia.oversight.entity.BoardReport;
import org.district.socialmedia.oversight.entity.ConsentCoverage;
import org.district.socialmedia.oversight.entity.RequestFigures;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The Board report as a PDF: per area its sentence, a bar chart drawn with OpenPDF's own graphics (no chart
 * library) and the chart's figures as a table, so the numbers stay readable as text.
 */
public final class BoardReportPdf {

    private static final String FONT_RESOURCE = "/font-fallback/LiberationSans-Regular.ttf";
    private static final Color BAR = new Color(0x1F, 0x5F, 0x8B);
    private static final Color BAR_ALERT = new Color(0xB0, 0x3A, 0x2E);
    private static final float CHART_WIDTH = 460;
    private static final float BAR_HEIGHT = 14;
    private static final float LABEL_WIDTH = 170;

    private BoardReportPdf() {
    }

    /** A label and its value, and whether it is a figure to worry about (drawn in red). */
    record Bar(String label, double value, String shown, boolean alert) {
    }

    public static byte[] render(BoardReport report) {
        try {
            return write(report);
        } catch (DocumentException e) {
            throw new IllegalStateException("Could not render the Board report for " + report.month(), e);
        }
    }

    private static byte[] write(BoardReport r) throws DocumentException {
        BaseFont base = loadFont();
        Font title = new Font(base, 16, Font.BOLD);
        Font heading = new Font(base, 13, Font.BOLD);
        Font body = new Font(base, 10, Font.NORMAL);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.LETTER, 54, 54, 54, 54);
        PdfWriter writer = PdfWriter.getInstance(doc, out);
        writer.getExtraCatalog().put(PdfName.LANG, new PdfString("en-US"));
        doc.addTitle("Social media oversight: Board report, " + r.monthName());
        doc.addAuthor(r.districtName());
        doc.open();
        doc.add(new Paragraph(r.districtName(), body));
        doc.add(spaced(new Paragraph("Social media oversight: Board report, " + r.monthName(), title), 12));

        doc.add(new Paragraph("Requests for District-related social media use", heading));
        doc.add(spaced(new Paragraph(r.requestSentence(), body), 6));
        List<Bar> outcomes = new ArrayList<>();
        for (RequestFigures.Count c : r.requests().outcomes()) {
            outcomes.add(new Bar(c.label(), c.count(), String.valueOf(c.count()), false));
        }
        outcomes.add(new Bar("Late responses", r.requests().late(), String.valueOf(r.requests().late()), r.requests().late() > 0));
        chart(doc, writer, base, outcomes);
        table(doc, body, List.of("Responses", "Late", "On time", "Median hours", "90th percentile hours"),
                List.of(List.of(String.valueOf(r.requests().answered()), String.valueOf(r.requests().late()),
                        shareText(r.requests().onTimeRate()), text(r.requests().medianHours()), text(r.requests().p90Hours()))));

        doc.add(new Paragraph("District accounts", heading));
        doc.add(spaced(new Paragraph(r.accountSentence(), body), 6));
        List<Bar> compliance = new ArrayList<>();
        List<List<String>> complianceRows = new ArrayList<>();
        for (AccountFigures.ComplianceRow c : r.accounts().compliance()) {
            compliance.add(new Bar(c.unit(), c.failing(), c.failing() + " of " + c.accounts(), c.failing() > 0));
            complianceRows.add(List.of(c.unit(), String.valueOf(c.accounts()), String.valueOf(c.failing()),
                    String.valueOf(c.fewerThanTwoAdmins()), String.valueOf(c.noActiveOperator())));
        }
        chart(doc, writer, base, compliance);
        table(doc, body, List.of("School or department", "Accounts", "With an issue", "Fewer than two administrators",
                "No active operator"), complianceRows);

        doc.add(new Paragraph("Student consent", heading));
        doc.add(spaced(new Paragraph(r.consentSentence(), body), 6));
        List<Bar> coverage = new ArrayList<>();
        List<List<String>> coverageRows = new ArrayList<>();
        for (ConsentCoverage.Row row : r.coverage().schools()) {
            Double share = row.share().get(BoardReport.SUMMARY_ITEM);
            coverage.add(new Bar(row.name(), share == null ? 0 : share * 100, shareText(share), false));
            coverageRows.add(List.of(row.name(), String.valueOf(row.enrolled()),
                    String.valueOf(row.covered().getOrDefault(BoardReport.SUMMARY_ITEM, 0L)), shareText(share)));
        }
        chart(doc, writer, base, coverage);
        table(doc, body, List.of("School", "Enrolled", "Photographs allowed", "Share"), coverageRows);

        doc.add(new Paragraph("Takedowns", heading));
        doc.add(spaced(new Paragraph(r.takedownSentence(), body), 6));
        table(doc, body, List.of("Open now", "Done in the month", "Median hours", "90th percentile hours"),
                List.of(List.of(String.valueOf(r.takedowns().open()), String.valueOf(r.takedowns().done()),
                        text(r.takedowns().medianHours()), text(r.takedowns().p90Hours()))));
        doc.close();
        return out.toByteArray();
    }

    /** Horizontal bars, one per row, scaled to the largest value; drawn into a template placed as an image. */
    private static void chart(Document doc, PdfWriter writer, BaseFont font, List<Bar> bars) throws DocumentException {
        if (bars.isEmpty()) {
            return;
        }
        double max = bars.stream().mapToDouble(Bar::value).max().orElse(0);
        float height = bars.size() * (BAR_HEIGHT + 6) + 6;
        PdfContentByte canvas = writer.getDirectContent();
        PdfTemplate template = canvas.createTemplate(CHART_WIDTH, height);
        float barSpace = CHART_WIDTH - LABEL_WIDTH - 60;
        float y = height - BAR_HEIGHT - 3;
        for (Bar bar : bars) {
            template.beginText();
            template.setFontAndSize(font, 8);
            template.setColorFill(Color.BLACK);
            template.showTextAligned(Element.ALIGN_LEFT, shorten(bar.label()), 0, y + 4, 0);
            template.endText();
            float length = max <= 0 ? 0 : (float) (bar.value() / max * barSpace);
            template.setColorFill(bar.alert() ? BAR_ALERT : BAR);
            template.rectangle(LABEL_WIDTH, y, Math.max(length, 0.5f), BAR_HEIGHT);
            template.fill();
            template.beginText();
            template.setFontAndSize(font, 8);
            template.setColorFill(Color.BLACK);
            template.showTextAligned(Element.ALIGN_LEFT, bar.shown(), LABEL_WIDTH + length + 4, y + 4, 0);
            template.endText();
            y -= BAR_HEIGHT + 6;
        }
        Image image = Image.getInstance(template);
        image.setAlt("Bar chart; its figures are in the table below");
        image.setSpacingAfter(6);
        doc.add(image);
    }

    private static void table(Document doc, Font font, List<String> headers, List<List<String>> rows) throws DocumentException {
        PdfPTable table = new PdfPTable(headers.size());
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        table.setSpacingAfter(14);
        for (String h : headers) {
            PdfPCell cell = new PdfPCell(new Phrase(h, font));
            cell.setBackgroundColor(new Color(0xE8, 0xEE, 0xF3));
            table.addCell(cell);
        }
        for (List<String> row : rows) {
            for (String value : row) {
                table.addCell(new Phrase(value, font));
            }
        }
        if (rows.isEmpty()) {
            PdfPCell none = new PdfPCell(new Phrase("None", font));
            none.setColspan(headers.size());
            table.addCell(none);
        }
        doc.add(table);
    }

    private static Paragraph spaced(Paragraph p, float after) {
        p.setSpacingAfter(after);
        return p;
    }

    private static String shorten(String label) {
        return label.length() <= 34 ? label : label.substring(0, 33) + "\u2026";
    }

    private static String text(Double value) {
        return value == null ? "n/a" : value.toString();
    }

    static String shareText(Double share) {
        return share == null ? "n/a" : Math.round(share * 1000) / 10.0 + "%";
    }

    private static BaseFont loadFont() throws DocumentException {
        // read through OpenPDF's own class so the lookup works inside the WAR's class loader too
        try (InputStream in = BaseFont.class.getResourceAsStream(FONT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("OpenPDF font " + FONT_RESOURCE + " is missing from the classpath");
            }
            return BaseFont.createFont("LiberationSans-Regular.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false,
                    in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
