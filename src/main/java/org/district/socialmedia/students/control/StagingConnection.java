package org.district.socialmedia.students.control;

import jakarta.persistence.EntityManager;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * JDBC work on the connection of the caller's transaction, for the staging tables' batches and set-wise statements
 * ({@link EnrollmentStaging}, {@link UserStaging}): plain JDBC there, because JPA would build an entity per staged
 * row, yet inside the container's transaction, so that a batch commits or rolls back with it.
 */
final class StagingConnection {

    @FunctionalInterface
    interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    @FunctionalInterface
    interface VoidWork {
        void on(Connection connection) throws SQLException;
    }

    private StagingConnection() {
    }

    /** The work's answer; an SQLException becomes an IllegalStateException naming {@code what}, which rolls the transaction back. */
    static <T> T call(EntityManager em, String what, Work<T> work) {
        // a write binds the transaction's connection, which unwrap answers only then
        em.createNativeQuery("UPDATE import_run SET id = id WHERE id = -1").executeUpdate();
        try {
            return work.on(em.unwrap(Connection.class));
        } catch (SQLException e) {
            throw new IllegalStateException(what + ": " + e.getMessage(), e);
        }
    }

    static void run(EntityManager em, String what, VoidWork work) {
        call(em, what, c -> {
            work.on(c);
            return null;
        });
    }
}
