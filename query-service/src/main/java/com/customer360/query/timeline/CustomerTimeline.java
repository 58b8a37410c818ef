package com.customer360.query.timeline;

import com.customer360.query.store.KeysetCursor;
import com.customer360.query.store.ReadVersions;
import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

/** Pages of a customer's timeline, newest first, through the index on (customer, time, event id). */
@Component
public class CustomerTimeline {

    private final ReadVersions versions;

    CustomerTimeline(ReadVersions versions) {
        this.versions = versions;
    }

    /** The first page, or the page next to {@code cursor} ({@code null} for the first). */
    public TimelinePage page(String customerId, KeysetCursor cursor, int size) {
        Bson filter = Filters.eq("customerId", customerId);
        if (cursor != null) {
            filter = Filters.and(filter, cursor.beyond("at"));
        }
        List<Document> rows = new ArrayList<>(size + 1);
        versions.collection(TimelineDocuments.COLLECTION)
                .find(filter)
                .sort(cursor == null ? KeysetCursor.newestFirst("at") : cursor.sort("at"))
                .limit(size + 1)
                .forEach(rows::add);
        boolean more = rows.size() > size;
        List<Document> shown = new ArrayList<>(more ? rows.subList(0, size) : rows);
        boolean older = cursor == null || cursor.older();
        if (!older) {
            Collections.reverse(shown);
        }
        boolean hasNext = older ? more : !shown.isEmpty();
        boolean hasPrevious = cursor != null && (older ? !shown.isEmpty() : more);
        List<TimelineEntry> items =
                shown.stream().map(TimelineDocuments::fromBson).toList();
        return new TimelinePage(
                items,
                size,
                hasPrevious,
                hasNext,
                hasNext && !items.isEmpty() ? cursorAt(items.get(items.size() - 1), true) : null,
                hasPrevious && !items.isEmpty() ? cursorAt(items.get(0), false) : null);
    }

    private static String cursorAt(TimelineEntry entry, boolean older) {
        return new KeysetCursor(entry.at(), entry.eventId(), older).encode();
    }
}
