package org.district.socialmedia.notifications.control;

import java.util.List;

/**
 * Plain-text and HTML versions of each message, from the same parts. Every value typed by a person
 * is escaped in the HTML version.
 */
public final class MailTemplates {

    /** What goes into a message: a greeting line, paragraphs, and a link to the request page. */
    public record Parts(String districtName, String subject, String greeting, List<String> paragraphs, String linkText,
                        String linkUrl) {
    }

    public record Rendered(String subject, String text, String html) {
    }

    /** The signature line under the District's name in staff mail. */
    public static final String FOOTER = "District-related social media";

    private MailTemplates() {
    }

    public static Rendered render(Parts parts) {
        return render(parts, "en", FOOTER);
    }

    /** In another language: the HTML's lang and the signature line under the District's name. */
    public static Rendered render(Parts parts, String language, String footer) {
        String subject = parts.districtName() + ": " + parts.subject();
        StringBuilder text = new StringBuilder();
        text.append(parts.greeting()).append("\n\n");
        parts.paragraphs().forEach(p -> text.append(p).append("\n\n"));
        text.append(parts.linkText()).append(": ").append(parts.linkUrl()).append("\n\n");
        text.append("-- \n").append(parts.districtName()).append(", ").append(footer).append("\n");

        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html><html lang=\"").append(escape(language)).append("\"><head><meta charset=\"UTF-8\"><title>").append(escape(subject))
                .append("</title></head><body style=\"font-family:sans-serif;color:#1b1f24\">");
        html.append("<p>").append(escape(parts.greeting())).append("</p>");
        parts.paragraphs().forEach(p -> html.append("<p style=\"white-space:pre-wrap\">").append(escape(p)).append("</p>"));
        html.append("<p><a href=\"").append(escape(parts.linkUrl())).append("\">").append(escape(parts.linkText())).append("</a></p>");
        html.append("<p style=\"color:#4a5360\">").append(escape(parts.districtName()))
                .append(", ").append(escape(footer)).append("</p></body></html>");
        return new Rendered(subject, text.toString(), html.toString());
    }

    public static String escape(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
