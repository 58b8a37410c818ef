package com.customer360.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.aggregation.Aggregation;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Answers an aggregation that starts with {@code $match} from the collection's indexes: the pipeline runs, whole and
 * unchanged, over the candidate documents an index finds instead of over the whole collection. A count such as the
 * driver's {@code countDocuments} ({@code $match}, then {@code $skip}/{@code $limit}, then {@code $group} of a
 * constant {@code _id} with {@code $sum} of constants, or {@code $count}) over an exact plan runs the rest of its
 * pipeline over as many empty documents as the index has entries, without reading a document.
 *
 * <p>Why: mongo-java-server runs every pipeline over all documents of the collection, so counting one customer's
 * orders read every order. Pipelines that write ({@code $out}, {@code $merge}) and everything this class cannot plan
 * are left to it; so is any failure, which it then reports as it always does.
 */
final class IndexedAggregation {

    private IndexedAggregation() {}

    /** The reply to {@code query}, or {@code null} to leave the command to mongo-java-server. */
    static Document answer(MongoDatabase database, Document query, DatabaseResolver resolver, Oplog oplog) {
        if (!(query.get("aggregate") instanceof String collectionName)
                || !(query.get("pipeline") instanceof List<?> stages)
                || stages.isEmpty()) {
            return null;
        }
        List<Document> pipeline = new ArrayList<>();
        for (Object stage : stages) {
            if (!(stage instanceof Document document) || document.size() != 1 || writes(document)) {
                return null;
            }
            pipeline.add(document);
        }
        if (!(pipeline.get(0).get("$match") instanceof Document filter)
                || !(database.resolveCollection(collectionName, false) instanceof IndexedH2Collection collection)) {
            return null;
        }
        try {
            List<Document> rest = pipeline.subList(1, pipeline.size());
            long count = countsOnly(rest) ? collection.exactCount(filter) : -1;
            if (count >= 0) {
                return reply(
                        database,
                        collectionName,
                        run(
                                rest,
                                query,
                                resolver,
                                database,
                                collection,
                                oplog,
                                Stream.generate(Document::new).limit(count)));
            }
            List<Document> candidates = collection.candidates(filter);
            if (candidates == null) {
                return null;
            }
            return reply(
                    database,
                    collectionName,
                    run(pipeline, query, resolver, database, collection, oplog, candidates.stream()));
        } catch (RuntimeException e) {
            return null; // mongo-java-server runs it again over the whole collection and reports the failure its way
        }
    }

    private static List<Document> run(
            List<Document> pipeline,
            Document query,
            DatabaseResolver resolver,
            MongoDatabase database,
            MongoCollection<?> collection,
            Oplog oplog,
            Stream<Document> documents) {
        Aggregation aggregation = Aggregation.fromPipeline(pipeline, resolver, database, collection, oplog);
        aggregation.validate(query);
        return aggregation.runStages(documents);
    }

    private static Document reply(MongoDatabase database, String collectionName, List<Document> documents) {
        Document cursor = new Document("id", 0L)
                .append("ns", database.getDatabaseName() + "." + collectionName)
                .append("firstBatch", documents);
        Document reply = new Document("cursor", cursor);
        Utils.markOkay(reply);
        return reply;
    }

    private static boolean writes(Document stage) {
        return stage.containsKey("$out") || stage.containsKey("$merge");
    }

    /** Whether the stages only skip, limit and count, so that they see nothing of the documents but their number. */
    private static boolean countsOnly(List<Document> stages) {
        for (int i = 0; i < stages.size(); i++) {
            Document stage = stages.get(i);
            boolean last = i == stages.size() - 1;
            Map.Entry<String, Object> only = stage.entrySet().iterator().next();
            boolean counts =
                    switch (only.getKey()) {
                        case "$skip", "$limit" -> only.getValue() instanceof Number;
                        case "$count" -> last && only.getValue() instanceof String;
                        case "$group" -> last && only.getValue() instanceof Document group && isConstantCount(group);
                        default -> false;
                    };
            if (!counts) {
                return false;
            }
        }
        return true;
    }

    private static boolean isConstantCount(Document group) {
        Object id = group.get("_id");
        if (!(id == null
                || id instanceof Number
                || id instanceof Boolean
                || id instanceof String text && !text.startsWith("$"))) {
            return false;
        }
        for (Map.Entry<String, Object> field : group.entrySet()) {
            if (field.getKey().equals("_id")) {
                continue;
            }
            if (!(field.getValue() instanceof Document accumulator)
                    || accumulator.size() != 1
                    || !(accumulator.get("$sum") instanceof Number)) {
                return false;
            }
        }
        return group.containsKey("_id");
    }
}
