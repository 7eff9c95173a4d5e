package org.district.socialmedia;

import org.junit.jupiter.api.Test;
import org.xml.sax.SAXParseException;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Every Facelets file is well-formed XML. A page that is not fails only when it is first asked for (a 500), so
 * without this a broken tag (a merge can drop one) shows only in the browser tests, minutes into the suite.
 */
class PagesAreWellFormedTest {

    @Test
    void everyFaceletsFileParses() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        // the pages declare no DTD: nothing to fetch, and no entity may be resolved from outside
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        List<Path> pages;
        try (Stream<Path> files = Files.walk(Path.of("src/main/webapp"))) {
            pages = files.filter(p -> p.toString().endsWith(".xhtml")).sorted().toList();
        }
        assertFalse(pages.isEmpty(), "the pages are found from the project's folder");
        List<String> broken = new ArrayList<>();
        for (Path page : pages) {
            try {
                var builder = factory.newDocumentBuilder();
                builder.setErrorHandler(null);
                builder.parse(page.toFile());
            } catch (SAXParseException e) {
                broken.add(page + ":" + e.getLineNumber() + ": " + e.getMessage());
            }
        }
        assertEquals(List.of(), broken);
    }
}
