package org.district.socialmedia.platform.control;

import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.InvocationContext;
import org.district.socialmedia.platform.entity.DatabaseUnavailableException;

/**
 * Every EJB's calls (bound to all of them in WEB-INF/ejb-jar.xml): a failure to reach the database
 * leaves the bean as {@link DatabaseUnavailableException}. The container then neither logs a stack
 * trace per call and per bean it passes (WFLYEJB0034, the bulk of an outage's log) nor wraps it, and the
 * API and the pages answer 503 instead of 500.
 */
public class DatabaseOutageInterceptor {

    @AroundInvoke
    public Object translate(InvocationContext call) throws Exception {
        try {
            return call.proceed();
        } catch (DatabaseUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            if (DatabaseFailures.isUnavailable(e)) {
                throw new DatabaseUnavailableException("The database cannot be reached: " + DatabaseFailures.describe(e), e);
            }
            throw e;
        }
    }
}
