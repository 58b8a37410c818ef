package com.customer360.query.fold;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Read models keep instants to the millisecond, the precision of a BSON date, so a document folded in memory is
 * exactly the document read back later, and comparisons of times give the same answer before and after a reload.
 */
public final class StoredTime {

    private StoredTime() {}

    public static Instant of(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
