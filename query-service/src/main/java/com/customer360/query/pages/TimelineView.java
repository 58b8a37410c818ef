package com.customer360.query.pages;

import com.customer360.query.timeline.TimelineEntry;
import com.customer360.query.timeline.TimelinePage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A stretch of a customer's timeline, newest first, and where the next (older) stretch is fetched from. */
record TimelineView(String customerId, List<TimelineEntry> entries, String moreUrl) {

    static TimelineView of(String customerId, TimelinePage page) {
        String more = page.hasNext() && page.nextCursor() != null
                ? "/customers/" + customerId + "/timeline?cursor="
                        + URLEncoder.encode(page.nextCursor(), StandardCharsets.UTF_8)
                : null;
        return new TimelineView(customerId, page.items(), more);
    }
}
