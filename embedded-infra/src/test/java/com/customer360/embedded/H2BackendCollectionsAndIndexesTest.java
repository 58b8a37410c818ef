package com.customer360.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the committing backend changes in how mongo-java-server looks up its collections and builds their indexes: reads
 * of other collections go on during an index build, a refused index leaves nothing behind, a collection created after a
 * lookup missed it is found, and the legacy {@code getLastError} is refused as by MongoDB.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class H2BackendCollectionsAndIndexesTest {

    @TempDir
    Path tempDir;

    private CommittingH2Backend backend;
    private MongoServer server;
    private String connectionString;

    @BeforeEach
    void start() {
        backend = new CommittingH2Backend(tempDir.resolve(EmbeddedMongoServer.FILE_NAME));
        server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        connectionString = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.shutdownNow();
    }

    /**
     * An index built over a large collection holds up no read of another collection: mongo-java-server holds its
     * database's monitor for the whole build, and every query takes it to look up its collection, so a rebuilt view's
     * indexes, created once its documents are in, froze every page of the live view until they were done.
     */
    @Test
    void shouldAnswerReadsOfOtherCollectionsWhileAnIndexIsBuilt() throws Exception {
        ExecutorService builder = Executors.newSingleThreadExecutor();
        try (MongoClient client = MongoClients.create(connectionString)) {
            List<String> tags = IntStream.range(0, 40).mapToObj(i -> "tag-" + i).toList();
            orders(client)
                    .insertMany(IntStream.range(0, 40_000)
                            .mapToObj(i -> new Document("_id", "o-" + i).append("tags", tags))
                            .toList());
            MongoCollection<Document> ticks = client.getDatabase("shop").getCollection("ticks");
            ticks.insertOne(new Document("_id", "tick"));

            long entries = 40_000L * tags.size();
            Future<String> building = builder.submit(() -> orders(client).createIndex(Indexes.ascending("tags")));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> building.isDone() || indexEntries("shop.orders._index_tags_1") > 0);
            assertThat(indexEntries("shop.orders._index_tags_1"))
                    .as("the index build was still under way")
                    .isLessThan(entries);

            assertThat(ticks.find().first()).isNotNull();
            assertThat(client.getDatabase("shop").getCollection("none").find().first())
                    .isNull();

            assertThat(indexEntries("shop.orders._index_tags_1"))
                    .as("the read of another collection was answered before the index was built")
                    .isLessThan(entries);
            assertThat(building.get(30, TimeUnit.SECONDS)).isEqualTo("tags_1");
            assertThat(indexEntries("shop.orders._index_tags_1")).isEqualTo(entries);
        } finally {
            builder.shutdownNow();
            builder.awaitTermination(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void shouldRefuseAnIndexOverADocumentItCannotIndexAndLeaveNoEntryBehind() {
        try (MongoClient client = MongoClients.create(connectionString)) {
            MongoCollection<Document> orders = orders(client);
            orders.insertMany(IntStream.range(0, 100)
                    .mapToObj(i -> new Document("_id", "o-" + i)
                            .append("a", List.of(i, i + 1))
                            .append("b", i))
                    .toList());
            orders.insertOne(
                    new Document("_id", "parallel").append("a", List.of(1, 2)).append("b", List.of(3, 4)));

            assertThatThrownBy(() -> orders.createIndex(Indexes.ascending("a", "b")))
                    .isInstanceOf(MongoCommandException.class)
                    .hasMessageContaining("cannot index parallel arrays");

            assertThat(orders.listIndexes().map(index -> index.getString("name")))
                    .containsExactly("_id_");
            assertThat(indexEntries("shop.orders._index_a_1_b_1")).isZero();
            assertThat(orders.countDocuments(Filters.eq("a", 5))).isEqualTo(2);
        }
    }

    @Test
    void shouldFindACollectionCreatedAfterALookupFoundItMissing() {
        try (MongoClient client = MongoClients.create(connectionString)) {
            MongoCollection<Document> later = client.getDatabase("shop").getCollection("later");
            assertThat(later.find().first()).isNull();
            assertThat(later.countDocuments()).isZero();

            client.getDatabase("shop").createCollection("later");
            assertThat(later.find().first()).isNull();
            later.insertOne(new Document("_id", "here"));
            assertThat(later.find().first()).isEqualTo(new Document("_id", "here"));

            later.drop();
            assertThat(later.find().first()).isNull();

            MongoCollection<Document> other = client.getDatabase("shop").getCollection("other");
            other.insertOne(new Document("_id", "moved"));
            assertThat(later.find().first()).isNull();
            other.renameCollection(later.getNamespace());
            assertThat(later.find().first()).isEqualTo(new Document("_id", "moved"));
        }
    }

    @Test
    void shouldAnswerTheLegacyGetLastErrorAsMongoDbDoesSinceItsRemoval() {
        try (MongoClient client = MongoClients.create(connectionString)) {
            orders(client).insertOne(new Document("_id", "first"));

            assertThatThrownBy(() -> client.getDatabase("shop").runCommand(new Document("getLastError", 1)))
                    .isInstanceOf(MongoCommandException.class)
                    .hasMessageContaining("no such command");
        }
    }

    private long indexEntries(String mapName) {
        MVStore store = backend.getMvStore();
        return store.hasMap(mapName) ? store.openMap(mapName).sizeAsLong() : 0;
    }

    private static MongoCollection<Document> orders(MongoClient client) {
        return client.getDatabase("shop").getCollection("orders");
    }
}
