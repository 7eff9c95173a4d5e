package org.district.socialmedia.platform.entity;

/**
 * The schema became ready after the deployment, once the database was back (SchemaMigration retries
 * with backoff). The start-up work that needs the database (timers, demo data, the first
 * administrator) observes it; at a deployment that finds the database, that work runs at once instead.
 * Observers must be idempotent: the event comes again when one of them failed.
 */
public record SchemaReady(int attempts) {
}
