package com.customer360.query.customer;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.customer360.events.DomainEvent;
import com.customer360.events.cloudevents.EventEnvelope;
import com.customer360.query.EventHistory;
import com.customer360.query.InMemoryMongo;
import com.customer360.query.fold.FoldOutcome;
import com.customer360.query.fold.Projection;
import com.customer360.query.store.BulkProjection;
import com.customer360.query.store.ConcurrentWritesException;
import com.customer360.query.store.ReadModel;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexModel;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.MongoServer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link BulkProjection} against a MongoDB wire-protocol server, with another writer cutting in. */
class ConcurrentWritesIntegrationTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-10T00:00:00Z"), ZoneOffset.UTC);

    private final EventHistory history = new EventHistory();
    private final CustomerDetailsDocuments documents = new CustomerDetailsDocuments();
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private MongoServer server;
    private MongoClient client;
    private MongoCollection<Document> collection;

    @BeforeEach
    void startStore() {
        server = InMemoryMongo.start();
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(InMemoryMongo.uri(server)))
                .addCommandListener(new CommandListener() {
                    @Override
                    public void commandStarted(CommandStartedEvent event) {
                        commands.add(event.getCommandName());
                    }
                })
                .build());
        collection = client.getDatabase("customer360").getCollection(CustomerDetailsDocuments.COLLECTION);
    }

    @AfterEach
    void stopStore() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void shouldRefoldADocumentAnotherWriterReplacedMeanwhile() {
        project(bulk(documents, 3), history.registered("c-1", null));
        EventEnvelope theirs = history.placed("o-1", "c-1", "USD", "10.00", "2026-01-01");
        EventEnvelope ours = history.placed("o-2", "c-1", "USD", "20.00", "2026-01-02");

        project(bulk(interferingOnce(() -> project(bulk(documents, 3), theirs)), 3), ours);

        CustomerDetails stored =
                documents.fromBson(collection.find(eq("_id", "c-1")).first());
        assertThat(stored.summaries).extracting(CurrencySummary::orderCount).containsExactly(2);
        assertThat(collection.find(eq("_id", "c-1")).first().getLong("version")).isEqualTo(3L);
    }

    @Test
    void shouldRefoldADocumentAnotherWriterInsertedMeanwhile() {
        EventEnvelope theirs = history.registered("c-1", null);
        EventEnvelope ours = history.placed("o-1", "c-1", "USD", "10.00", "2026-01-01");

        project(bulk(interferingOnce(() -> project(bulk(documents, 3), theirs)), 3), ours);

        CustomerDetails stored =
                documents.fromBson(collection.find(eq("_id", "c-1")).first());
        assertThat(stored.isRegistered()).isTrue();
        assertThat(stored.orders).hasSize(1);
    }

    @Test
    void cannotWriteADocumentThatKeepsChangingBeyondTheAttempts() {
        project(bulk(documents, 3), history.registered("c-1", null));
        List<String> orderIds = new ArrayList<>();
        Runnable anotherWriterEveryTime = () -> {
            String orderId = "o-" + UUID.randomUUID();
            orderIds.add(orderId);
            project(bulk(documents, 3), history.placed(orderId, "c-1", "USD", "1.00", "2026-01-01"));
        };
        BulkProjection<CustomerDetails> ours = bulk(interfering(anotherWriterEveryTime, Integer.MAX_VALUE), 3);

        assertThatThrownBy(() -> project(ours, history.placed("o-mine", "c-1", "USD", "2.00", "2026-01-02")))
                .isInstanceOf(ConcurrentWritesException.class);
        assertThat(orderIds).hasSize(3);
    }

    @Test
    void shouldReadOnceAndWriteOnceForABatchOfManyDocuments() {
        List<EventEnvelope> first = new ArrayList<>();
        List<EventEnvelope> second = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            first.add(history.registered("c-" + i, null));
            second.add(history.placed("o-" + i, "c-" + i, "USD", "1.00", "2026-01-01"));
            second.add(history.registered("c-new-" + i, null));
        }
        BulkProjection<CustomerDetails> projection = bulk(documents, 3);
        project(projection, first.toArray(EventEnvelope[]::new));
        commands.clear();

        project(projection, second.toArray(EventEnvelope[]::new));

        // One query, then one bulk write the driver sends as one insert and one update command.
        assertThat(commands).containsExactlyInAnyOrder("find", "insert", "update");
        assertThat(collection.countDocuments()).isEqualTo(100);
    }

    @Test
    void shouldNotWriteWhenNoEventChangesAnything() {
        EventEnvelope registered = history.registered("c-1", null);
        BulkProjection<CustomerDetails> projection = bulk(documents, 3);
        project(projection, registered);
        Document before = collection.find(eq("_id", "c-1")).first();
        commands.clear();

        project(projection, registered);

        assertThat(commands).containsExactly("find");
        assertThat(collection.find(eq("_id", "c-1")).first()).isEqualTo(before);
    }

    private BulkProjection<CustomerDetails> bulk(ReadModel<CustomerDetails> readModel, int attempts) {
        return new BulkProjection<>(readModel, collection, CLOCK, attempts);
    }

    private static void project(BulkProjection<CustomerDetails> bulk, EventEnvelope... events) {
        bulk.project(List.of(events));
    }

    private ReadModel<CustomerDetails> interferingOnce(Runnable anotherWriter) {
        return interfering(anotherWriter, 1);
    }

    /** The customer read model, with another writer cutting in between our read and our write, {@code times}. */
    private ReadModel<CustomerDetails> interfering(Runnable anotherWriter, int times) {
        Projection<CustomerDetails> projection = documents.projection();
        Projection<CustomerDetails> cuttingIn = new Projection<>() {
            private int left = times;

            @Override
            public String documentIdOf(DomainEvent event) {
                return projection.documentIdOf(event);
            }

            @Override
            public CustomerDetails newDocument(String id) {
                return projection.newDocument(id);
            }

            @Override
            public List<FoldOutcome> apply(CustomerDetails document, List<EventEnvelope> events) {
                if (left-- > 0) {
                    anotherWriter.run();
                }
                return projection.apply(document, events);
            }
        };
        return new ReadModel<>() {
            @Override
            public String collection() {
                return documents.collection();
            }

            @Override
            public Projection<CustomerDetails> projection() {
                return cuttingIn;
            }

            @Override
            public Document toBson(CustomerDetails document, long version, Instant updatedAt) {
                return documents.toBson(document, version, updatedAt);
            }

            @Override
            public CustomerDetails fromBson(Document stored) {
                return documents.fromBson(stored);
            }

            @Override
            public List<IndexModel> indexes() {
                return documents.indexes();
            }
        };
    }
}
