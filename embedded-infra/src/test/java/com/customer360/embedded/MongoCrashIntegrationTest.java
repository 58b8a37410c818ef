package com.customer360.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Proves that the document store keeps every acknowledged write when its process is killed with SIGKILL. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class MongoCrashIntegrationTest {

    private static final int WRITES = 200;
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path tempDir;

    @Test
    void shouldKeepEveryAcknowledgedInsertWhenTheProcessIsKilled() throws Exception {
        Path store = tempDir.resolve("store");

        writeThenKill(store, "committing");

        assertThat(storedIds(store, CommittingH2Backend::new)).containsExactlyInAnyOrderElementsOf(allIds());
    }

    /**
     * Killed while writers on several connections rewrite their documents in bulk, the store comes back with each
     * writer's last saved bulk write whole — every document of a writer at the same version — and with every document
     * found through its unique {@code (_id, version)} index: no commit saved half of another connection's command.
     */
    @Test
    void shouldComeBackWithWholeWriteCommandsWhenKilledAmidConcurrentBulkWrites() throws Exception {
        Path store = tempDir.resolve("store");
        Files.createDirectories(store);
        int writers = 4;
        int documents = 300;
        try (ChildJvm child = ChildJvm.start(
                tempDir.resolve("busy.log"), BusyWritersMain.class, store.toString(), "" + writers, "" + documents)) {
            assertThat(child.awaitLine("ROUNDS", WAIT)).startsWith("ROUNDS");
            child.kill();
        }

        MongoServer server = new MongoServer(new CommittingH2Backend(store.resolve(EmbeddedMongoServer.FILE_NAME)));
        server.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create(
                "mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            MongoCollection<Document> versioned = BusyWritersMain.collection(client);
            Map<Integer, Set<Long>> versionsByWriter = new HashMap<>();
            List<Document> all = versioned.find().into(new ArrayList<>());
            assertThat(all).hasSize(writers * documents);
            for (Document document : all) {
                versionsByWriter
                        .computeIfAbsent(document.getInteger("writer"), writer -> new HashSet<>())
                        .add(document.getLong("version"));
                assertThat(versioned
                                .find(new Document("_id", document.get("_id"))
                                        .append("version", document.get("version")))
                                .first())
                        .as("%s found through its (_id, version) index", document.get("_id"))
                        .isNotNull();
            }
            assertThat(versionsByWriter.values())
                    .allSatisfy(versions -> assertThat(versions).hasSize(1));
        } finally {
            server.shutdownNow();
        }
    }

    /**
     * The stock backend acknowledges an insert before anything is written; its background commit, about once a second,
     * writes it later. Here that commit is put off beyond the kill (see {@link MongoWriterMain}), so the loss does not
     * depend on where the kill falls between two commits: every acknowledged insert is gone.
     */
    @Test
    void showsThatTheStockBackendLosesTheInsertsItAcknowledgedSinceItsLastBackgroundCommit() throws Exception {
        Path store = tempDir.resolve("store");

        writeThenKill(store, "plain");

        List<Integer> lost = new ArrayList<>(allIds());
        // read with the same backend: the store as shipped refuses files of the stock backend (see StoreFormat)
        lost.removeAll(storedIds(store, file -> new H2Backend(file.toString())));
        assertThat(lost).containsExactlyElementsOf(allIds());
    }

    private void writeThenKill(Path store, String backend) throws Exception {
        Files.createDirectories(store);
        try (ChildJvm child = ChildJvm.start(
                tempDir.resolve("child.log"), MongoWriterMain.class, store.toString(), "" + WRITES, backend)) {
            assertThat(child.awaitLine("ACKED", WAIT)).isEqualTo("ACKED " + WRITES);
            child.kill();
        }
    }

    private static List<Integer> storedIds(Path store, Function<Path, MongoBackend> backend) {
        MongoServer server = new MongoServer(backend.apply(store.resolve(EmbeddedMongoServer.FILE_NAME)));
        server.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create(
                "mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            MongoCollection<Document> orders = client.getDatabase("shop").getCollection("orders");
            List<Integer> ids = new ArrayList<>();
            orders.find().forEach(document -> ids.add(document.getInteger("_id")));
            // the _id index survived as well: it finds every document the scan found
            assertThat(orders.find(Filters.in("_id", ids)).map(document -> document.getInteger("_id")))
                    .containsExactlyInAnyOrderElementsOf(ids);
            return ids;
        } finally {
            server.shutdownNow();
        }
    }

    private static List<Integer> allIds() {
        return IntStream.range(0, WRITES).boxed().toList();
    }
}
