package org.district.socialmedia.platform.control;

import jakarta.resource.ResourceException;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Tells a database that cannot be reached (down, restarting, refusing connections, a wrong password)
 * from every other failure, by looking through an exception's causes: the answer is then 503, "try
 * again", not 500. IronJacamar wraps every failure to get a connection in a ResourceException; the
 * SQL states are the standard connection class (08), PostgreSQL's shutdown states (57P01-57P03),
 * authorization (28), an unknown database (3D000), too many connections (53300) and a database that
 * does not accept connections now (55000 with that message).
 */
public final class DatabaseFailures {

    private DatabaseFailures() {
    }

    public static boolean isUnavailable(Throwable failure) {
        return unavailableCause(failure) != null;
    }

    /** The innermost cause that says the database cannot be reached, or null. */
    public static Throwable unavailableCause(Throwable failure) {
        Throwable found = null;
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = next(t)) {
            if (saysUnavailable(t)) {
                found = t;
            }
        }
        return found;
    }

    /** A short, single-line description for the log and the health answer: the innermost cause's message. */
    public static String describe(Throwable failure) {
        Throwable cause = unavailableCause(failure);
        Throwable root = cause;
        if (root == null) {
            root = failure;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static Throwable next(Throwable t) {
        if (t instanceof SQLException sql && sql.getNextException() != null && t.getCause() == null) {
            return sql.getNextException();
        }
        return t.getCause();
    }

    private static boolean saysUnavailable(Throwable t) {
        if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                || t instanceof ConnectException || t instanceof ResourceException) {
            return true;
        }
        if (t instanceof SQLException sql && sql.getSQLState() != null) {
            String state = sql.getSQLState();
            return state.startsWith("08") || state.startsWith("28") || state.startsWith("57P") || state.equals("3D000")
                    || state.equals("53300")
                    || state.equals("55000") && String.valueOf(sql.getMessage()).contains("not currently accepting connections");
        }
        return false;
    }
}
