package org.district.socialmedia.platform.control;

/** What went wrong, in one line, for status pages and logs: the innermost cause's type and message. */
public final class Errors {

    private Errors() {
    }

    public static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
