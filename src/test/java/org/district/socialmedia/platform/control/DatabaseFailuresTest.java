package org.district.socialmedia.platform.control;

import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import jakarta.resource.ResourceException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseFailuresTest {

    @Test
    void aConnectionThePoolCouldNotOpenIsUnavailableHoweverDeepItIsWrapped() {
        // as an outage reaches a boundary: EJB, JPA, the pool's SQLException, its ResourceException, the driver's
        SQLException driver = new SQLException("FATAL: database \"smu\" is not currently accepting connections", "55000");
        ResourceException pool = new ResourceException("IJ031084: Unable to create connection", driver);
        Exception wrapped = new EJBException(new PersistenceException("Exception [EclipseLink-4002]",
                new SQLException("jakarta.resource.ResourceException: IJ000453: Unable to get managed connection", pool)));
        assertTrue(DatabaseFailures.isUnavailable(wrapped));
        assertEquals("FATAL: database \"smu\" is not currently accepting connections", DatabaseFailures.describe(wrapped));
    }

    @Test
    void connectionRefusedAWrongPasswordAndAShutdownAreUnavailable() {
        assertTrue(DatabaseFailures.isUnavailable(new SQLException("Connection to localhost:5432 refused", "08001")));
        assertTrue(DatabaseFailures.isUnavailable(new SQLException("FATAL: password authentication failed", "28P01")));
        assertTrue(DatabaseFailures.isUnavailable(new SQLException("FATAL: terminating connection due to administrator command", "57P01")));
    }

    @Test
    void aBrokenConstraintOrABugIsNotUnavailable() {
        assertFalse(DatabaseFailures.isUnavailable(new PersistenceException(new SQLIntegrityConstraintViolationException("duplicate key", "23505"))));
        assertFalse(DatabaseFailures.isUnavailable(new IllegalStateException("a bug")));
        assertFalse(DatabaseFailures.isUnavailable(new SQLException("some other object state", "55000")));
        assertEquals("a bug", DatabaseFailures.describe(new RuntimeException(new IllegalStateException("a bug"))));
    }
}
