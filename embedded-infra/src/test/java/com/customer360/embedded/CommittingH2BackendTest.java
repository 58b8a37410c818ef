package com.customer360.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.mongodb.ConnectionString;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.MongoServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.bson.Document;
import org.h2.mvstore.MVMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CommittingH2BackendTest {

    @TempDir
    Path tempDir;

    private CommittingH2Backend backend;
    private MongoServer server;
    private String connectionString;

    @BeforeEach
    void start() {
        backend = new CommittingH2Backend(file());
        server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        connectionString = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.shutdownNow();
    }

    @Test
    void shouldCommitBeforeAcknowledgingAWrite() {
        try (MongoClient client = MongoClients.create(connectionString)) {
            orders(client).insertOne(new Document("_id", "o-1"));
            assertThat(backend.getMvStore().hasUnsavedChanges()).isFalse();

            orders(client).updateOne(Filters.eq("_id", "o-1"), Updates.set("status", "PLACED"));
            assertThat(backend.getMvStore().hasUnsavedChanges()).isFalse();

            orders(client).findOneAndUpdate(Filters.eq("_id", "o-1"), Updates.set("status", "IN_TRANSIT"));
            assertThat(backend.getMvStore().hasUnsavedChanges()).isFalse();

            orders(client).deleteOne(Filters.eq("_id", "o-1"));
            assertThat(backend.getMvStore().hasUnsavedChanges()).isFalse();
        }
    }

    @Test
    void shouldRunNoBackgroundWriterThatRewritesChunksBehindTheCommands() {
        // With MVStore's background writer, minutes of bulk writes left a collection unreadable for good (Chunk ...
        // not found); its housekeeping rewrites and moves chunks while the commands commit their own.
        assertThat(backend.getMvStore().getAutoCommitDelay()).isZero();
    }

    @Test
    void shouldCommitTheDocumentsABulkInsertWroteBeforeItFailed() {
        try (MongoClient client = MongoClients.create(connectionString)) {
            MongoCollection<Document> orders = orders(client);
            orders.createIndex(Indexes.ascending("number"), new IndexOptions().unique(true));
            List<Document> batch = List.of(
                    new Document("_id", "o-1").append("number", 1),
                    new Document("_id", "o-2").append("number", 2),
                    new Document("_id", "o-3").append("number", 1),
                    new Document("_id", "o-4").append("number", 4));

            assertThatThrownBy(() -> orders.insertMany(batch))
                    .isInstanceOfSatisfying(
                            MongoBulkWriteException.class,
                            e -> assertThat(e.getWriteErrors().get(0).getCode()).isEqualTo(11000));

            assertThat(backend.getMvStore().hasUnsavedChanges()).isFalse();
            assertThat(orders.countDocuments()).isEqualTo(2);
        }
    }

    @Test
    void shouldCommitTheOutputOfAnAggregation() {
        try (MongoClient client = MongoClients.create(connectionString)) {
            orders(client).insertOne(new Document("_id", "o-1").append("customerId", "c-1"));

            orders(client)
                    .aggregate(List.of(new Document("$out", "orders_copy")))
                    .toCollection();

            assertThat(backend.getMvStore().hasUnsavedChanges()).isFalse();
            assertThat(client.getDatabase("shop").getCollection("orders_copy").countDocuments())
                    .isEqualTo(1);
        }
    }

    @Test
    void shouldKeepEveryWriteOfConcurrentConnectionsWithoutACommitOnClose() throws Exception {
        int writers = 4;
        int documentsPerWriter = 250;
        ExecutorService executor = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> results = new ArrayList<>();
            for (int writer = 0; writer < writers; writer++) {
                int id = writer;
                results.add(executor.submit(() -> {
                    try (MongoClient client = MongoClients.create(connectionString)) {
                        IntStream.range(0, documentsPerWriter).forEach(i -> orders(client)
                                .insertOne(new Document("_id", id + "-" + i).append("writer", id)));
                    }
                }));
            }
            for (Future<?> result : results) {
                result.get(30, TimeUnit.SECONDS);
            }
        } finally {
            executor.shutdownNow();
        }
        assertThat(backend.getMvStore().hasUnsavedChanges()).isFalse();
        backend.getMvStore().closeImmediately();
        server.shutdownNow();

        start(); // the same file again, as after a restart
        try (MongoClient client = MongoClients.create(connectionString)) {
            assertThat(orders(client).countDocuments()).isEqualTo((long) writers * documentsPerWriter);
        }
    }

    /**
     * A commit must never save half of another connection's command: a killed process would come back with a bulk
     * write partly applied, or a document whose index entries say another version than the document does (found by
     * the kill -9 test: a customer document its guarded write could no longer find by {@code _id} and version).
     */
    @Test
    void shouldCommitOnlyWholeCommandsWhenAnotherConnectionWritesMeanwhile() throws Exception {
        int documents = 50_000;
        ExecutorService bulk = Executors.newSingleThreadExecutor();
        try (MongoClient bulkClient = MongoClients.create(connectionString);
                MongoClient otherClient = MongoClients.create(connectionString)) {
            orders(bulkClient).createIndex(Indexes.ascending("_id", "version"), new IndexOptions().unique(true));
            List<Document> batch = IntStream.range(0, documents)
                    .mapToObj(i -> new Document("_id", "o-" + i).append("version", 1L))
                    .toList();
            Future<?> inserting = bulk.submit(() -> orders(bulkClient).insertMany(batch));
            MVMap<Object, Object> stored = backend.getMvStore().openMap("databases.shop.orders");
            await().atMost(Duration.ofSeconds(30)).until(() -> stored.sizeAsLong() > 0 || inserting.isDone());
            assertThat(inserting).as("the bulk write was still under way").isNotDone();

            otherClient.getDatabase("shop").getCollection("ticks").insertOne(new Document("_id", "tick"));
            // What the file holds now is what a process killed at this moment would find.
            backend.getMvStore().closeImmediately();
            server.shutdownNow();
        } finally {
            bulk.shutdownNow();
            bulk.awaitTermination(30, TimeUnit.SECONDS);
        }

        start(); // the same file again, as after a restart
        try (MongoClient client = MongoClients.create(connectionString)) {
            assertThat(client.getDatabase("shop").getCollection("ticks").countDocuments())
                    .isOne();
            // The driver sends the documents as commands of at most the batch size the server announces.
            int perCommand = client.getDatabase("admin")
                    .runCommand(new Document("isMaster", 1))
                    .getInteger("maxWriteBatchSize");
            assertThat(perCommand).isLessThan(documents);
            assertThat(orders(client).countDocuments() % perCommand)
                    .as("each command of the bulk write, all or nothing")
                    .isZero();
        }
    }

    /**
     * However much one command writes, it is saved by the one commit after it: MVStore commits by itself from inside a
     * write once its unsaved pages pass a buffer size, which would save the command half done (a rebuild's bulk insert
     * of large documents did so, dozens of times a second).
     */
    @Test
    void shouldSaveEvenAVeryLargeCommandWithOneCommitAfterIt() {
        AtomicInteger inserts = new AtomicInteger();
        MongoClientSettings counting = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(connectionString))
                .addCommandListener(new CommandListener() {
                    @Override
                    public void commandStarted(CommandStartedEvent event) {
                        if (event.getCommandName().equals("insert")) {
                            inserts.incrementAndGet();
                        }
                    }
                })
                .build();
        try (MongoClient client = MongoClients.create(counting)) {
            MongoCollection<Document> orders = orders(client);
            orders.insertOne(new Document("_id", "first"));
            String payload = "x".repeat(30_000);
            List<Document> large = IntStream.range(0, 1_000)
                    .mapToObj(i -> new Document("_id", "o-" + i).append("payload", payload + i))
                    .toList();
            long before = backend.getMvStore().getCurrentVersion();
            inserts.set(0);

            orders.insertMany(large);

            // The driver sends it as a few commands (it splits by size); each is saved by one commit.
            assertThat(backend.getMvStore().getCurrentVersion() - before).isEqualTo(inserts.get());
            assertThat(orders.countDocuments()).isEqualTo(1_001);
        }
    }

    private Path file() {
        return tempDir.resolve(EmbeddedMongoServer.FILE_NAME);
    }

    private static MongoCollection<Document> orders(MongoClient client) {
        return client.getDatabase("shop").getCollection("orders");
    }
}
