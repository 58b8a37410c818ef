package com.customer360.query.pages;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/**
 * What the templates show before the page's script formats it for the reader's locale and time zone, and what a
 * browser without scripts keeps: times in UTC, to the minute. Templates call it as {@code @pageFormat}.
 */
@Component("pageFormat")
class PageFormat {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    public String time(Instant at) {
        return at == null ? "" : WHEN.format(at);
    }
}
