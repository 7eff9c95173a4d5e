package org.district.socialmedia.parents.entity;

import org.district.socialmedia.consent.entity.ConsentItem;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParentTextsTest {

    private static Properties load(String language) throws IOException {
        try (InputStream in = ParentTexts.class.getClassLoader().getResourceAsStream(ParentTexts.resource(language))) {
            assertNotNull(in, ParentTexts.resource(language));
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        }
    }

    @Test
    void everyLanguageFileHasEveryKeyOfTheEnglishOneAndNoOther() throws IOException {
        Properties english = load("");
        assertTrue(ParentTexts.supported().size() >= 2, "English and Spanish at least");
        for (Locale locale : ParentTexts.supported()) {
            if (locale.equals(ParentTexts.DEFAULT)) {
                continue;
            }
            Properties other = load(locale.getLanguage());
            Set<String> missing = new TreeSet<>(english.stringPropertyNames());
            missing.removeAll(other.stringPropertyNames());
            assertEquals(Set.of(), missing, "keys missing from " + ParentTexts.resource(locale.getLanguage()));
            Set<String> extra = new TreeSet<>(other.stringPropertyNames());
            extra.removeAll(english.stringPropertyNames());
            assertEquals(Set.of(), extra, "keys only in " + ParentTexts.resource(locale.getLanguage()));
            for (String key : other.stringPropertyNames()) {
                assertFalse(other.getProperty(key).isBlank(), key + " is empty in " + locale);
            }
        }
    }

    @Test
    void everyConsentItemHasAText() {
        for (Locale locale : ParentTexts.supported()) {
            ParentTexts t = ParentTexts.of(locale);
            for (ConsentItem item : ConsentItem.values()) {
                assertFalse(t.item(item).isBlank());
            }
        }
    }

    @Test
    void theChosenLanguageWinsThenTheBrowsersThenEnglish() {
        assertEquals("es", ParentTexts.choose("es", "en-US,en;q=0.9").getLanguage());
        assertEquals("es", ParentTexts.choose(null, "es-MX,es;q=0.9,en;q=0.5").getLanguage());
        assertEquals("en", ParentTexts.choose(null, "fr-FR,de;q=0.5").getLanguage());
        assertEquals("en", ParentTexts.choose("xx", null).getLanguage());
        assertEquals("en", ParentTexts.choose(null, ";;;not a header").getLanguage());
    }

    @Test
    void datesAndFilledInTextsFollowTheLocale() {
        ParentTexts es = ParentTexts.of(Locale.forLanguageTag("es"));
        ParentTexts en = ParentTexts.of(Locale.ENGLISH);
        LocalDate day = LocalDate.of(2026, 9, 1);
        assertTrue(es.date(day).contains("septiembre"), es.date(day));
        assertTrue(en.date(day).contains("September"), en.date(day));
        assertEquals("Choose yes or no for: Photographs.", en.get("sign.missing.choice", en.item(ConsentItem.PHOTO)));
        assertTrue(es.get("consent.intro", "Distrito", "Ana", "Escuela Oeste").contains("Ana"));
    }

    @Test
    void theFormTextNamesOnlyTheFirstNameAndSchoolAndItsHashFollowsTheText() {
        ParentTexts en = ParentTexts.of(Locale.ENGLISH);
        FormText a = FormText.of(en, "Example USD", "Ana", "Westside Elementary", LocalDate.of(2026, 7, 1), LocalDate.of(2027, 6, 30));
        FormText b = FormText.of(ParentTexts.of(Locale.forLanguageTag("es")), "Example USD", "Ana", "Westside Elementary",
                LocalDate.of(2026, 7, 1), LocalDate.of(2027, 6, 30));
        assertTrue(a.asText().contains("Ana") && a.asText().contains("Westside Elementary"));
        assertEquals(a.sha256(), LinkToken.sha256(a.asText()));
        assertFalse(a.sha256().equals(b.sha256()), "another language is another text shown");
    }
}
