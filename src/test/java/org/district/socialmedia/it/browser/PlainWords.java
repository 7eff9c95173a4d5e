package org.district.socialmedia.it.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fails when a page's visible text shows an enum constant's name where people should read its label.
 * The rule: a word in capitals (letters, digits, underscores; 4 characters or more) that equals the name of a
 * constant of an enum in an entity package. Short capitals ("NOT", "PDF", "URL") and ordinary acronyms that
 * are no constant pass; ScanType's constants are file formats ("PDF", "JPEG", "PNG") people know by those names.
 */
public final class PlainWords {

    private static final Pattern CAPITALS = Pattern.compile("\\b[A-Z][A-Z0-9_]{3,}\\b");
    private static final Set<String> CODES = codes();

    private PlainWords() {
    }

    public static void assertNoEnumNames(WebDriver driver, String pageName) {
        String text = driver.findElement(By.tagName("body")).getText();
        Set<String> found = new TreeSet<>();
        Matcher m = CAPITALS.matcher(text);
        while (m.find()) {
            if (CODES.contains(m.group())) {
                found.add(m.group());
            }
        }
        assertEquals(Set.of(), found, pageName + " shows codes instead of words");
    }

    private static Set<String> codes() {
        Path classes = Path.of("target/classes");
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(classes)) {
            files.map(f -> classes.relativize(f).toString().replace('\\', '/'))
                    .filter(f -> f.matches("org/district/socialmedia/\\w+/entity/[^-]*\\.class"))
                    .map(f -> f.substring(0, f.length() - ".class".length()).replace('/', '.'))
                    .forEach(name -> {
                        try {
                            Class<?> type = Class.forName(name, false, PlainWords.class.getClassLoader());
                            if (type.isEnum() && !type.getSimpleName().equals("ScanType") && !type.getSimpleName().equals("SettingKey")) {
                                for (Object constant : type.getEnumConstants()) {
                                    names.add(((Enum<?>) constant).name());
                                }
                            }
                        } catch (ClassNotFoundException | LinkageError skipped) {
                            // not loadable outside the server: no constants to collect
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertTrue(names.contains("PAPER_SCAN") && names.contains("SUBMITTED"), "the enum constants were found: " + names);
        names.removeIf(n -> n.length() < 4);
        return names;
    }
}
