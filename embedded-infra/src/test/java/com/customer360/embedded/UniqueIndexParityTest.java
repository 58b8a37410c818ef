package com.customer360.embedded;

import static com.customer360.embedded.UniqueIndexFixture.TWO_TO_THE_53;
import static com.customer360.embedded.UniqueIndexFixture.client;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.bson.BsonRegularExpression;
import org.bson.Document;
import org.bson.UuidRepresentation;
import org.bson.types.Binary;
import org.bson.types.Code;
import org.bson.types.Decimal128;
import org.bson.types.MaxKey;
import org.bson.types.MinKey;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unique indexes ordered by {@link IndexKeyOrder} against mongo-java-server's own H2 backend: the same script of inserts
 * and lookups over every kind of key value, run on each and repeated after a reopen, must have the same outcome at
 * every step.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class UniqueIndexParityTest {

    @TempDir
    Path tempDir;

    @Test
    void rejectsAndFindsTheSameKeysAsMongoJavaServersOwnH2Backend() {
        List<String> expected = runScript(file -> new H2Backend(file.toString()), tempDir.resolve("stock.mv"));
        List<String> actual = runScript(CommittingH2Backend::new, tempDir.resolve("ours.mv"));

        assertThat(actual).containsExactlyElementsOf(expected);
        assertThat(expected).anyMatch(outcome -> outcome.contains("E11000"));
    }

    /**
     * Inserts documents with every kind of key value into unique indexes (plain, sparse, compound, multikey, and
     * {@code _id}), finds each by its keys, then closes the store, reopens it and does it all again; returns what
     * happened, step by step.
     */
    private static List<String> runScript(Function<Path, MongoBackend> backend, Path file) {
        List<String> outcomes = new ArrayList<>();
        for (int pass = 0; pass < 2; pass++) {
            MongoServer server = new MongoServer(backend.apply(file));
            server.bind("127.0.0.1", 0);
            try (MongoClient client = MongoClients.create(com.mongodb.MongoClientSettings.builder()
                    .applyConnectionString(new com.mongodb.ConnectionString(
                            "mongodb://127.0.0.1:" + server.getLocalAddress().getPort()))
                    .uuidRepresentation(UuidRepresentation.STANDARD)
                    .build())) {
                MongoCollection<Document> values = client.getDatabase("test").getCollection("values");
                MongoCollection<Document> ids = client.getDatabase("test").getCollection("ids");
                values.createIndex(Indexes.ascending("value"), new IndexOptions().unique(true));
                values.createIndex(
                        Indexes.ascending("sparse"),
                        new IndexOptions().unique(true).sparse(true));
                values.createIndex(Indexes.ascending("group", "value"), new IndexOptions().unique(true));
                List<Object> keyValues = keyValues();
                for (int i = 0; i < keyValues.size(); i++) {
                    Object value = keyValues.get(i);
                    Document document = new Document("_id", pass * 1_000 + i).append("group", i % 2);
                    if (value != Absent.FIELD) {
                        document.append("value", value).append("sparse", value);
                    }
                    outcomes.add(
                            pass + " insert " + i + " " + value + ": " + outcome(() -> values.insertOne(document)));
                    if (value != Absent.FIELD
                            && !(value instanceof List)
                            && !(value instanceof BsonRegularExpression)) {
                        Document idDocument = new Document("_id", value);
                        outcomes.add(pass + " insert _id " + value + ": " + outcome(() -> ids.insertOne(idDocument)));
                        if (!isExtreme(value, pass)) {
                            outcomes.add(pass + " find _id " + value + ": "
                                    + ids.find(Filters.eq("_id", value))
                                            .into(new ArrayList<>())
                                            .size());
                        }
                    }
                    if (value != Absent.FIELD && !(value instanceof BsonRegularExpression) && !isExtreme(value, pass)) {
                        outcomes.add(pass + " find value " + value + ": "
                                + values.find(Filters.eq("value", value))
                                        .map(found -> found.get("_id"))
                                        .into(new ArrayList<>()));
                    }
                }
                outcomes.add(pass + " count: " + values.countDocuments() + " / " + ids.countDocuments());
            } finally {
                server.shutdownNow();
            }
        }
        return outcomes;
    }

    /**
     * MinKey and MaxKey after a reopen: mongo-java-server's own backend no longer finds them, because Java
     * deserialisation makes new instances of these singletons, which equal nothing; this store reads them back as the
     * singletons and finds them. Not a difference to keep.
     */
    private static boolean isExtreme(Object value, int pass) {
        return pass == 1 && (value instanceof MinKey || value instanceof MaxKey);
    }

    private static String outcome(Runnable insert) {
        try {
            insert.run();
            return "inserted";
        } catch (MongoWriteException e) {
            return e.getCode() == 11000 ? "E11000" : "error " + e.getCode();
        }
    }

    private enum Absent {
        FIELD
    }

    private static List<Object> keyValues() {
        List<Object> values = new ArrayList<>(List.of(
                1,
                1L,
                1.0,
                Decimal128.parse("1.0"),
                -0.0,
                0,
                1.5,
                TWO_TO_THE_53,
                TWO_TO_THE_53 + 1,
                (double) (TWO_TO_THE_53 + 1),
                Long.MAX_VALUE,
                Long.MAX_VALUE - 1,
                Double.NaN,
                Double.POSITIVE_INFINITY,
                "a",
                "A",
                "a ",
                "",
                Absent.FIELD,
                Absent.FIELD,
                new Document("a", 1).append("b", 2),
                new Document("a", 1.0).append("b", 2L),
                new Document("b", 2).append("a", 1),
                new Document("a", 1).append("b", 2).append("c", null),
                new Document("a", new Document("x", List.of(1, 2))),
                new Document("a", new Document("x", List.of(1, 3))),
                List.of(10, 11),
                List.of(11, 12),
                List.of(List.of(1, 2)),
                List.of(List.of(1, 2.0)),
                List.of(List.of(2, 1)),
                List.of(),
                List.of(),
                new Binary(new byte[] {1, 2}),
                new Binary(new byte[] {1, 2}),
                UUID.fromString("00000000-0000-4000-8000-000000000001"),
                UUID.fromString("00000000-0000-4000-8000-000000000001"),
                new ObjectId("000000000000000000000001"),
                new ObjectId("000000000000000000000001"),
                true,
                false,
                true,
                Date.from(Instant.ofEpochMilli(1_000)),
                Date.from(Instant.ofEpochMilli(1_000)),
                new BsonRegularExpression("a.*", "i"),
                new BsonRegularExpression("a.*", "i"),
                new Code("x"),
                new MinKey(),
                new MaxKey(),
                new MaxKey()));
        values.add(Arrays.asList(20, null));
        values.add(null);
        values.add(null);
        return values;
    }
}
