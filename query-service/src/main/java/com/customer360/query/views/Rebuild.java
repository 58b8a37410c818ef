package com.customer360.query.views;

import java.time.Instant;

/**
 * A rebuild of a view into a new version, as stored in {@value Rebuilds#COLLECTION}.
 *
 * @param asOf the moment of an as-of snapshot (events recorded after it are not applied), or {@code null}
 * @param eventsApplied events taken off the topic so far: applied, or passed over (after {@code asOf}, held)
 * @param eventsTotal the events on the topic when progress was last measured: {@code eventsApplied} plus the lag
 * @param eventsPerSecond the pace since this instance took the rebuild up
 * @param heldCustomers customers whose events the version could not apply (their reason is in the holds)
 * @param failure why the rebuild failed, when it did
 * @param dropped whether the version's data is gone (cancelled, failed and deleted, or retired)
 */
record Rebuild(
        String rebuildId,
        String view,
        int version,
        Instant asOf,
        SwitchMode switchMode,
        State state,
        long eventsApplied,
        long eventsTotal,
        double eventsPerSecond,
        long lag,
        long heldCustomers,
        Instant startedAt,
        Instant caughtUpAt,
        Instant switchedAt,
        String failure,
        boolean dropped) {

    enum State {
        RUNNING,
        CAUGHT_UP,
        SWITCHED,
        FAILED,
        CANCELLED
    }

    enum SwitchMode {
        MANUAL,
        WHEN_CAUGHT_UP
    }

    boolean isSnapshot() {
        return asOf != null;
    }

    double progress() {
        if (eventsTotal == 0) {
            return state == State.RUNNING ? 0 : 1;
        }
        return Math.min(1.0, (double) eventsApplied / eventsTotal);
    }

    /** Seconds left at the current pace, or {@code null} when there is no pace to go by. */
    Long etaSeconds() {
        if (state != State.RUNNING) {
            return state == State.CAUGHT_UP || state == State.SWITCHED ? 0L : null;
        }
        if (eventsPerSecond <= 0) {
            return null;
        }
        return (long) Math.ceil(Math.max(0, eventsTotal - eventsApplied) / eventsPerSecond);
    }
}
