package com.customer360.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StoreFormatTest {

    @TempDir
    Path tempDir;

    @Test
    void marksANewStore() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.persistent(tempDir, 0)) {
            assertThat(server.port()).isPositive();
        }

        assertThat(formatMarker()).isEqualTo(StoreFormat.UNIQUE_INDEX_ORDER);
    }

    @Test
    void refusesAStoreWrittenWithTheOldIndexOrderAndLeavesItAlone() throws Exception {
        writeWithTheStockBackend();
        byte[] before = Files.readAllBytes(file());

        assertThatThrownBy(() -> EmbeddedMongoServer.persistent(tempDir, 0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file().toString())
                .hasMessageContaining("older version")
                .hasMessageContaining("not recorded")
                .hasMessageContaining("Delete the data directory " + tempDir.toAbsolutePath());

        assertThat(Files.readAllBytes(file())).isEqualTo(before);
        // the refused file is closed again: it can be opened by the stock backend and still holds its data
        assertThat(readWithTheStockBackend()).containsEntry("name", "Ada");
    }

    @Test
    void refusesAStoreMarkedWithAnotherIndexOrder() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.persistent(tempDir, 0);
                MongoClient client = MongoClients.create(server.connectionString())) {
            customers(client).insertOne(new Document("_id", "c-1"));
        }
        MVStore store = MVStore.open(file().toString());
        store.<String, String>openMap(StoreFormat.MAP_NAME).put(StoreFormat.KEY, "some-other-order");
        store.close();

        assertThatThrownBy(() -> EmbeddedMongoServer.persistent(tempDir, 0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file().toString())
                .hasMessageContaining("'some-other-order'");
    }

    @Test
    void refusesAStoreOfThePreviousVersionWhoseIndexesHaveNoStatistics() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.persistent(tempDir, 0);
                MongoClient client = MongoClients.create(server.connectionString())) {
            customers(client).insertOne(new Document("_id", "c-1"));
        }
        MVStore store = MVStore.open(file().toString());
        store.<String, String>openMap(StoreFormat.MAP_NAME).put(StoreFormat.KEY, "mongo-value-order-v1");
        store.close();

        assertThatThrownBy(() -> EmbeddedMongoServer.persistent(tempDir, 0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'mongo-value-order-v1'")
                .hasMessageContaining("Delete the data directory");
    }

    @Test
    void marksAnUnmarkedStoreThatHoldsNoData() {
        MVStore.open(file().toString()).close();

        try (EmbeddedMongoServer server = EmbeddedMongoServer.persistent(tempDir, 0);
                MongoClient client = MongoClients.create(server.connectionString())) {
            customers(client).insertOne(new Document("_id", "c-1"));
        }

        assertThat(formatMarker()).isEqualTo(StoreFormat.UNIQUE_INDEX_ORDER);
    }

    @Test
    void keepsTheMarkerWhenADatabaseNamedLikeItIsDropped() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.persistent(tempDir, 0);
                MongoClient client = MongoClients.create(server.connectionString())) {
            client.getDatabase("customer360").getCollection("views").insertOne(new Document("_id", 1));
            customers(client).insertOne(new Document("_id", "c-1"));
            client.getDatabase("customer360").drop();
        }

        try (EmbeddedMongoServer server = EmbeddedMongoServer.persistent(tempDir, 0);
                MongoClient client = MongoClients.create(server.connectionString())) {
            assertThat(customers(client).find(new Document("_id", "c-1")).first())
                    .isNotNull();
        }
        assertThat(formatMarker()).isEqualTo(StoreFormat.UNIQUE_INDEX_ORDER);
    }

    private void writeWithTheStockBackend() {
        MongoServer server = new MongoServer(new H2Backend(file().toString()));
        server.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create(
                "mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            customers(client).insertOne(new Document("_id", "c-1").append("name", "Ada"));
        } finally {
            server.shutdownNow();
        }
    }

    private Document readWithTheStockBackend() {
        MongoServer server = new MongoServer(new H2Backend(file().toString()));
        server.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create(
                "mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            return customers(client).find(new Document("_id", "c-1")).first();
        } finally {
            server.shutdownNow();
        }
    }

    private String formatMarker() {
        MVStore store =
                new MVStore.Builder().fileName(file().toString()).readOnly().open();
        try {
            assertThat(store.getMapNames()).contains(StoreFormat.MAP_NAME);
            return store.<String, String>openMap(StoreFormat.MAP_NAME).get(StoreFormat.KEY);
        } finally {
            store.close();
        }
    }

    private Path file() {
        return tempDir.resolve(EmbeddedMongoServer.FILE_NAME);
    }

    private static MongoCollection<Document> customers(MongoClient client) {
        return client.getDatabase("shop").getCollection("customers");
    }
}
