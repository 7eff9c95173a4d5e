package org.district.socialmedia.platform.control;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

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
    @Inject
    DatabaseReadiness readiness;

    /** The database's state and, when DOWN, why (one line). */
    public record Check(String state, String reason) {
    }

    public String database() {
        return databaseCheck().state();
    }

    public Check databaseCheck() {
        try (Connection connection = dataSource.getConnection()) {
            if (connection.isValid(2)) {
                readiness.databaseWorks();
                return new Check("UP", null);
            }
            return new Check("DOWN", "the connection did not answer within 2 s");
        } catch (Exception e) {
            // monitoring asks every few seconds: logged once a minute with a count
            readiness.databaseFailed(e);
            return new Check("DOWN", DatabaseFailures.describe(e));
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
