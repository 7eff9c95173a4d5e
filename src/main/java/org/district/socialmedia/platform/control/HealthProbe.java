package org.district.socialmedia.platform.control;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import javax.sql.DataSource;
import java.sql.Connection;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Answers "is it up?" for the database and the EJB timer service, without throwing. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class HealthProbe {

    private static final Logger LOG = Logger.getLogger(HealthProbe.class.getName());

    @Resource(lookup = "java:jboss/datasources/SocialMediaDS")
    DataSource dataSource;

    @Resource
    TimerService timerService;

    public String database() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2) ? "UP" : "DOWN";
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Health: database unreachable", e);
            return "DOWN";
        }
    }

    public String timerService() {
        try {
            // listing the timers reaches the (persistent) timer store
            timerService.getAllTimers();
            return "UP";
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Health: timer service unavailable", e);
            return "DOWN";
        }
    }
}
