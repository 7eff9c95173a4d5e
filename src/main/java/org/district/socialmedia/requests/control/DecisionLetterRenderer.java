package org.district.socialmedia.requests.control;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfBoolean;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfStructureElement;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.GregorianCalendar;
import java.util.Locale;
import org.district.socialmedia.requests.control.LetterContent.LetterLine;

/**
 * Renders the Superintendent's written response to a request for District-related social media use
 * (policy steps 3-5) as a US Letter PDF.
 */
public final class DecisionLetterRenderer {

    static final String TITLE = "Written response to your request for District-related social media use";

    /** Policy step 5, addressed to the employee; the policy's "[Superintendent]" placeholder filled in. */
    static final String POLICY_STEP_5 = "Your use of District-related social media is limited to those areas "
            + "specifically authorized by the Superintendent, by the terms of this policy, by privacy laws, "
            + "and other laws and policies governing employment with the District.";

    private static final String POLICY_NAME = "Employee and District Social Media Use";

    /** The letter's language, in the catalog (/Lang) and the metadata. */
    static final String LANGUAGE = "en-US";
    private static final PdfName H2 = new PdfName("H2");
    private static final PdfName ARTIFACT = new PdfName("Artifact");

    // The letter is in English, so month names must not follow the server's default locale.
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.US);

    // OpenPDF ships only the regular face; bold is simulated by OpenPDF (fill + stroke), which keeps
    // the text extractable and avoids a second font dependency.
    private static final String FONT_RESOURCE = "/font-fallback/LiberationSans-Regular.ttf";

    private DecisionLetterRenderer() {
    }

    public static byte[] render(LetterContent content) {
        if (content == null) {
            throw new IllegalArgumentException("content is required");
        }
        try {
            return write(content);
        } catch (DocumentException e) {
            throw new IllegalStateException("Could not render decision letter " + content.letterReference(), e);
        }
    }

    private static byte[] write(LetterContent c) throws DocumentException {
        Fonts f = new Fonts(loadFont());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // 72pt sides; the larger bottom margin leaves room for the footer on every page.
        Document doc = new Document(PageSize.LETTER, 72, 72, 72, 84);
        PdfWriter writer = PdfWriter.getInstance(doc, out);
        // Tagged, with its language and title, so a screen reader reads the response in order, as English.
        writer.setTagged();
        writer.getExtraCatalog().put(PdfName.LANG, new PdfString(LANGUAGE));
        writer.addViewerPreference(PdfName.DISPLAYDOCTITLE, PdfBoolean.PDFTRUE);
        writer.setPageEvent(new Footer(f, footerText(c)));

        doc.addTitle(f.clean(TITLE + " - " + c.letterReference()));
        doc.addAuthor(f.clean(c.districtName()));
        doc.addSubject(f.clean("Superintendent's written response under Board policy " + POLICY_NAME
                + " for " + c.employeeName()));

        doc.open();
        // Dated by the decision, not by the render, so a re-rendered copy carries the dates of the one sent. Written
        // straight into the info dictionary because Document.addCreationDate(PdfDate) ignores its argument in 2.0.5.
        PdfDate decided = new PdfDate(GregorianCalendar.from(c.decidedAt()));
        writer.getInfo().put(PdfName.CREATIONDATE, decided);
        writer.getInfo().put(PdfName.MODDATE, decided);

        TaggedFlow flow = new TaggedFlow(doc, writer);
        flow.add(para(f.clean(c.districtName()), f.letterhead, 4), PdfName.P);
        flow.add(para(TITLE, f.heading, 14), PdfName.H1);

        flow.add(labelled(f, "Reference: ", c.letterReference(), 0), PdfName.P);
        flow.add(labelled(f, "Date: ", formatDate(c.decidedAt()), 12), PdfName.P);

        String to = c.employeeName() + (isPresent(c.employeeUnit()) ? ", " + c.employeeUnit() : "");
        flow.add(labelled(f, "To: ", to, 0), PdfName.P);
        if (isPresent(c.employeeEmail())) {
            flow.add(para(f.clean(c.employeeEmail()), f.body, 0), PdfName.P);
        }
        if (c.submittedAt() != null) {
            flow.add(labelled(f, "Request submitted: ", formatDate(c.submittedAt()), 0), PdfName.P);
        }

        Paragraph overall = new Paragraph();
        overall.setSpacingBefore(14);
        overall.setSpacingAfter(8);
        overall.add(new Chunk("Overall response: ", f.body));
        overall.add(new Chunk(f.clean(c.overallOutcomeLabel()), f.bold));
        flow.add(overall, PdfName.P);

        for (LetterLine line : c.lines()) {
            addLine(flow, f, line);
        }

        Paragraph policy = para("Under step 5 of the Board policy " + POLICY_NAME + ": \u201C"
                + POLICY_STEP_5 + "\u201D", f.body, 10);
        policy.setSpacingBefore(14);
        flow.add(policy, PdfName.P);

        if (isPresent(c.decisionNote())) {
            flow.add(para(f.clean(c.decisionNote()), f.body, 10), PdfName.P);
        }

        Paragraph signature = para(f.clean(c.deciderName()), f.body, 0);
        signature.setSpacingBefore(24);
        flow.add(signature, PdfName.P);
        flow.add(para(f.clean(c.deciderRoleTitle()), f.body, 0), PdfName.P);

        doc.close();
        return out.toByteArray();
    }

    private static void addLine(TaggedFlow flow, Fonts f, LetterLine line) throws DocumentException {
        String title = line.number() + ". " + line.platform()
                + (isPresent(line.account()) ? ": " + line.account() : "");
        Paragraph heading = para(f.clean(title), f.bold, 4);
        heading.setSpacingBefore(10);
        flow.add(heading, H2);
        if (isPresent(line.objectives())) {
            flow.add(labelled(f, "Objectives as requested: ", line.objectives(), 2), PdfName.P);
        }
        flow.add(labelled(f, "Decision: ", line.outcomeLabel(), 2), PdfName.P);
        if (isPresent(line.limits())) {
            flow.add(labelled(f, "Limits: ", line.limits(), 2), PdfName.P);
        }
        if (isPresent(line.explanation())) {
            flow.add(labelled(f, "Explanation: ", line.explanation(), 2), PdfName.P);
        }
    }

    /**
     * Writes the letter's blocks in reading order, each inside its own structure element (H1, H2, P) under one
     * Document element. OpenPDF tags nothing that Document.add writes, so the blocks go through a ColumnText on the
     * page's content, wrapped in marked content; a block that runs onto the next page continues in a new element there.
     */
    private static final class TaggedFlow {
        private final Document doc;
        private final PdfWriter writer;
        private final PdfStructureElement root;
        private final ColumnText column;

        TaggedFlow(Document doc, PdfWriter writer) {
            this.doc = doc;
            this.writer = writer;
            this.root = new PdfStructureElement(writer.getStructureTreeRoot(), PdfName.DOCUMENT);
            this.column = new ColumnText(writer.getDirectContent());
            column.setSimpleColumn(doc.left(), doc.bottom(), doc.right(), doc.top());
        }

        void add(Element block, PdfName role) throws DocumentException {
            PdfContentByte content = writer.getDirectContent();
            column.addElement(block);
            content.beginMarkedContentSequence(new PdfStructureElement(root, role));
            int status = column.go();
            content.endMarkedContentSequence();
            while (ColumnText.hasMoreText(status)) {
                doc.newPage();
                column.setSimpleColumn(doc.left(), doc.bottom(), doc.right(), doc.top());
                content.beginMarkedContentSequence(new PdfStructureElement(root, role));
                status = column.go();
                content.endMarkedContentSequence();
            }
        }
    }

    private static Paragraph labelled(Fonts f, String label, String value, float spacingAfter) {
        Paragraph p = new Paragraph();
        p.add(new Chunk(label, f.bold));
        p.add(new Chunk(f.clean(value), f.body));
        p.setSpacingAfter(spacingAfter);
        return p;
    }

    private static Paragraph para(String text, Font font, float spacingAfter) {
        Paragraph p = new Paragraph(text, font);
        p.setSpacingAfter(spacingAfter);
        return p;
    }

    static String formatDate(ZonedDateTime at) {
        return at.format(DATE);
    }

    private static String footerText(LetterContent c) {
        String version = isPresent(c.policyVersion()) ? " (" + c.policyVersion() + ")" : "";
        return "Board policy: " + POLICY_NAME + version + " - reference " + c.letterReference();
    }

    private static boolean isPresent(String s) {
        return s != null && !s.isBlank();
    }

    private static BaseFont loadFont() throws DocumentException {
        // Read through OpenPDF's own class so the lookup works inside the WAR's class loader too.
        try (InputStream in = BaseFont.class.getResourceAsStream(FONT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("OpenPDF font " + FONT_RESOURCE + " is missing from the classpath");
            }
            // Identity-H with embedding: covers Latin-1/Latin Extended and writes a ToUnicode map,
            // so the text can be searched and copied out of the letter.
            return BaseFont.createFont("LiberationSans-Regular.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED,
                    false, in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The letter's fonts plus the rule for text the font cannot show. */
    private static final class Fonts {
        final BaseFont base;
        final Font letterhead;
        final Font heading;
        final Font body;
        final Font bold;
        final Font small;

        Fonts(BaseFont base) {
            this.base = base;
            letterhead = new Font(base, 16, Font.BOLD);
            heading = new Font(base, 13, Font.BOLD);
            body = new Font(base, 11, Font.NORMAL);
            bold = new Font(base, 11, Font.BOLD);
            small = new Font(base, 8, Font.NORMAL);
        }

        /**
         * Users type these strings, so anything may arrive. Glyphs the font lacks (CJK, emoji) become '?'
         * instead of silently vanishing, and control characters are neutralised so they cannot disturb layout.
         * Markup needs no escaping: PDF text is never interpreted.
         */
        String clean(String text) {
            if (text == null) {
                return "";
            }
            // Decomposed accents (e + combining acute) would otherwise show as two glyphs or a '?'.
            String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
            StringBuilder sb = new StringBuilder(nfc.length());
            nfc.codePoints().forEach(cp -> {
                if (cp == '\n') {
                    sb.append('\n');
                } else if (cp == '\r') {
                    // \r\n line ends keep only the \n
                } else if (Character.isISOControl(cp) || Character.isWhitespace(cp)) {
                    sb.append(' ');
                } else if (base.charExists(cp)) {
                    sb.appendCodePoint(cp);
                } else if (Character.getType(cp) == Character.FORMAT || isVariationSelector(cp)) {
                    // zero-width joiners and emoji presentation selectors: one '?' per emoji is enough
                } else {
                    sb.append('?');
                }
            });
            return sb.toString();
        }

        private static boolean isVariationSelector(int cp) {
            return (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF);
        }
    }

    /** Repeats the policy and reference on every page, so a separated page can still be traced to its letter. */
    private static final class Footer extends PdfPageEventHelper {
        private final Fonts fonts;
        private final String text;

        Footer(Fonts fonts, String text) {
            this.fonts = fonts;
            this.text = text;
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            // the footer repeats on every page: an artifact, which screen readers skip
            PdfContentByte content = writer.getDirectContent();
            content.beginMarkedContentSequence(ARTIFACT);
            ColumnText column = new ColumnText(content);
            column.setSimpleColumn(new Phrase(fonts.clean(text), fonts.small),
                    document.left(), 24, document.right(), 60, 10, Element.ALIGN_LEFT);
            try {
                column.go();
            } catch (DocumentException e) {
                throw new IllegalStateException("Could not write the letter footer", e);
            } finally {
                content.endMarkedContentSequence();
            }
        }
    }
}
