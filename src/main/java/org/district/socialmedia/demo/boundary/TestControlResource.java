package org.district.socialmedia.demo.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import org.district.socialmedia.accounts.control.RightsSweep;
import org.district.socialmedia.acknowledgements.control.AckSweep;
import org.district.socialmedia.consent.control.ConsentSweep;
import org.district.socialmedia.parents.control.ParentReminderSweep;
import org.district.socialmedia.students.control.RosterDropSweep;
import org.district.socialmedia.oversight.control.BoardReportSweep;
import org.district.socialmedia.notifications.control.MailRelay;
import org.district.socialmedia.platform.control.ApplicationClock;
import org.district.socialmedia.platform.entity.InvalidInputException;
import org.district.socialmedia.platform.entity.NotFoundException;
import org.district.socialmedia.platform.entity.Role;
import org.district.socialmedia.requests.control.EscalationSweep;
import org.district.socialmedia.students.control.RosterResumeSweep;
import org.district.socialmedia.requests.control.EscalationWorker;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Test-server controls for tests that run outside the server: move the clock, run the deadline
 * sweep and the mail relay now. Answers 404 on any server without dev/configure-test-clock.cli,
 * that is on every real one.
 */
@Path("test")
@Stateless
@RolesAllowed(Role.SYSTEM_ADMIN_NAME)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TestControlResource {

    @Inject
    ApplicationClock applicationClock;
    @Inject
    Clock clock;
    @Inject
    EscalationSweep sweep;
    @Inject
    RightsSweep rightsSweep;
    @Inject
    RosterResumeSweep rosterResumeSweep;
    @Inject
    ConsentSweep consentSweep;
    @Inject
    ParentReminderSweep parentReminderSweep;
    @Inject
    RosterDropSweep rosterDropSweep;
    @Inject
    AckSweep ackSweep;
    @Inject
    BoardReportSweep boardReportSweep;
    @Inject
    MailRelay relay;
    @Inject
    EscalationWorker worker;

    public record Advance(String by) {
    }

    @POST
    @Path("clock")
    public Map<String, Object> advance(Advance body) {
        requireTestServer();
        try {
            applicationClock.advance(Duration.parse(body.by()));
        } catch (RuntimeException e) {
            throw new InvalidInputException("by", "Give a positive ISO-8601 duration such as P2D");
        }
        return Map.of("now", clock.instant().toString());
    }

    @POST
    @Path("clock/reset")
    public Map<String, Object> reset() {
        requireTestServer();
        applicationClock.reset();
        return Map.of("now", clock.instant().toString());
    }

    @POST
    @Path("sweep")
    public Map<String, Object> sweep() {
        requireTestServer();
        return Map.of("fired", sweep.sweepNow());
    }

    /** Runs the account rights timer's pass now: term reviews, reminders, notices and expiries that are due. */
    /** Runs the roster import resume sweep's pass now: imports cut off by a crash are taken over and restarted. */
    @POST
    @Path("roster-resume-sweep")
    public Map<String, Object> rosterResumeSweep() {
        requireTestServer();
        return Map.of("done", rosterResumeSweep.sweepNow());
    }

    @POST
    @Path("rights-sweep")
    public Map<String, Object> rightsSweep() {
        requireTestServer();
        return Map.of("done", rightsSweep.sweepNow());
    }

    /** Runs the acknowledgement timer's pass now: campaigns due start, new staff are enrolled, due notices go out. */
    @POST
    @Path("ack-sweep")
    public Map<String, Object> ackSweep() {
        requireTestServer();
        return Map.of("done", ackSweep.sweepNow());
    }

    /** Runs the Board report timer's pass now: last month's report is queued if due and not queued yet. */
    @POST
    @Path("board-report-sweep")
    public Map<String, Object> boardReportSweep() {
        requireTestServer();
        return Map.of("done", boardReportSweep.sweepNow());
    }

    /** Runs the consent timer's pass now: forms past their period expire, due takedown reminders go out. */
    @POST
    @Path("consent-sweep")
    public Map<String, Object> consentSweep() {
        requireTestServer();
        return Map.of("done", consentSweep.sweepNow());
    }

    /** Runs the parents' reminder timer's pass now: due reminders of unanswered consent requests go out. */
    @POST
    @Path("parent-reminder-sweep")
    public Map<String, Object> parentReminderSweep() {
        requireTestServer();
        return Map.of("done", parentReminderSweep.sweepNow());
    }

    /** Runs the roster drop folder's timer's pass now: settled zips are taken, stopped drops told. */
    @POST
    @Path("roster-drop-sweep")
    public Map<String, Object> rosterDropSweep() {
        requireTestServer();
        return Map.of("done", rosterDropSweep.sweepNow());
    }

    /** Escalates one request now, as a sweep would; a second sweep doing the same at once loses on the unique key. */
    @POST
    @Path("escalate/{id}")
    public Map<String, Object> escalate(@PathParam("id") Long id) {
        requireTestServer();
        try {
            String fired = worker.escalate(id);
            return Map.of("fired", fired == null ? "" : fired, "refused", false);
        } catch (RuntimeException refusedByTheUniqueKey) {
            return Map.of("fired", "", "refused", true);
        }
    }

    @POST
    @Path("mail-relay")
    public Map<String, Object> relay() {
        requireTestServer();
        return Map.of("sent", relay.relay());
    }

    private void requireTestServer() {
        if (!applicationClock.isMovable()) {
            throw new NotFoundException("Resource");
        }
    }
}
