package com.customer360.query.views;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The rebuilds, one small document each in {@value #COLLECTION}; every state change is conditioned on the states it
 * may come from, so two instances (or a request and the rebuild's own thread) never both make one.
 */
@Component
class Rebuilds {

    static final String COLLECTION = "view_rebuilds";

    /** The most rebuilds the list shows, newest first. */
    static final int LISTED = 100;

    private final MongoCollection<Document> rebuilds;

    Rebuilds(MongoTemplate mongo) {
        this.rebuilds = mongo.getCollection(COLLECTION);
        rebuilds.createIndexes(ViewIndexes.REBUILDS);
    }

    void create(Rebuild rebuild) {
        rebuilds.insertOne(new Document("_id", rebuild.rebuildId())
                .append("view", rebuild.view())
                .append("version", rebuild.version())
                .append("asOf", date(rebuild.asOf()))
                .append("switchMode", rebuild.switchMode().name())
                .append("state", rebuild.state().name())
                .append("eventsApplied", 0L)
                .append("eventsTotal", 0L)
                .append("eventsPerSecond", 0.0)
                .append("lag", 0L)
                .append("heldCustomers", 0L)
                .append("startedAt", date(rebuild.startedAt()))
                .append("caughtUpAt", null)
                .append("switchedAt", null)
                .append("failure", null)
                .append("dropped", false));
    }

    Optional<Rebuild> find(String rebuildId) {
        return Optional.ofNullable(rebuilds.find(Filters.eq("_id", rebuildId)).first())
                .map(Rebuilds::fromBson);
    }

    Optional<Rebuild> ofVersion(String view, int version) {
        return Optional.ofNullable(rebuilds.find(new Document("view", view).append("version", version))
                        .first())
                .map(Rebuilds::fromBson);
    }

    /** The newest first, at most {@value #LISTED}. */
    List<Rebuild> newest() {
        List<Rebuild> newest = new ArrayList<>();
        rebuilds.find()
                .sort(Sorts.descending("startedAt", "_id"))
                .limit(LISTED)
                .forEach(stored -> newest.add(fromBson(stored)));
        return newest;
    }

    /** Those some instance has work for: running, caught up, switched but still in use, or not yet dropped. */
    List<Rebuild> unfinished() {
        List<Rebuild> unfinished = new ArrayList<>();
        rebuilds.find(Filters.eq("dropped", false)).forEach(stored -> unfinished.add(fromBson(stored)));
        return unfinished;
    }

    /** Records progress, unless the rebuild left the states in which it runs. */
    void progress(String rebuildId, long applied, long total, double perSecond, long lag, long held) {
        rebuilds.updateOne(
                Filters.and(Filters.eq("_id", rebuildId), Filters.in("state", "RUNNING", "CAUGHT_UP", "SWITCHED")),
                Updates.combine(
                        Updates.set("eventsApplied", applied),
                        Updates.set("eventsTotal", total),
                        Updates.set("eventsPerSecond", perSecond),
                        Updates.set("lag", lag),
                        Updates.set("heldCustomers", held)));
    }

    /** Moves the rebuild to {@code to} if it is in one of {@code from}; whether it did. */
    boolean move(String rebuildId, Rebuild.State to, Bson extra, Rebuild.State... from) {
        List<String> states = Arrays.stream(from).map(Enum::name).toList();
        Bson update = Updates.set("state", to.name());
        if (extra != null) {
            update = Updates.combine(update, extra);
        }
        return rebuilds.updateOne(Filters.and(Filters.eq("_id", rebuildId), Filters.in("state", states)), update)
                        .getModifiedCount()
                == 1;
    }

    /** Where the rebuild's first catch-up stands ({@link CatchUpPasses}), or empty before it began. */
    Optional<CatchUpPasses.Standing> passes(String rebuildId) {
        Document stored = rebuilds.find(Filters.eq("_id", rebuildId)).first();
        Document passes = stored == null ? null : stored.get("passes", Document.class);
        if (passes == null) {
            return Optional.empty();
        }
        Map<Integer, Long> end = new TreeMap<>();
        passes.getList("end", Document.class)
                .forEach(position -> end.put(
                        position.getInteger("partition"),
                        position.get("offset", Number.class).longValue()));
        return Optional.of(new CatchUpPasses.Standing(
                end,
                passes.getInteger("doneBelow"),
                passes.getInteger("dirtyBelow"),
                passes.get("applied", Number.class).longValue(),
                passes.getInteger("passes", 0)));
    }

    void passes(String rebuildId, CatchUpPasses.Standing standing) {
        List<Document> end = new ArrayList<>();
        standing.end()
                .forEach((partition, offset) -> end.add(new Document("partition", partition).append("offset", offset)));
        rebuilds.updateOne(
                Filters.eq("_id", rebuildId),
                Updates.set(
                        "passes",
                        new Document("end", end)
                                .append("doneBelow", standing.doneBelow())
                                .append("dirtyBelow", standing.dirtyBelow())
                                .append("applied", standing.applied())
                                .append("passes", standing.passes())));
    }

    void dropped(String rebuildId) {
        rebuilds.updateOne(Filters.eq("_id", rebuildId), Updates.set("dropped", true));
    }

    static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Document stored, String field) {
        Date date = stored.getDate(field);
        return date == null ? null : date.toInstant();
    }

    private static Rebuild fromBson(Document stored) {
        return new Rebuild(
                stored.getString("_id"),
                stored.getString("view"),
                stored.get("version", Number.class).intValue(),
                instant(stored, "asOf"),
                Rebuild.SwitchMode.valueOf(stored.getString("switchMode")),
                Rebuild.State.valueOf(stored.getString("state")),
                stored.get("eventsApplied", Number.class).longValue(),
                stored.get("eventsTotal", Number.class).longValue(),
                stored.get("eventsPerSecond", Number.class).doubleValue(),
                stored.get("lag", Number.class).longValue(),
                stored.get("heldCustomers", Number.class).longValue(),
                instant(stored, "startedAt"),
                instant(stored, "caughtUpAt"),
                instant(stored, "switchedAt"),
                stored.getString("failure"),
                stored.getBoolean("dropped", false));
    }
}
