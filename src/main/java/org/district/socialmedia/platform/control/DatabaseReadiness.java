package org.district.socialmedia.platform.control;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.logging.Logger;

/**
 * Whether this server may serve now: the schema is migrated (SchemaMigration) and no start-up work is
 * waiting for the database. Until then pages and the API answer 503 (UnavailableFilter, the
 * authentication mechanism) and the timers do nothing. Also the one place where the application logs
 * database failures, throttled (LogThrottle): the health check, the timers and the requests that
 * failed because the database could not be reached.
 */
@ApplicationScoped
public class DatabaseReadiness {

    /** What the API's Retry-After says, in seconds. */
    public static final int RETRY_AFTER_SECONDS = 30;
    /** The throttle's kind for "the database cannot be reached". */
    public static final String DATABASE = "Database";

    private static final Logger LOG = Logger.getLogger(DatabaseReadiness.class.getName());

    private final LogThrottle throttle = new LogThrottle(LOG);
    private volatile boolean ready;
    private volatile String reason = "the database schema is not migrated yet";
    private volatile boolean schemaTooNew;

    public boolean isReady() {
        return ready;
    }

    /** Why this server does not serve, or null when it does. */
    public String reason() {
        return ready ? null : reason;
    }

    /** The schema is newer than this application: it stays 503 until the newer WAR is deployed or the backup restored. */
    public boolean isSchemaTooNew() {
        return !ready && schemaTooNew;
    }

    void becameReady() {
        schemaTooNew = false;
        ready = true;
    }

    void notReady(String why, boolean tooNew) {
        reason = why;
        schemaTooNew = tooNew;
        ready = false;
    }

    /** A failure to reach the database (a request, a timer, the health check): logged once per minute with a count. */
    public void databaseFailed(Throwable failure) {
        throttle.failed(DATABASE, DatabaseFailures.describe(failure), failure);
    }

    /** The database answered: logs the recovery once, if it had failed. */
    public void databaseWorks() {
        throttle.recovered(DATABASE);
    }

    /** Another kind of repeated failure (a timer, the mail relay), throttled the same way. */
    public void failed(String kind, Throwable failure) {
        throttle.failed(kind, DatabaseFailures.describe(failure), failure);
    }

    public void works(String kind) {
        throttle.recovered(kind);
    }
}
