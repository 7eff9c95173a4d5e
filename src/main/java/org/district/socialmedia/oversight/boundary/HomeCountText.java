package org.district.socialmedia.oversight.boundary;

import org.district.socialmedia.platform.control.Labels;
import org.district.socialmedia.platform.control.Matches;
import org.district.socialmedia.platform.entity.HomeCount;

import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The words of a home count: the bundle's choice pattern filled with the count ("3 requests overdue"). */
public final class HomeCountText {

    /** One line of the home page: the link's text, the portal path, and an id for tests and anchors. */
    public record Line(String text, String link, String id, long count) {
    }

    private HomeCountText() {
    }

    public static Line line(HomeCount count) {
        return new Line(text(count), count.link(), "count-" + count.labelKey().replace('.', '-'), count.count());
    }

    /** "No requests overdue", "1 request overdue", "12 requests overdue", "More than 10,000 requests overdue". */
    public static String text(HomeCount count) {
        String pattern;
        try {
            pattern = ResourceBundle.getBundle(Labels.BUNDLE, Labels.LOCALE).getString(count.labelKey());
        } catch (MissingResourceException e) {
            pattern = count.labelKey() + ": {0,number,integer}";
        }
        String text = new MessageFormat(pattern, Labels.LOCALE).format(new Object[]{count.count()});
        if (count.more()) {
            return "More than " + Matches.limitShown() + " " + text.substring(text.indexOf(' ') + 1);
        }
        return text;
    }
}
