package com.customer360.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
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
import java.util.stream.IntStream;
import org.bson.BsonRegularExpression;
import org.bson.Document;
import org.bson.UuidRepresentation;
import org.bson.types.Binary;
import org.bson.types.Code;
import org.bson.types.Decimal128;
import org.bson.types.MaxKey;
import org.bson.types.MinKey;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unique indexes of the persistent store, ordered by {@link IndexKeyOrder}, seen through the MongoDB driver: they
 * must reject exactly the duplicates mongo-java-server's own H2 backend rejects and find what it finds, before and
 * after the file is closed and reopened.
 *
 * <p>Lookups by a compound key use a plain filter document such as {@code {_id: .., version: ..}}: mongo-java-server
 * answers those from the unique index (and finds nothing if the index misses), while {@code Filters.and(..)}
 * renders as {@code $and}, which it answers by scanning the collection.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class UniqueIndexOrderTest {

    private static final long TWO_TO_THE_53 = 1L << 53;

    @TempDir
    Path tempDir;

    @Test
    void rejectsIntsLongsAndDoublesOfTheSameValueAsDuplicates() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.persistent(tempDir, 0);
                MongoClient client = client(server)) {
            MongoCollection<Document> things = things(client);
            things.createIndex(Indexes.ascending("number"), new IndexOptions().unique(true));
            things.insertOne(new Document("_id", 1).append("number", 7));

            assertDuplicate(() -> things.insertOne(new Document("_id", 1L)));
            assertDuplicate(() -> things.insertOne(new Document("_id", 1.0)));
            assertDuplicate(() -> things.insertOne(new Document("_id", Decimal128.parse("1.00"))));
            assertDuplicate(() -> things.insertOne(new Document("_id", 2).append("number", 7L)));
            assertDuplicate(() -> things.insertOne(new Document("_id", 2).append("number", 7.0)));
            things.insertOne(new Document("_id", 1.5).append("number", 7.5));
            things.insertOne(new Document("_id", "1").append("number", "7"));
            // 2^53 + 1 has no double: as a long it is a key of its own, as a double it is 2^53
            things.insertOne(new Document("_id", TWO_TO_THE_53 + 1).append("number", TWO_TO_THE_53 + 1));
            things.insertOne(new Document("_id", TWO_TO_THE_53).append("number", TWO_TO_THE_53));
            assertDuplicate(() -> things.insertOne(new Document("_id", (double) (TWO_TO_THE_53 + 1))));

            assertThat(things.find(Filters.eq("_id", 1.0)).first()).containsEntry("number", 7);
            assertThat(things.find(Filters.eq("number", 7L)).first()).containsEntry("_id", 1);
            assertThat(things.find(Filters.eq("_id", TWO_TO_THE_53 + 1)).first())
                    .containsEntry("number", TWO_TO_THE_53 + 1);
            assertThat(things.countDocuments()).isEqualTo(5);
        }
    }

    @Test
    void rejectsEqualStringsOnly() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.persistent(tempDir, 0);
                MongoClient client = client(server)) {
            MongoCollection<Document> customers = things(client);
            customers.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true));
            customers.insertOne(new Document("_id", "c-1").append("email", "ada@example.com"));
            customers.insertOne(new Document("_id", "C-1").append("email", "Ada@example.com"));
            customers.insertOne(new Document("_id", "c-1 ").append("email", "ada@example.com "));

            assertDuplicate(() -> customers.insertOne(new Document("_id", "c-1")));
            assertDuplicate(() -> customers.insertOne(new Document("_id", "c-2").append("email", "ada@example.com")));
            assertThat(customers.find(Filters.eq("email", "Ada@example.com")).first())
                    .containsEntry("_id", "C-1");
        }
    }

    @Test
    void treatsNullAndAMissingFieldAsOneKeyUnlessTheIndexIsSparse() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.persistent(tempDir, 0);
                MongoClient client = client(server)) {
            MongoCollection<Document> dense = client.getDatabase("test").getCollection("dense");
            dense.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true));
            dense.insertOne(new Document("_id", 1));
            assertDuplicate(() -> dense.insertOne(new Document("_id", 2)));
            assertDuplicate(() -> dense.insertOne(new Document("_id", 2).append("email", null)));
            dense.insertOne(new Document("_id", 2).append("email", "x"));

            MongoCollection<Document> sparse = client.getDatabase("test").getCollection("sparse");
            sparse.createIndex(
                    Indexes.ascending("email"), new IndexOptions().unique(true).sparse(true));
            sparse.insertOne(new Document("_id", 1));
            sparse.insertOne(new Document("_id", 2));
            sparse.insertOne(new Document("_id", 3).append("email", null));
            assertDuplicate(() -> sparse.insertOne(new Document("_id", 4).append("email", null)));
            sparse.insertOne(new Document("_id", 4).append("email", "x"));
            assertDuplicate(() -> sparse.insertOne(new Document("_id", 5).append("email", "x")));
            assertThat(sparse.countDocuments()).isEqualTo(4);
        }
    }

    @Test
    void comparesCompoundKeysFieldByField() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.persistent(tempDir, 0);
                MongoClient client = client(server)) {
            MongoCollection<Document> views = things(client);
            views.createIndex(Indexes.ascending("_id", "version"), new IndexOptions().unique(true));
            views.createIndex(Indexes.ascending("customerId", "number"), new IndexOptions().unique(true));
            views.insertOne(view("c-1", 1L, "o-1", 1));
            views.insertOne(view("c-2", 1L, "o-1", 2));
            views.insertOne(view("c-3", 1L, "o-2", 1));

            assertDuplicate(() -> views.insertOne(view("c-4", 1L, "o-1", 1.0)));
            assertDuplicate(() -> views.insertOne(view("c-4", 1L, "o-1", 1L)));

            assertThat(views.find(new Document("_id", "c-2").append("version", 1))
                            .first())
                    .containsEntry("number", 2);
            assertThat(views.find(new Document("customerId", "o-2").append("number", 1.0))
                            .first())
                    .containsEntry("_id", "c-3");
            assertThat(views.find(new Document("_id", "c-2").append("version", 2))
                            .first())
                    .isNull();

            // the query service's version-guarded replace
            assertThat(views.replaceOne(new Document("_id", "c-1").append("version", 1L), view("c-1", 2L, "o-1", 1))
                            .getModifiedCount())
                    .isEqualTo(1);
            assertThat(views.replaceOne(new Document("_id", "c-1").append("version", 1L), view("c-1", 2L, "o-1", 1))
                            .getModifiedCount())
                    .isZero();
            assertThat(views.find(Filters.eq("_id", "c-1")).first()).containsEntry("version", 2L);
        }
    }

    @Test
    void comparesEmbeddedDocumentsFieldByFieldInTheirOrder() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.persistent(tempDir, 0);
                MongoClient client = client(server)) {
            MongoCollection<Document> customers = things(client);
            customers.createIndex(Indexes.ascending("address"), new IndexOptions().unique(true));
            customers.insertOne(new Document("_id", new Document("tenant", "t-1").append("id", 1))
                    .append("address", new Document("city", "Berlin").append("zip", 10115)));

            assertDuplicate(
                    () -> customers.insertOne(new Document("_id", new Document("tenant", "t-1").append("id", 1L))));
            assertDuplicate(() -> customers.insertOne(
                    new Document("_id", 2).append("address", new Document("city", "Berlin").append("zip", 10115.0))));
            customers.insertOne(new Document("_id", new Document("id", 1).append("tenant", "t-1"))
                    .append("address", new Document("zip", 10115).append("city", "Berlin")));
            customers.insertOne(new Document("_id", 3)
                    .append(
                            "address",
                            new Document("city", "Berlin").append("zip", 10115).append("floor", null)));

            assertThat(customers
                            .find(Filters.eq("_id", new Document("tenant", "t-1").append("id", 1.0)))
                            .first())
                    .containsEntry("address", new Document("city", "Berlin").append("zip", 10115));
            assertThat(customers.countDocuments()).isEqualTo(3);
        }
    }

    @Test
    void findsDocumentsByIdIn() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.persistent(tempDir, 0);
                MongoClient client = client(server)) {
            MongoCollection<Document> things = things(client);
            things.insertMany(IntStream.range(0, 300)
                    .mapToObj(i -> new Document("_id", i % 2 == 0 ? (Object) i : "id-" + i))
                    .toList());

            List<Object> queried = new ArrayList<>(List.of(4L, 6.0, "id-7", "id-299", 8, "absent", 1_000, 298));
            assertThat(things.find(Filters.in("_id", queried)).map(document -> document.get("_id")))
                    .containsExactlyInAnyOrder(4, 6, "id-7", "id-299", 8, 298);
        }
    }

    @Test
    void keepsItsOrderAcrossACloseAndReopen() {
        List<Object> ids = mixedIds();
        try (EmbeddedMongoServer server = EmbeddedMongoServer.persistent(tempDir, 0);
                MongoClient client = client(server)) {
            MongoCollection<Document> things = things(client);
            things.createIndex(Indexes.ascending("group", "rank"), new IndexOptions().unique(true));
            for (int i = 0; i < ids.size(); i++) {
                things.insertOne(new Document("_id", ids.get(i))
                        .append("group", "g-" + i % 7)
                        .append("rank", i));
            }
        }

        try (EmbeddedMongoServer server = EmbeddedMongoServer.persistent(tempDir, 0);
                MongoClient client = client(server)) {
            MongoCollection<Document> things = things(client);
            assertThat(things.countDocuments()).isEqualTo(ids.size());
            for (int i = 0; i < ids.size(); i++) {
                Object id = ids.get(i);
                assertThat(things.find(Filters.eq("_id", id)).first())
                        .as("_id %s", id)
                        .containsEntry("rank", i);
                assertThat(things.find(new Document("group", "g-" + i % 7).append("rank", (long) i))
                                .first())
                        .containsEntry("_id", id);
                assertDuplicate(() -> things.insertOne(new Document("_id", id)));
            }
            assertThat(things.find(Filters.in("_id", ids)).into(new ArrayList<>()))
                    .hasSize(ids.size());
            things.insertOne(new Document("_id", "new").append("group", "g-0").append("rank", -1));
            assertDuplicate(() -> things.insertOne(
                    new Document("_id", "newer").append("group", "g-0").append("rank", 0)));
        }

        // the B-trees on disk are in IndexKeyOrder
        MVStore store = new MVStore.Builder()
                .fileName(tempDir.resolve(EmbeddedMongoServer.FILE_NAME).toString())
                .readOnly()
                .open();
        try {
            for (String index : List.of("test.things._index__id_", "test.things._index_group_1_rank_1")) {
                assertThat(store.hasMap(index)).as(index).isTrue();
                MVMap<KeyValue, Object> map =
                        store.openMap(index, new MVMap.Builder<KeyValue, Object>().keyType(new IndexKeyDataType()));
                assertThat(new ArrayList<>(map.keySet()))
                        .hasSize(ids.size() + 1)
                        .isSortedAccordingTo(IndexKeyOrder.INSTANCE);
            }
        } finally {
            store.close();
        }
    }

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
                        outcomes.add(pass + " find _id " + value + ": "
                                + ids.find(Filters.eq("_id", value))
                                        .into(new ArrayList<>())
                                        .size());
                    }
                    if (value != Absent.FIELD && !(value instanceof BsonRegularExpression)) {
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

    private static Document view(String id, long version, String customerId, Object number) {
        return new Document("_id", id)
                .append("version", version)
                .append("customerId", customerId)
                .append("number", number);
    }

    private static List<Object> mixedIds() {
        List<Object> ids = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            ids.add(
                    switch (i % 5) {
                        case 0 -> "id-" + i;
                        case 1 -> (long) i * 1_000_003L;
                        case 2 -> i + 0.25;
                        case 3 -> new Document("tenant", "t-" + i % 3).append("n", i);
                        default -> new ObjectId(String.format("%024x", i));
                    });
        }
        return ids;
    }

    private static void assertDuplicate(Runnable insert) {
        assertThatThrownBy(insert::run)
                .isInstanceOfSatisfying(
                        MongoWriteException.class, e -> assertThat(e.getCode()).isEqualTo(11000))
                .hasMessageContaining("E11000");
    }

    private static MongoClient client(EmbeddedMongoServer server) {
        return MongoClients.create(server.connectionString());
    }

    private static MongoCollection<Document> things(MongoClient client) {
        return client.getDatabase("test").getCollection("things");
    }
}
