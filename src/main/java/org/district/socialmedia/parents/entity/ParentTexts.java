package org.district.socialmedia.parents.entity;

import org.district.socialmedia.consent.entity.ConsentItem;

import java.io.Serializable;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

/**
 * Every text a parent reads, in their language: the bundle {@code parents/texts} (English) and one file per
 * further language ({@code texts_es.properties}). The languages offered are the files that exist: a third
 * language is one more file. Dates are written the locale's way.
 */
public final class ParentTexts implements Serializable {

    public static final String BUNDLE = "parents.texts";
    public static final Locale DEFAULT = Locale.ENGLISH;
    private static final List<Locale> SUPPORTED = discover();

    private final Locale locale;
    private transient ResourceBundle bundle;

    private ParentTexts(Locale locale) {
        this.locale = locale;
    }

    /** The texts of a supported language (the default language for any other). */
    public static ParentTexts of(Locale locale) {
        return new ParentTexts(supportedOrDefault(locale));
    }

    /** English first, then every language that has its own file, in the order of their tags. */
    public static List<Locale> supported() {
        return SUPPORTED;
    }

    private static List<Locale> discover() {
        List<Locale> found = new ArrayList<>();
        found.add(DEFAULT);
        ClassLoader loader = ParentTexts.class.getClassLoader();
        for (String language : Locale.getISOLanguages()) {
            if (!language.equals(DEFAULT.getLanguage()) && loader.getResource(resource(language)) != null) {
                found.add(Locale.forLanguageTag(language));
            }
        }
        return List.copyOf(found);
    }

    /** The file of a language's texts on the class path. */
    public static String resource(String language) {
        return BUNDLE.replace('.', '/') + (language == null || language.isEmpty() ? "" : "_" + language) + ".properties";
    }

    /**
     * The language to show: the one chosen on the page if offered, else the best of the browser's
     * Accept-Language, else English.
     */
    public static Locale choose(String chosen, String acceptLanguage) {
        if (chosen != null && !chosen.isBlank()) {
            Locale wanted = Locale.forLanguageTag(chosen.strip());
            for (Locale l : SUPPORTED) {
                if (l.getLanguage().equals(wanted.getLanguage())) {
                    return l;
                }
            }
        }
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                Locale best = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), SUPPORTED);
                if (best != null) {
                    return best;
                }
            } catch (IllegalArgumentException malformed) {
                // a header we cannot read: the default below
            }
        }
        return DEFAULT;
    }

    private static Locale supportedOrDefault(Locale locale) {
        if (locale == null) {
            return DEFAULT;
        }
        return SUPPORTED.stream().filter(l -> l.getLanguage().equals(locale.getLanguage())).findFirst().orElse(DEFAULT);
    }

    public Locale locale() {
        return locale;
    }

    /** The language's tag for lang attributes and links ("en", "es"). */
    public String tag() {
        return locale.toLanguageTag();
    }

    private ResourceBundle bundle() {
        if (bundle == null) {
            bundle = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        }
        return bundle;
    }

    /** A text without placeholders (pages call these fixed-arity forms: no varargs through EL). */
    public String get(String key) {
        return get(key, new Object[0]);
    }

    public String get(String key, Object a) {
        return get(key, new Object[]{a});
    }

    public String get(String key, Object a, Object b) {
        return get(key, new Object[]{a, b});
    }

    /** A text with its placeholders filled in for the locale. */
    public String get(String key, Object... args) {
        return new MessageFormat(bundle().getString(key), locale).format(args);
    }

    public String item(ConsentItem item) {
        return get("item." + item.name());
    }

    /** The items as a list in words ("Photographs, Video"), or the word for nothing. */
    public String items(Collection<ConsentItem> items) {
        return items.isEmpty() ? get("receipt.none")
                : items.stream().sorted().map(this::item).collect(Collectors.joining(", "));
    }

    public String date(LocalDate day) {
        return day == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(day);
    }

    public String dateTime(Instant at, ZoneId zone) {
        return at == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT).withLocale(locale)
                .format(at.atZone(zone));
    }
}
