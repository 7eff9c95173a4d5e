package org.district.socialmedia.requests.entity;

/** Text normalization shared by the request entities. */
final class Texts {

    private Texts() {
    }

    /** Stripped, and null when nothing is left: a blank answer is no answer. */
    static String clean(String text) {
        if (text == null) {
            return null;
        }
        String stripped = text.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    static boolean longerThan(String text, int max) {
        return text != null && text.length() > max;
    }
}
