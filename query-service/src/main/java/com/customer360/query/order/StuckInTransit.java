package com.customer360.query.order;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When an order counts as stuck in transit: in transit with no shipping update for longer than {@code
 * customer360.stuck-in-transit-after} (7 days unless set). It is worked out when read, from the time of the last
 * update, so an order becomes stuck as time passes, without a new event.
 */
@Component
public class StuckInTransit {

    private final Clock clock;
    private final Duration after;

    public StuckInTransit(Clock clock, @Value("${customer360.stuck-in-transit-after:7d}") Duration after) {
        this.clock = clock;
        this.after = after;
    }

    /** Whether an order in transit since {@code lastUpdate} ({@code null}: not in transit) is stuck now. */
    public boolean isStuck(Instant lastUpdate) {
        return lastUpdate != null && lastUpdate.isBefore(cutoff());
    }

    /** Orders in transit whose last update is before this are stuck. */
    public Instant cutoff() {
        return clock.instant().minus(after);
    }

    public Duration after() {
        return after;
    }
}
