package org.district.socialmedia.platform.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

/**
 * The one source of "now" for all code: inject {@link Clock}. In production it is the system clock.
 * On the test server (system property {@value #TEST_CLOCK_PROPERTY}, set only by
 * server-config/dev/configure-test-clock.cli) tests may move it forward instead of waiting.
 */
@ApplicationScoped
public class ApplicationClock {

    public static final String TEST_CLOCK_PROPERTY = "social-media.test-clock";
    private static final Logger LOG = Logger.getLogger(ApplicationClock.class.getName());

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
    private boolean movable;

    @PostConstruct
    void init() {
        movable = Boolean.getBoolean(TEST_CLOCK_PROPERTY);
        if (movable) {
            LOG.warning("The application clock can be moved by tests (" + TEST_CLOCK_PROPERTY
                    + "=true). This must never be set on a production server.");
        }
    }

    @Produces
    public Clock clock() {
        return new OffsetClock(Clock.systemUTC(), offset);
    }

    public boolean isMovable() {
        return movable;
    }

    /** Moves the clock forward (tests only). */
    public void advance(Duration by) {
        requireMovable();
        if (by.isNegative()) {
            throw new IllegalArgumentException("The clock only moves forward");
        }
        offset.accumulateAndGet(by, Duration::plus);
    }

    /** Back to the real time (tests only). */
    public void reset() {
        requireMovable();
        offset.set(Duration.ZERO);
    }

    private void requireMovable() {
        if (!movable) {
            throw new IllegalStateException("The clock cannot be moved on this server");
        }
    }

    /** A Clock that adds the current offset to a base clock, so every holder sees a move at once. */
    static final class OffsetClock extends Clock {
        private final Clock base;
        private final AtomicReference<Duration> offset;

        OffsetClock(Clock base, AtomicReference<Duration> offset) {
            this.base = base;
            this.offset = offset;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.offset(Clock.system(zone), offset.get());
        }

        @Override
        public Instant instant() {
            return base.instant().plus(offset.get());
        }
    }
}
