package com.customer360.command.input;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Plausibility of times sent by callers. Upstream systems may report facts from the past (an order placed before it
 * reached us), but not from the future beyond a little clock skew, nor from before this century.
 */
public final class Timestamps {

    static final Duration ALLOWED_SKEW = Duration.ofMinutes(5);
    static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    private Timestamps() {}

    /** The given time if plausible, or now when none was given. */
    public static Instant orNow(Instant given, Clock clock, String field) {
        return given == null ? clock.instant() : plausible(given, clock, field);
    }

    /**
     * The given time, checked.
     *
     * @throws InvalidInput when it lies in the future beyond the clock skew, or before this century
     */
    public static Instant plausible(Instant given, Clock clock, String field) {
        if (given.isAfter(clock.instant().plus(ALLOWED_SKEW))) {
            throw InvalidInput.of(field, "must not be in the future");
        }
        if (given.isBefore(EARLIEST)) {
            throw InvalidInput.of(field, "must not be before 2000-01-01T00:00:00Z");
        }
        return given;
    }
}
