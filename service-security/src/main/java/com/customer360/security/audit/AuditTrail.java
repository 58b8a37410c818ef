package com.customer360.security.audit;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The audit trail of a service, in its own database ({@value #COLLECTION}): who re-drove or deleted a dead letter,
 * re-published events, exported the customer list, started, switched or dropped a rebuild. Entries are bounded (at
 * most {@value #MAX_DETAILS} details of at most {@value #MAX_VALUE} characters) and expire after the retention
 * ({@code customer360.audit.retention}, 400 days) on MongoDB. Callers pass ids and counts, never contact data: an
 * export records whether it searched, not what for.
 */
public class AuditTrail {

    public static final String COLLECTION = "audit_log";
    static final int MAX_DETAILS = 20;
    static final int MAX_VALUE = 500;
    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

    private final MongoCollection<Document> entries;
    private final Clock clock;

    public AuditTrail(MongoTemplate mongo, Duration retention, Clock clock) {
        this.entries = mongo.getCollection(COLLECTION);
        this.clock = clock;
        entries.createIndex(Indexes.descending("action", "_id"));
        entries.createIndex(Indexes.descending("actor", "_id"));
        try {
            entries.createIndex(
                    Indexes.ascending("at"), new IndexOptions().expireAfter(retention.toSeconds(), TimeUnit.SECONDS));
        } catch (RuntimeException e) {
            // A store without expiring indexes keeps the entries; it says so once.
            log.warn(
                    "The audit trail's entries will not expire here: {}",
                    e.getClass().getSimpleName());
        }
    }

    /** Records an action of the signed-in user. */
    public void record(String action, String subject, Map<String, ?> details) {
        Document entry = new Document("_id", new ObjectId())
                .append("at", Date.from(clock.instant()))
                .append("actor", actor())
                .append("action", bounded(action))
                .append("subject", bounded(subject));
        Document facts = new Document();
        details.entrySet().stream()
                .limit(MAX_DETAILS)
                .forEach(detail -> facts.append(bounded(detail.getKey()), bounded(String.valueOf(detail.getValue()))));
        entries.insertOne(entry.append("details", facts));
    }

    /**
     * The newest entries first.
     *
     * @param action only this action, or {@code null}
     * @param before the id of the last entry of the previous page, or {@code null}
     */
    public List<AuditEntry> newest(String action, String actor, String before, int size) {
        List<Bson> filters = new ArrayList<>();
        if (action != null) {
            filters.add(eq("action", action));
        }
        if (actor != null) {
            filters.add(eq("actor", actor));
        }
        if (before != null) {
            filters.add(lt("_id", new ObjectId(before)));
        }
        List<AuditEntry> page = new ArrayList<>();
        entries.find(filters.isEmpty() ? new Document() : and(filters))
                .sort(Sorts.descending("_id"))
                .limit(size)
                .forEach(stored -> page.add(entryOf(stored)));
        return page;
    }

    private static AuditEntry entryOf(Document stored) {
        Map<String, String> details = new LinkedHashMap<>();
        stored.get("details", Document.class).forEach((key, value) -> details.put(key, String.valueOf(value)));
        return new AuditEntry(
                stored.getObjectId("_id").toHexString(),
                stored.getDate("at").toInstant(),
                stored.getString("actor"),
                stored.getString("action"),
                stored.getString("subject"),
                details);
    }

    private static String actor() {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        return user == null || user instanceof AnonymousAuthenticationToken ? "anonymous" : bounded(user.getName());
    }

    private static String bounded(String value) {
        return value == null || value.length() <= MAX_VALUE ? value : value.substring(0, MAX_VALUE) + "…";
    }
}
