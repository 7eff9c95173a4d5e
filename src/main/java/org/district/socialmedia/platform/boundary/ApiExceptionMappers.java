package org.district.socialmedia.platform.boundary;

import jakarta.ejb.EJBAccessException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.district.socialmedia.platform.control.DatabaseReadiness;
import org.district.socialmedia.platform.entity.AccessDeniedException;
import org.district.socialmedia.platform.entity.ConflictException;
import org.district.socialmedia.platform.entity.DatabaseUnavailableException;
import org.district.socialmedia.platform.entity.InvalidInputException;
import org.district.socialmedia.platform.entity.NotFoundException;
import org.district.socialmedia.platform.entity.StateConflictException;

import java.util.LinkedHashMap;
import java.util.Map;

/** The API's error answers: JSON bodies with a status, a message and, for 400, the invalid fields. */
public final class ApiExceptionMappers {

    private ApiExceptionMappers() {
    }

    static Response error(int status, String message, Map<String, String> fields) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("message", message);
        if (fields != null && !fields.isEmpty()) {
            body.put("errors", fields);
        }
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }

    @Provider
    public static class InvalidInput implements ExceptionMapper<InvalidInputException> {
        @Override
        public Response toResponse(InvalidInputException e) {
            return error(400, "Some fields are not valid", e.getFieldErrors());
        }
    }

    @Provider
    public static class BeanValidation implements ExceptionMapper<ConstraintViolationException> {
        @Override
        public Response toResponse(ConstraintViolationException e) {
            Map<String, String> fields = new LinkedHashMap<>();
            e.getConstraintViolations().forEach(v -> fields.put(v.getPropertyPath().toString(), v.getMessage()));
            return error(400, "Some fields are not valid", fields);
        }
    }

    /** A body that is not JSON, or not of the expected shape: the client's mistake, said without the parser's internals. */
    @Provider
    public static class UnreadableBody implements ExceptionMapper<jakarta.ws.rs.ProcessingException> {
        @Override
        public Response toResponse(jakarta.ws.rs.ProcessingException e) {
            return error(400, "The request body is not valid JSON of the expected shape", null);
        }
    }

    @Provider
    public static class AccessDenied implements ExceptionMapper<EJBAccessException> {
        @Override
        public Response toResponse(EJBAccessException e) {
            // the application's own refusals say which rule refused; the container's say nothing more
            return error(403, e instanceof AccessDeniedException && e.getMessage() != null ? e.getMessage()
                    : "You are not allowed to do this", null);
        }
    }

    @Provider
    public static class Missing implements ExceptionMapper<NotFoundException> {
        @Override
        public Response toResponse(NotFoundException e) {
            return error(404, e.getMessage(), null);
        }
    }

    @Provider
    public static class Conflict implements ExceptionMapper<ConflictException> {
        @Override
        public Response toResponse(ConflictException e) {
            return error(409, e.getMessage(), null);
        }
    }

    @Provider
    public static class StateConflict implements ExceptionMapper<StateConflictException> {
        @Override
        public Response toResponse(StateConflictException e) {
            return error(409, e.getMessage(), null);
        }
    }

    @Provider
    public static class StaleUpdate implements ExceptionMapper<OptimisticLockException> {
        @Override
        public Response toResponse(OptimisticLockException e) {
            return error(409, "Somebody else changed this in the meantime; reload and try again", null);
        }
    }

    /** The database cannot be reached: 503, try again later; logged once a minute, not per request. */
    @Provider
    @ApplicationScoped
    public static class DatabaseUnavailable implements ExceptionMapper<DatabaseUnavailableException> {
        @Inject
        DatabaseReadiness readiness;

        @Override
        public Response toResponse(DatabaseUnavailableException e) {
            readiness.databaseFailed(e);
            return Response.fromResponse(error(503, Unavailable.MESSAGE, null))
                    .header("Retry-After", DatabaseReadiness.RETRY_AFTER_SECONDS).header("Cache-Control", "no-store").build();
        }
    }
}
