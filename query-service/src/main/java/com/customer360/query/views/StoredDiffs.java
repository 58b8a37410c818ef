package com.customer360.query.views;

import com.customer360.security.ContactMasking;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * A rebuild's diff as computed once: one summary per rebuild in {@value #SUMMARIES} (keyed by the rebuild's id, with
 * the live version it was compared with and the counts per field), and its differences in order, {@value #CHUNK} to a
 * document of {@value #ITEMS}, at most {@value #KEPT} of them. A page is read by the ids of the one or two chunks it
 * falls in, so it costs the same whatever the number of customers. Values are stored as the views store them and
 * masked when a page is read, for the reader who reads it.
 */
@Component
class StoredDiffs {

    static final String SUMMARIES = "view_diffs";
    static final String ITEMS = "view_diff_items";

    /** Differences to a chunk document: a page (at most 100) falls in one or two chunks. */
    static final int CHUNK = 100;

    /** The most differences kept to be listed; the counts go on beyond them. */
    static final long KEPT = 100_000;

    enum State {
        COMPUTING,
        READY,
        FAILED
    }

    /** Where a diff stands; {@code computation} tells one computation of the rebuild's diff from the next. */
    record Summary(
            String rebuildId,
            String computation,
            State state,
            int liveVersion,
            int rebuiltVersion,
            Instant startedAt,
            Instant updatedAt,
            Instant computedAt,
            long customersCompared,
            long customersDiffering,
            Map<String, Long> fieldsDiffering,
            long totalItems,
            String failure) {

        long itemsKept() {
            return Math.min(totalItems, KEPT);
        }
    }

    /** A page of a diff, as one reader sees it. */
    record Page(Summary summary, List<ViewDiff.Item> items, int page, int size) {}

    private final MongoCollection<Document> summaries;
    private final MongoCollection<Document> items;

    StoredDiffs(MongoTemplate mongo) {
        this.summaries = mongo.getCollection(SUMMARIES);
        this.items = mongo.getCollection(ITEMS);
        items.createIndexes(ViewIndexes.DIFF_ITEMS);
    }

    Optional<Summary> find(String rebuildId) {
        return Optional.ofNullable(summaries.find(Filters.eq("_id", rebuildId)).first())
                .map(StoredDiffs::fromBson);
    }

    /**
     * Claims the rebuild's diff for a new computation: inserted where there is none, otherwise replacing the one read
     * as {@code seen} if it is still that one. Empty when another request or instance claimed it first.
     */
    Optional<Summary> claim(Summary fresh, Summary seen) {
        Document document = toBson(fresh);
        if (seen == null) {
            try {
                summaries.insertOne(document);
                return Optional.of(fresh);
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                    return Optional.empty();
                }
                throw e;
            }
        }
        boolean replaced = summaries.replaceOne(mine(seen), document).getMatchedCount() == 1;
        if (replaced) {
            items.deleteMany(Filters.eq("computation", seen.computation()));
        }
        return replaced ? Optional.of(fresh) : Optional.empty();
    }

    /** Appends a chunk of differences; the chunks of one computation are numbered from 0. */
    void append(Summary computing, long chunk, List<ViewDiff.Item> differences) {
        List<Document> stored = new ArrayList<>(differences.size());
        for (ViewDiff.Item item : differences) {
            stored.add(new Document("c", item.customerId())
                    .append("f", item.field())
                    .append("l", item.live())
                    .append("r", item.rebuilt()));
        }
        items.insertOne(new Document("_id", chunkId(computing.computation(), chunk))
                .append("rebuildId", computing.rebuildId())
                .append("computation", computing.computation())
                .append("items", stored));
    }

    /** Records the progress (or the end) of a computation; false when it is no longer this rebuild's diff. */
    boolean progress(Summary summary) {
        return summaries.replaceOne(mine(summary), toBson(summary)).getMatchedCount() == 1;
    }

    /** Shows a computation alive, whatever it is doing; false when it is no longer this rebuild's diff. */
    boolean touch(Summary computing, Instant at) {
        return summaries
                        .updateOne(mine(computing), Updates.set("updatedAt", Rebuilds.date(at)))
                        .getMatchedCount()
                == 1;
    }

    /** One page of a ready diff, masked for the reader. */
    Page page(Summary summary, int page, int size, ContactMasking masking) {
        long first = (long) page * size;
        long end = Math.min(first + size, summary.itemsKept());
        List<ViewDiff.Item> shown = new ArrayList<>(size);
        for (long chunk = first / CHUNK; first < end && chunk <= (end - 1) / CHUNK; chunk++) {
            Document stored = items.find(Filters.eq("_id", chunkId(summary.computation(), chunk)))
                    .first();
            if (stored == null) {
                break;
            }
            List<Document> chunkItems = stored.getList("items", Document.class);
            for (int at = 0; at < chunkItems.size(); at++) {
                long index = chunk * CHUNK + at;
                if (index >= first && index < end) {
                    Document item = chunkItems.get(at);
                    String field = item.getString("f");
                    shown.add(new ViewDiff.Item(
                            item.getString("c"),
                            field,
                            ViewDiff.shown(field, item.get("l"), masking),
                            ViewDiff.shown(field, item.get("r"), masking)));
                }
            }
        }
        return new Page(summary, shown, page, size);
    }

    /** Deletes what a superseded computation wrote. */
    void discard(Summary computation) {
        items.deleteMany(Filters.eq("computation", computation.computation()));
    }

    /** Forgets a dropped rebuild's diff. */
    void forget(String rebuildId) {
        items.deleteMany(Filters.eq("rebuildId", rebuildId));
        summaries.deleteOne(Filters.eq("_id", rebuildId));
    }

    private static Bson mine(Summary summary) {
        return Filters.and(Filters.eq("_id", summary.rebuildId()), Filters.eq("computation", summary.computation()));
    }

    private static String chunkId(String computation, long chunk) {
        return computation + "/" + chunk;
    }

    private static Document toBson(Summary summary) {
        // Field names hold dots ("summaries.lifetimeValue"): stored as a list of pairs, not as a document.
        List<Document> fields = new ArrayList<>();
        summary.fieldsDiffering()
                .forEach((field, count) -> fields.add(new Document("field", field).append("count", count)));
        return new Document("_id", summary.rebuildId())
                .append("computation", summary.computation())
                .append("state", summary.state().name())
                .append("liveVersion", summary.liveVersion())
                .append("rebuiltVersion", summary.rebuiltVersion())
                .append("startedAt", Rebuilds.date(summary.startedAt()))
                .append("updatedAt", Rebuilds.date(summary.updatedAt()))
                .append("computedAt", Rebuilds.date(summary.computedAt()))
                .append("customersCompared", summary.customersCompared())
                .append("customersDiffering", summary.customersDiffering())
                .append("fieldsDiffering", fields)
                .append("totalItems", summary.totalItems())
                .append("failure", summary.failure());
    }

    private static Summary fromBson(Document stored) {
        Map<String, Long> fields = new TreeMap<>();
        for (Document pair : stored.getList("fieldsDiffering", Document.class, List.of())) {
            fields.put(pair.getString("field"), ((Number) pair.get("count")).longValue());
        }
        return new Summary(
                stored.getString("_id"),
                stored.getString("computation"),
                State.valueOf(stored.getString("state")),
                stored.getInteger("liveVersion"),
                stored.getInteger("rebuiltVersion"),
                instant(stored, "startedAt"),
                instant(stored, "updatedAt"),
                instant(stored, "computedAt"),
                ((Number) stored.get("customersCompared")).longValue(),
                ((Number) stored.get("customersDiffering")).longValue(),
                new LinkedHashMap<>(fields),
                ((Number) stored.get("totalItems")).longValue(),
                stored.getString("failure"));
    }

    private static Instant instant(Document stored, String field) {
        return stored.getDate(field) == null ? null : stored.getDate(field).toInstant();
    }
}
