package com.customer360.query.views;

import com.customer360.query.store.ReadVersions;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes the registry of view versions that {@link ReadVersions} reads: one document per view with its active
 * version, the previous one (what a roll-back returns to, kept until the next switch), the next version number to
 * hand out, and the retired versions waiting for their data to be dropped. Every change is one single-document
 * update conditioned on the state it was decided on, so a switch or roll-back is atomic for every reader of every
 * instance, and two of them at once cannot both win.
 */
@Component
class ViewRegistry {

    private final MongoCollection<Document> registry;
    private final ReadVersions versions;
    private final Clock clock;

    ViewRegistry(MongoTemplate mongo, ReadVersions versions, Clock clock) {
        this.registry = mongo.getCollection(ReadVersions.REGISTRY);
        this.versions = versions;
        this.clock = clock;
    }

    /** The view's entry as stored; version 1 active when nothing was ever switched. */
    Entry entry(String view) {
        Document stored = registry.find(new Document("_id", view)).first();
        if (stored == null) {
            return new Entry(view, 1, null, List.of());
        }
        List<Retired> retired = new ArrayList<>();
        stored.getList("retired", Document.class, List.of())
                .forEach(entry -> retired.add(new Retired(
                        entry.getInteger("version"), entry.getDate("at").toInstant())));
        Number previous = stored.get("previous", Number.class);
        return new Entry(
                view,
                stored.get("active", Number.class).intValue(),
                previous == null ? null : previous.intValue(),
                retired);
    }

    /** A new version number for the view, never handed out before. */
    int newVersion(String view) {
        ensure(view);
        Document after = registry.findOneAndUpdate(
                new Document("_id", view),
                Updates.inc("nextVersion", 1),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE));
        return after.get("nextVersion", Number.class).intValue();
    }

    /**
     * Makes {@code version} the active one, the active one the previous one, and retires the previous one.
     *
     * @return whether the switch was made; {@code false} when the registry changed since it was read (try again)
     */
    boolean switchTo(String view, int version, Entry seen) {
        List<Bson> updates = new ArrayList<>();
        updates.add(Updates.set("active", version));
        updates.add(Updates.set("previous", seen.active()));
        updates.add(Updates.set("switchedAt", Date.from(clock.instant())));
        if (seen.previous() != null && seen.previous() != version) {
            updates.add(Updates.push(
                    "retired", new Document("version", seen.previous()).append("at", Date.from(clock.instant()))));
        }
        return changed(view, seen, Updates.combine(updates));
    }

    /** Swaps the active and the previous version; {@code false} when the registry changed since it was read. */
    boolean rollBack(String view, Entry seen) {
        return changed(
                view,
                seen,
                Updates.combine(
                        Updates.set("active", seen.previous()),
                        Updates.set("previous", seen.active()),
                        Updates.set("switchedAt", Date.from(clock.instant()))));
    }

    /** Forgets a retired version whose data was dropped. */
    void forgetRetired(String view, int version) {
        registry.updateOne(new Document("_id", view), Updates.pull("retired", new Document("version", version)));
    }

    private boolean changed(String view, Entry seen, Bson update) {
        ensure(view);
        Document filter =
                new Document("_id", view).append("active", seen.active()).append("previous", seen.previous());
        boolean changed = registry.updateOne(filter, update).getModifiedCount() == 1;
        versions.refresh();
        return changed;
    }

    private void ensure(String view) {
        registry.updateOne(
                new Document("_id", view),
                Updates.combine(
                        Updates.setOnInsert("active", 1),
                        Updates.setOnInsert("previous", null),
                        Updates.setOnInsert("nextVersion", 2),
                        Updates.setOnInsert("retired", List.of())),
                new UpdateOptions().upsert(true));
    }

    /** A view's versions: the active one, the one before it (or none), and those waiting to be dropped. */
    record Entry(String view, int active, Integer previous, List<Retired> retired) {

        /** Whether the version is read (active) or may be again (previous): its consumer keeps it current. */
        boolean isInUse(int version) {
            return version == active || (previous != null && version == previous);
        }

        boolean isRetired(int version) {
            return retired.stream().anyMatch(entry -> entry.version() == version);
        }
    }

    record Retired(int version, Instant at) {}
}
