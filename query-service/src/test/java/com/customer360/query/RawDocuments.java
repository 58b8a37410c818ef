package com.customer360.query;

import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoDatabase;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.bson.RawBsonDocument;

/** Documents as stored, to compare two stores byte for byte or by content. */
public final class RawDocuments {

    private RawDocuments() {}

    /** Every document of the collections, as hex of its raw BSON ({@code version} and {@code updatedAt} included). */
    public static Map<String, String> all(MongoDatabase database, String... collections) {
        Map<String, String> documents = new TreeMap<>();
        for (String collection : collections) {
            database.getCollection(collection, RawBsonDocument.class)
                    .find()
                    .forEach(document -> documents.put(key(collection, document), hex(document)));
        }
        return documents;
    }

    /** The documents with these ids, as hex of their raw BSON. */
    public static Map<String, String> of(MongoDatabase database, String collection, Collection<String> ids) {
        Map<String, String> documents = new TreeMap<>();
        database.getCollection(collection, RawBsonDocument.class)
                .find(in("_id", ids))
                .forEach(document -> documents.put(key(collection, document), hex(document)));
        return documents;
    }

    /**
     * The documents with these ids without their write bookkeeping ({@code version}, {@code updatedAt}, and the
     * customer document's {@code pending} and {@code rankings}, whose extent depends on how the events were batched):
     * what readers see, whichever batches wrote it.
     */
    public static Map<String, Document> content(MongoDatabase database, String collection, Collection<String> ids) {
        Map<String, Document> documents = new TreeMap<>();
        database.getCollection(collection).find(in("_id", ids)).forEach(document -> {
            document.remove("version");
            document.remove("updatedAt");
            document.remove("pending");
            document.remove("rankings");
            documents.put(collection + "/" + document.getString("_id"), document);
        });
        return documents;
    }

    private static String key(String collection, RawBsonDocument document) {
        return collection + "/" + document.getString("_id").getValue();
    }

    private static String hex(RawBsonDocument document) {
        byte[] bytes = new byte[document.getByteBuffer().remaining()];
        document.getByteBuffer().get(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
