package com.customer360.embedded;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;

/**
 * Child process of {@link MongoCrashIntegrationTest}: writers on their own connections, each rewriting its own set of
 * documents in one bulk write per round, every document carrying the round as its version and guarded by a unique
 * {@code (_id, version)} index, as the projections write theirs. Prints {@code ROUNDS} once every writer has done
 * a few, and goes on until it is killed.
 *
 * <p>Arguments: directory, writers, documents per writer.
 */
public final class BusyWritersMain {

    static final String COLLECTION = "versioned";

    private BusyWritersMain() {}

    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args[0]);
        int writers = Integer.parseInt(args[1]);
        int documents = Integer.parseInt(args[2]);
        String connectionString = EmbeddedMongoServer.persistent(directory, 0).connectionString();
        try (MongoClient setup = MongoClients.create(connectionString)) {
            collection(setup).createIndex(Indexes.ascending("_id", "version"), new IndexOptions().unique(true));
        }
        CountDownLatch warmedUp = new CountDownLatch(writers);
        AtomicLong rounds = new AtomicLong();
        for (int writer = 0; writer < writers; writer++) {
            int id = writer;
            Thread thread = new Thread(() -> write(connectionString, id, documents, warmedUp, rounds), "writer-" + id);
            thread.setDaemon(true);
            thread.start();
        }
        warmedUp.await();
        System.out.println("ROUNDS " + rounds.get());
        System.out.flush();
        ChildJvm.blockUntilParentGoes();
    }

    private static void write(
            String connectionString, int writer, int documents, CountDownLatch warmedUp, AtomicLong rounds) {
        try (MongoClient client = MongoClients.create(connectionString)) {
            MongoCollection<Document> collection = collection(client);
            for (long version = 1; ; version++) {
                List<WriteModel<Document>> round = new ArrayList<>(documents);
                for (int i = 0; i < documents; i++) {
                    String id = "w" + writer + "-" + i;
                    Document filter = new Document("_id", id);
                    if (version > 1) {
                        filter.append("version", version - 1);
                    }
                    round.add(new ReplaceOneModel<>(
                            filter,
                            new Document("_id", id)
                                    .append("writer", writer)
                                    .append("version", version)
                                    .append("payload", "x".repeat(200)),
                            new ReplaceOptions().upsert(true)));
                }
                collection.bulkWrite(round, new BulkWriteOptions().ordered(false));
                rounds.incrementAndGet();
                if (version == 5) {
                    warmedUp.countDown();
                }
            }
        }
    }

    static MongoCollection<Document> collection(MongoClient client) {
        return client.getDatabase("shop").getCollection(COLLECTION);
    }
}
