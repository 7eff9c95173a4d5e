package org.district.socialmedia.platform.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;

/**
 * Brings the schema to the current version at deployment, before anything else touches the
 * database. Flyway takes a lock in its history table, so several servers starting together on one
 * PostgreSQL migrate once. The persistence unit never generates DDL.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = "java:jboss/datasources/SocialMediaDS")
    DataSource dataSource;

    @PostConstruct
    void migrate() {
        String product;
        try (Connection c = dataSource.getConnection()) {
            product = c.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database to migrate it: " + e.getMessage(), e);
        }
        MigrateResult result = Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .locations(MigrationLocations.of(product))
                // the EJB timer store may share the schema: treat a schema without history as version 0
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
        // Flyway names no target version when there was nothing to apply
        LOG.info(() -> result.migrationsExecuted == 0 ? product + " schema already up to date"
                : product + " schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted + " migrations applied now)");
    }
}
