package com.customer360.query.timeline;

import java.util.List;

/** A page of a customer's timeline, newest first, with cursors to the next (older) and previous (newer) pages. */
public record TimelinePage(
        List<TimelineEntry> items,
        int size,
        boolean hasPrevious,
        boolean hasNext,
        String nextCursor,
        String previousCursor) {}
