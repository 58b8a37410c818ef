package com.customer360.query.views;

import java.time.Instant;

/** A rebuild as the API shows it. */
record RebuildView(
        String rebuildId,
        String view,
        int version,
        Instant asOf,
        String switchMode,
        Rebuild.State state,
        long eventsApplied,
        long eventsTotal,
        double progress,
        double eventsPerSecond,
        Long etaSeconds,
        long lag,
        long heldCustomers,
        Instant startedAt,
        Instant caughtUpAt,
        Instant switchedAt,
        String failure,
        boolean dropped) {

    static RebuildView of(Rebuild rebuild) {
        return new RebuildView(
                rebuild.rebuildId(),
                rebuild.view(),
                rebuild.version(),
                rebuild.asOf(),
                rebuild.switchMode() == Rebuild.SwitchMode.MANUAL ? "manual" : "when-caught-up",
                rebuild.state(),
                rebuild.eventsApplied(),
                rebuild.eventsTotal(),
                Math.round(rebuild.progress() * 10000) / 10000.0,
                Math.round(rebuild.eventsPerSecond() * 10) / 10.0,
                rebuild.etaSeconds(),
                rebuild.lag(),
                rebuild.heldCustomers(),
                rebuild.startedAt(),
                rebuild.caughtUpAt(),
                rebuild.switchedAt(),
                rebuild.failure(),
                rebuild.dropped());
    }

    /** Whether nothing about it changes any more, so that its progress stream can end. */
    boolean isSettled() {
        return dropped
                || state == Rebuild.State.FAILED
                || state == Rebuild.State.CANCELLED
                || state == Rebuild.State.SWITCHED
                || (state == Rebuild.State.CAUGHT_UP && asOf != null);
    }
}
