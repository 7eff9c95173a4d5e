package org.district.socialmedia.requests.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.text.PDFMarkedContentExtractor;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.district.socialmedia.requests.control.LetterContent.LetterLine;
import org.junit.jupiter.api.Test;

class DecisionLetterRendererTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    // 02:30 UTC on the 29th is still the 28th in Chicago: the letter must use the decision's own zone.
    private static final ZonedDateTime DECIDED =
            ZonedDateTime.of(2026, 11, 29, 2, 30, 0, 0, ZoneId.of("UTC")).withZoneSameInstant(CHICAGO);
    private static final ZonedDateTime SUBMITTED = ZonedDateTime.of(2026, 11, 20, 9, 15, 0, 0, CHICAGO);

    private static final String FOOTER =
            "Board policy: Employee and District Social Media Use (adopted 2024-08-12) - reference SMR-2026-0042";

    private static final List<LetterLine> THREE_LINES = List.of(
            new LetterLine(1, "Instagram", "@lincoln_hs_athletics",
                    "Share game schedules and results with families", "Authorized as proposed", null, null),
            new LetterLine(2, "Facebook", "Lincoln HS Robotics",
                    "Post competition photos and volunteer calls", "Authorized with limits",
                    "No student photos without a parental consent form on file",
                    "Photos of students need the consent required by policy"),
            new LetterLine(3, "TikTok", "@lincoln_dance",
                    "Short videos of rehearsals", "Rejected",
                    null, "The platform is not on the District's approved list"));

    private static LetterContent letter(String employeeName, String note, List<LetterLine> lines) {
        return new LetterContent("Lincoln Unified School District", "SMR-2026-0042", DECIDED,
                employeeName, "jose.nunez@lincoln.example.org", "Lincoln High School", SUBMITTED,
                "Authorized with modifications or limits", lines, "Dr. Maria Lopez", "Superintendent",
                note, "adopted 2024-08-12");
    }

    private static LetterContent standard() {
        return letter("José Núñez", "Please contact the Communications Office before your first post.", THREE_LINES);
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            // Wrapping decides where lines break (OpenPDF may break after a hyphen, as in "District-|related"),
            // so compare with whitespace collapsed and such breaks rejoined.
            return new PDFTextStripper().getText(doc)
                    .replaceAll("\\s+", " ")
                    .replaceAll("(?<=\\w)- (?=\\w)", "-");
        }
    }

    @Test
    void letterContainsEveryPartOfTheResponse() throws IOException {
        byte[] pdf = DecisionLetterRenderer.render(standard());

        assertEquals("%PDF-", new String(pdf, 0, 5, StandardCharsets.US_ASCII));
        String text = text(pdf);
        for (String expected : List.of(
                "Lincoln Unified School District",
                "Written response to your request for District-related social media use",
                "SMR-2026-0042",
                "November 28, 2026",
                "To: José Núñez, Lincoln High School",
                "jose.nunez@lincoln.example.org",
                "Request submitted: November 20, 2026",
                "Overall response: Authorized with modifications or limits",
                "1. Instagram: @lincoln_hs_athletics",
                "Share game schedules and results with families",
                "Decision: Authorized as proposed",
                "2. Facebook: Lincoln HS Robotics",
                "Decision: Authorized with limits",
                "Limits: No student photos without a parental consent form on file",
                "Explanation: Photos of students need the consent required by policy",
                "3. TikTok: @lincoln_dance",
                "Decision: Rejected",
                "Explanation: The platform is not on the District's approved list",
                DecisionLetterRenderer.POLICY_STEP_5,
                "Please contact the Communications Office before your first post.",
                "Dr. Maria Lopez Superintendent",
                FOOTER)) {
            assertTrue(text.contains(expected), () -> "missing \"" + expected + "\" in: " + text);
        }
    }

    @Test
    void omitsLimitsAndExplanationWhenAbsent() throws IOException {
        LetterLine plain = new LetterLine(1, "Instagram", null, "Schedules", "Authorized as proposed", " ", null);
        String text = text(DecisionLetterRenderer.render(letter("Ann Lee", null, List.of(plain))));

        assertTrue(text.contains("1. Instagram Objectives as requested: Schedules"), text);
        assertTrue(!text.contains("Limits:") && !text.contains("Explanation:"), text);
    }

    @Test
    void userTextIsPrintedLiterallyWhateverItContains() throws IOException {
        String markup = "<script>alert(1)</script>";
        LetterLine odd = new LetterLine(1, "X", "@a&b", markup + " & <b>bold</b>", "Rejected",
                null, "Café crème, señor. 中文 and 👍\uFE0F need a wider font.\u0000\r\nSecond line");
        String text = text(DecisionLetterRenderer.render(letter("José Núñez", "Ünïcödé ŁŽŠ ő", List.of(odd))));

        assertTrue(text.contains(markup + " & <b>bold</b>"), text);
        assertTrue(text.contains("José Núñez"), text);
        assertTrue(text.contains("Café crème, señor."), text);
        assertTrue(text.contains("Ünïcödé ŁŽŠ ő"), "Latin Extended survives: " + text);
        // Glyphs the font lacks are marked, not dropped, so a reader can tell something was there.
        assertTrue(text.contains("?? and ? need"), text);
        assertTrue(text.contains("Second line"), text);
    }

    @Test
    void decomposedAccentsAreShownAsTheirComposedLetters() throws IOException {
        String decomposed = "Jose\u0301 Nu\u0301n\u0303ez";
        String text = text(DecisionLetterRenderer.render(letter(decomposed, null, THREE_LINES)));

        assertTrue(text.contains("José Núñez"), text);
    }

    @Test
    void longRequestFlowsOverSeveralPagesAndKeepsTheLastLine() throws IOException {
        List<LetterLine> lines = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            lines.add(new LetterLine(i, "Platform " + i, "@account_" + i,
                    "Objective text that goes on for a while. ".repeat(8), "Authorized with limits",
                    "Limit " + i, "Explanation for line " + i));
        }
        // One unbroken "word" wider than the page must wrap too rather than be cut off or fail.
        String unbroken = "x".repeat(3000);
        byte[] pdf = DecisionLetterRenderer.render(letter("Ann Lee", unbroken, lines));

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertTrue(doc.getNumberOfPages() > 2, "pages: " + doc.getNumberOfPages());
        }
        String text = text(pdf);
        assertTrue(text.contains("30. Platform 30: @account_30"), text);
        assertTrue(text.contains("Explanation for line 30"), text);
        // The page footer lands inside the word where it crosses a page, so take it out before comparing.
        String withoutFooters = text.replace(FOOTER, "").replace(" ", "");
        assertTrue(withoutFooters.contains(unbroken), "the unbroken word is printed in full");
        assertTrue(text.contains("Dr. Maria Lopez Superintendent"), text);
    }

    @Test
    void letterIsTaggedInEnglishWithItsBlocksInReadingOrder() throws IOException {
        byte[] pdf = DecisionLetterRenderer.render(standard());
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDDocumentCatalog catalog = doc.getDocumentCatalog();
            assertTrue(catalog.getMarkInfo() != null && catalog.getMarkInfo().isMarked(), "MarkInfo Marked true");
            assertEquals("en-US", catalog.getLanguage());
            assertTrue(catalog.getViewerPreferences().displayDocTitle(), "the title, not the file name, in the window");

            PDStructureTreeRoot tree = catalog.getStructureTreeRoot();
            assertNotNull(tree, "a structure tree");
            PDStructureElement document = (PDStructureElement) tree.getKids().get(0);
            assertEquals("Document", document.getStructureType());
            List<String> roles = new ArrayList<>();
            for (Object kid : document.getKids()) {
                roles.add(((PDStructureElement) kid).getStructureType());
            }
            assertEquals("P", roles.get(0), "the District's name first: " + roles);
            assertEquals("H1", roles.get(1), roles.toString());
            assertEquals(3, roles.stream().filter("H2"::equals).count(), "one heading per platform: " + roles);

            // the marked content of page 1, in the order a screen reader takes it: the body, and the footer as an artifact
            PDFMarkedContentExtractor extractor = new PDFMarkedContentExtractor();
            extractor.processPage(doc.getPage(0));
            StringBuilder read = new StringBuilder();
            boolean footerIsArtifact = false;
            for (PDMarkedContent marked : extractor.getMarkedContents()) {
                StringBuilder text = new StringBuilder();
                marked.getContents().stream().filter(TextPosition.class::isInstance)
                        .forEach(t -> text.append(((TextPosition) t).getUnicode()));
                if ("Artifact".equals(marked.getTag())) {
                    footerIsArtifact |= text.toString().replace(" ", "").contains("reference SMR-2026-0042".replace(" ", ""));
                } else {
                    read.append(text).append(' ');
                }
            }
            assertTrue(footerIsArtifact, "the repeated footer is an artifact");
            String body = read.toString().replace(" ", "");
            int district = body.indexOf("LincolnUnifiedSchoolDistrict");
            int title = body.indexOf("Writtenresponse");
            int first = body.indexOf("1.Instagram");
            int third = body.indexOf("3.TikTok");
            assertTrue(district >= 0 && district < title && title < first && first < third, body);
        }
    }

    @Test
    void metadataNamesTheLetterAndTheDistrict() throws IOException {
        try (PDDocument doc = Loader.loadPDF(DecisionLetterRenderer.render(standard()))) {
            PDDocumentInformation info = doc.getDocumentInformation();
            assertEquals("Written response to your request for District-related social media use - SMR-2026-0042",
                    info.getTitle());
            assertEquals("Lincoln Unified School District", info.getAuthor());
            assertTrue(info.getSubject().contains("José Núñez"), info.getSubject());
            assertEquals(DECIDED.toInstant(), info.getCreationDate().toInstant());
            assertEquals(DECIDED.toInstant(), info.getModificationDate().toInstant());
        }
    }

    @Test
    void sameContentGivesSameText() throws IOException {
        assertEquals(text(DecisionLetterRenderer.render(standard())), text(DecisionLetterRenderer.render(standard())));
    }

    @Test
    void requiredFieldsAreChecked() {
        assertMessage("districtName is required", () -> new LetterContent(null, "R", DECIDED, "E", null, null,
                null, "O", THREE_LINES, "D", "T", null, null));
        assertMessage("letterReference is required", () -> new LetterContent("D", " ", DECIDED, "E", null, null,
                null, "O", THREE_LINES, "D", "T", null, null));
        assertMessage("decidedAt is required", () -> new LetterContent("D", "R", null, "E", null, null,
                null, "O", THREE_LINES, "D", "T", null, null));
        assertMessage("employeeName is required", () -> new LetterContent("D", "R", DECIDED, null, null, null,
                null, "O", THREE_LINES, "D", "T", null, null));
        assertMessage("overallOutcomeLabel is required", () -> new LetterContent("D", "R", DECIDED, "E", null,
                null, null, "", THREE_LINES, "D", "T", null, null));
        assertMessage("lines must contain at least one", () -> new LetterContent("D", "R", DECIDED, "E", null,
                null, null, "O", List.of(), "D", "T", null, null));
        assertMessage("lines must contain at least one", () -> new LetterContent("D", "R", DECIDED, "E", null,
                null, null, "O", null, "D", "T", null, null));
        assertMessage("deciderName is required", () -> new LetterContent("D", "R", DECIDED, "E", null, null,
                null, "O", THREE_LINES, null, "T", null, null));
        assertMessage("deciderRoleTitle is required", () -> new LetterContent("D", "R", DECIDED, "E", null, null,
                null, "O", THREE_LINES, "D", null, null, null));
        assertMessage("platform is required", () -> new LetterLine(1, null, "a", "o", "L", null, null));
        assertMessage("outcomeLabel is required", () -> new LetterLine(1, "P", "a", "o", null, null, null));
        assertMessage("number must be 1 or more", () -> new LetterLine(0, "P", "a", "o", "L", null, null));
    }

    @Test
    void linesAreCopiedSoLaterChangesDoNotAlterTheLetter() {
        List<LetterLine> mutable = new ArrayList<>(THREE_LINES);
        LetterContent content = letter("Ann Lee", null, mutable);
        mutable.clear();

        assertEquals(3, content.lines().size());
        assertThrows(UnsupportedOperationException.class, () -> content.lines().clear());
    }

    private static void assertMessage(String expectedStart, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().startsWith(expectedStart), e.getMessage());
    }
}
