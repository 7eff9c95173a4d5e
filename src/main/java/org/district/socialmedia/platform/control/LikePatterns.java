package org.district.socialmedia.platform.control;

/** LIKE patterns from what people type: their % and _ match themselves (queries say ESCAPE '\'). */
public final class LikePatterns {

    private LikePatterns() {
    }

    public static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
