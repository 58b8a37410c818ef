package com.customer360.query.views;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.UUID;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Who may do what with a view, across instances, in {@value #COLLECTION}: documents with a unique {@code _id}, so
 * that of two instances racing only one insert succeeds. {@code rebuild:<view>} says which rebuild of a view runs
 * (at most one); {@code consumer:<view>:<version>} which instance consumes into a version, held for a lease duration
 * and renewed while it does, so that an instance that died is replaced once its lease ran out.
 */
@Component
class ViewLeases {

    static final String COLLECTION = "view_leases";

    private final MongoCollection<Document> leases;
    private final Clock clock;
    private final String owner = UUID.randomUUID().toString();

    ViewLeases(MongoTemplate mongo, Clock clock) {
        this.leases = mongo.getCollection(COLLECTION);
        this.clock = clock;
    }

    /** This instance's name in the leases. */
    String owner() {
        return owner;
    }

    /** Claims the view for a rebuild; {@code false} while another rebuild of the view runs. */
    boolean claimView(String view, String rebuildId) {
        return insert(new Document("_id", "rebuild:" + view)
                .append("rebuildId", rebuildId)
                .append("at", Date.from(clock.instant())));
    }

    /** The rebuild that has the view, or {@code null}. */
    String rebuildOf(String view) {
        Document claim = leases.find(new Document("_id", "rebuild:" + view)).first();
        return claim == null ? null : claim.getString("rebuildId");
    }

    void releaseView(String view, String rebuildId) {
        leases.deleteOne(new Document("_id", "rebuild:" + view).append("rebuildId", rebuildId));
    }

    /** Takes or renews the lease on consuming into a version; {@code false} while another instance holds it. */
    boolean holdConsumer(String view, int version, Duration duration) {
        String id = consumer(view, version);
        Date until = Date.from(clock.instant().plus(duration));
        if (leases.updateOne(new Document("_id", id).append("owner", owner), Updates.set("until", until))
                        .getMatchedCount()
                == 1) {
            return true;
        }
        Document expired = new Document("_id", id).append("until", new Document("$lt", Date.from(clock.instant())));
        if (leases.updateOne(expired, Updates.combine(Updates.set("owner", owner), Updates.set("until", until)))
                        .getModifiedCount()
                == 1) {
            return true;
        }
        return insert(new Document("_id", id).append("owner", owner).append("until", until));
    }

    void releaseConsumer(String view, int version) {
        leases.deleteOne(new Document("_id", consumer(view, version)).append("owner", owner));
    }

    private static String consumer(String view, int version) {
        return "consumer:" + view + ":" + version;
    }

    private boolean insert(Document lease) {
        try {
            leases.insertOne(lease);
            return true;
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }
}
