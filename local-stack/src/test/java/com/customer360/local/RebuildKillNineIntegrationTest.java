package com.customer360.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.customer360.events.cloudevents.EventEnvelope;
import com.customer360.testing.TestHttp;
import com.customer360.testing.TestInfrastructure;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rebuild killed with SIGKILL in the middle of its catch-up resumes, when its service starts again, from where its
 * passes stood — the customers of the passes done are not folded again — and ends with the same documents as a
 * rebuild of the same events that was never interrupted, in a service of its own on a database of its own.
 */
class RebuildKillNineIntegrationTest {

    private static final int EVENTS = 8_000;
    private static final List<String> COLLECTIONS =
            List.of("customer_details_v2", "order_details_v2", "customer_timeline_v2");

    @TempDir
    Path logs;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void shouldResumeFromItsCommittedPositionAndEndAsAnUninterruptedRebuild() throws Exception {
        TestInfrastructure infrastructure = TestInfrastructure.shared();
        String topic = "rebuild-kill-" + run;
        infrastructure.createTopic(topic, BenchmarkTopic.PARTITIONS);
        List<EventEnvelope> history = SyntheticHistory.generate("rk" + run, EVENTS, 42);
        BenchmarkTopic.publish(infrastructure.bootstrapServers(), topic, history);

        try (ServiceProcess killed = new ServiceProcess("query", settings(infrastructure, topic, "killed"), logs);
                ServiceProcess whole = new ServiceProcess("query", settings(infrastructure, topic, "whole"), logs);
                MongoClient mongo = MongoClients.create(infrastructure.mongoUri(""))) {
            killed.start();
            String rebuildId = start(killed.http());
            MongoDatabase killedDatabase = mongo.getDatabase(database("killed"));
            await().atMost(Duration.ofMinutes(3)).until(() -> passesDone(killedDatabase, rebuildId) >= EVENTS / 4);
            killed.kill();
            long doneAtTheKill = passesDone(killedDatabase, rebuildId);
            assertThat(doneAtTheKill).isBetween((long) EVENTS / 4, (long) history.size() - 1);

            killed.start();
            AtomicLong lowestAfterRestart = new AtomicLong(Long.MAX_VALUE);
            await().atMost(Duration.ofMinutes(5))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        TestHttp.Answer rebuild = killed.http().get("/api/views/rebuilds/" + rebuildId);
                        lowestAfterRestart.accumulateAndGet(
                                rebuild.json().path("eventsApplied").asLong(), Math::min);
                        return rebuild.json().path("state").asText().equals("CAUGHT_UP");
                    });
            // A rebuild that started again from the beginning would report the events of its first slices only.
            assertThat(lowestAfterRestart.get()).isGreaterThanOrEqualTo(doneAtTheKill);
            assertThat(killed.http()
                            .get("/api/views/rebuilds/" + rebuildId)
                            .json()
                            .path("eventsApplied")
                            .asLong())
                    .isEqualTo(history.size());

            whole.start();
            String uninterrupted = start(whole.http());
            await().atMost(Duration.ofMinutes(5)).until(() -> whole.http()
                    .get("/api/views/rebuilds/" + uninterrupted)
                    .json()
                    .path("state")
                    .asText()
                    .equals("CAUGHT_UP"));

            Map<String, Document> resumed = content(mongo.getDatabase(database("killed")));
            Map<String, Document> straight = content(mongo.getDatabase(database("whole")));
            assertThat(resumed).hasSizeGreaterThan(EVENTS / 10);
            assertThat(resumed).isEqualTo(straight);
        }
    }

    private static String start(TestHttp http) {
        TestHttp.Answer started = http.post("/api/views/rebuilds", "{\"view\":\"customer-details\"}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        return started.json().path("rebuildId").asText();
    }

    /** The events of the customers whose passes are done and written, as the rebuild recorded them. */
    private static long passesDone(MongoDatabase database, String rebuildId) {
        Document rebuild = database.getCollection("view_rebuilds")
                .find(new Document("_id", rebuildId))
                .first();
        Document passes = rebuild == null ? null : rebuild.get("passes", Document.class);
        return passes == null ? 0 : passes.get("applied", Number.class).longValue();
    }

    /**
     * Every document of the rebuilt version without its write bookkeeping ({@code version}, {@code updatedAt}, and
     * the customer document's {@code pending} and {@code rankings}, whose extent depends on how the events were
     * sliced): what readers see.
     */
    private static Map<String, Document> content(MongoDatabase database) {
        Map<String, Document> documents = new TreeMap<>();
        for (String collection : COLLECTIONS) {
            database.getCollection(collection).find().forEach(document -> {
                document.remove("version");
                document.remove("updatedAt");
                document.remove("pending");
                document.remove("rankings");
                documents.put(collection + "/" + document.get("_id"), document);
            });
        }
        return documents;
    }

    private String database(String name) {
        return "rebuild-kill-" + name + "-" + run;
    }

    private Map<String, String> settings(TestInfrastructure infrastructure, String topic, String name) {
        return Map.ofEntries(
                Map.entry("server.address", "127.0.0.1"),
                Map.entry("spring.main.banner-mode", "off"),
                Map.entry("logging.level.root", "WARN"),
                Map.entry("spring.kafka.bootstrap-servers", infrastructure.bootstrapServers()),
                Map.entry("spring.data.mongodb.uri", infrastructure.mongoUri(database(name))),
                Map.entry("spring.kafka.consumer.group-id", database(name)),
                Map.entry("customer360.topics.events", topic),
                Map.entry("customer360.topics.dead-letters", topic + ".dlq"),
                // Small slices and a small memory, so the rebuild takes many passes and records where it stands often;
                // slow enough to be killed in the middle; a dead instance's lease lapses soon.
                Map.entry("customer360.views.slice-events", "500"),
                Map.entry("customer360.views.bulk-max-documents", "400"),
                Map.entry("customer360.views.max-events-per-second", "800"),
                Map.entry("customer360.views.lease-duration", "3s"));
    }
}
