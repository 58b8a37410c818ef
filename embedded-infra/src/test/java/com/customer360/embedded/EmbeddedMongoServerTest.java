package com.customer360.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EmbeddedMongoServerTest {

    @TempDir
    Path tempDir;

    @Test
    void shouldStoreAndFindADocument() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.persistent(tempDir, 0);
                MongoClient client = MongoClients.create(server.connectionString())) {
            assertThat(server.connectionString()).isEqualTo("mongodb://127.0.0.1:" + server.port());

            customers(client).insertOne(new Document("_id", "c-1").append("name", "Ada"));

            assertThat(customers(client).find(new Document("_id", "c-1")).first())
                    .containsEntry("name", "Ada");
        }
    }

    @Test
    void shouldKeepItsDataAcrossARestart() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.persistent(tempDir, 0);
                MongoClient client = MongoClients.create(server.connectionString())) {
            customers(client).insertOne(new Document("_id", "c-1").append("name", "Ada"));
        }

        try (EmbeddedMongoServer server = EmbeddedMongoServer.persistent(tempDir, 0);
                MongoClient client = MongoClients.create(server.connectionString())) {
            assertThat(customers(client).find(new Document("_id", "c-1")).first())
                    .containsEntry("name", "Ada");
        }
        assertThat(tempDir.resolve(EmbeddedMongoServer.FILE_NAME)).isRegularFile();
    }

    @Test
    void shouldWorkInMemory() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.inMemory();
                MongoClient client = MongoClients.create(server.connectionString())) {
            customers(client).insertOne(new Document("_id", "c-1"));

            assertThat(customers(client).countDocuments()).isEqualTo(1);
        }
    }

    @Test
    void cannotInsertADuplicateIntoAUniqueIndex() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.persistent(tempDir, 0);
                MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> customers = customers(client);
            customers.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true));
            customers.insertOne(new Document("_id", "c-1").append("email", "ada@example.com"));

            assertThatThrownBy(() -> customers.insertOne(new Document("_id", "c-2").append("email", "ada@example.com")))
                    .isInstanceOfSatisfying(MongoWriteException.class, e -> assertThat(e.getCode())
                            .isEqualTo(11000))
                    .hasMessageContaining("E11000");
        }
    }

    @Test
    void cannotStartOnAPortInUse() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThatThrownBy(() -> EmbeddedMongoServer.persistent(tempDir, taken.getLocalPort()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("127.0.0.1:" + taken.getLocalPort());
        }
        try (EmbeddedMongoServer server = EmbeddedMongoServer.persistent(tempDir, 0)) {
            assertThat(server.port()).isPositive();
        }
    }

    private static MongoCollection<Document> customers(MongoClient client) {
        return client.getDatabase("customer360").getCollection("customers");
    }
}
