package com.customer360.query.projection;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.customer360.events.cloudevents.EventEnvelope;
import com.customer360.query.EventHistory;
import com.customer360.query.store.ConcurrentWritesException;
import com.customer360.testing.TestInfrastructure;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.util.unit.DataSize;

/**
 * The projector against the store the product ships, with another writer cutting in between our read and our write
 * of the customer documents — as a second instance does for a moment during a consumer-group rebalance.
 */
class ConcurrentWritesIntegrationTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-10T00:00:00Z"), ZoneOffset.UTC);
    private static final ProjectionSettings SETTINGS = new ProjectionSettings(
            3,
            DataSize.ofMegabytes(16),
            new ProjectionSettings.Retry(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(30)));

    private final EventHistory history = new EventHistory();
    private final String database = "concurrent-" + UUID.randomUUID();
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final List<Runnable> cuttingIn = new CopyOnWriteArrayList<>();
    private final List<Runnable> cuttingInOrders = new CopyOnWriteArrayList<>();
    private final MongoClient ours = MongoClients.create(MongoClientSettings.builder()
            .applyConnectionString(
                    new ConnectionString(TestInfrastructure.shared().mongoUri(database)))
            .addCommandListener(new CommandListener() {
                @Override
                public void commandStarted(CommandStartedEvent event) {
                    if (!isTimelineWrite(event)) {
                        commands.add(event.getCommandName());
                    }
                    if (isWriteTo("customer_details", event) && !cuttingIn.isEmpty()) {
                        cuttingIn.remove(0).run();
                    }
                    if (isWriteTo("order_details", event) && !cuttingInOrders.isEmpty()) {
                        cuttingInOrders.remove(0).run();
                    }
                }
            })
            .build());
    private final MongoClient theirs =
            MongoClients.create(TestInfrastructure.shared().mongoUri(database));
    private final Projector ourProjector = projector(ours);
    private final Projector theirProjector = projector(theirs);
    private final MongoCollection<Document> customers =
            theirs.getDatabase(database).getCollection("customer_details");

    @AfterEach
    void close() {
        ours.close();
        theirs.close();
    }

    @Test
    void shouldRefoldADocumentAnotherWriterReplacedMeanwhile() {
        project(ourProjector, history.registered("c-1", null));
        EventEnvelope their = history.placed("o-1", "c-1", "USD", "10.00", "2026-01-01");
        EventEnvelope our = history.placed("o-2", "c-1", "USD", "20.00", "2026-01-02");
        cuttingIn.add(() -> project(theirProjector, their));

        project(ourProjector, our);

        Document stored = customers.find(eq("_id", "c-1")).first();
        assertThat(stored.getList("summaries", Document.class).get(0).getLong("orderCount"))
                .isEqualTo(2L);
        assertThat(stored.getLong("version")).isEqualTo(3L);
    }

    @Test
    void shouldRefoldADocumentAnotherWriterInsertedMeanwhile() {
        EventEnvelope their = history.registered("c-1", null);
        EventEnvelope our = history.placed("o-1", "c-1", "USD", "10.00", "2026-01-01");
        cuttingIn.add(() -> project(theirProjector, their));

        project(ourProjector, our);

        Document stored = customers.find(eq("_id", "c-1")).first();
        assertThat(stored.getDate("registeredAt")).isNotNull();
        assertThat(stored.getLong("orderCount")).isEqualTo(1L);
    }

    @Test
    void cannotWriteADocumentThatKeepsChangingBeyondTheAttempts() {
        project(ourProjector, history.registered("c-1", null));
        AtomicInteger theirOrders = theyPlaceAnOrderForC1BeforeEachOfOurWrites(10);

        assertThatThrownBy(() -> project(ourProjector, history.placed("o-mine", "c-1", "USD", "2.00", "2026-01-02")))
                .isInstanceOf(ConcurrentWritesException.class);
        assertThat(theirOrders).hasValue(3);
    }

    /**
     * A conflict that outlasts the retries of several batches is no passing rebalance: the document cannot be written
     * (a second writer that never stops, an index that no longer finds it). Its customer is held with the reason, and
     * the read side goes on for everyone else instead of retrying the batch for ever.
     */
    @Test
    void shouldHoldACustomerWhoseDocumentKeepsChangingBatchAfterBatch() {
        project(ourProjector, history.registered("c-1", null));
        theyPlaceAnOrderForC1BeforeEachOfOurWrites(100);
        List<EventEnvelope> batch =
                List.of(history.placed("o-mine", "c-1", "USD", "2.00", "2026-01-02"), history.registered("c-2", null));
        for (int retried = 1; retried < Projector.HOLD_AFTER_BATCHES; retried++) {
            assertThatThrownBy(() -> ourProjector.project(batch, true)).isInstanceOf(ConcurrentWritesException.class);
        }

        ProjectionResult result = ourProjector.project(batch, true);

        assertThat(result.failures()).containsOnlyKeys(0);
        assertThat(result.failures().get(0).reason()).contains("kept changing");
        assertThat(customers.find(eq("_id", "c-2")).first()).isNotNull();
    }

    /**
     * An order document another writer wrote first is folded again from theirs with this batch's events of the order —
     * only those the customer document took in. An event held behind an earlier failure of the customer stays out of
     * the order document too: were it applied there, its re-drive would find it done and the customer's figures would
     * never count it.
     */
    @Test
    void shouldRefoldAnOrderWithoutTheEventsHeldBehindAFailure() {
        project(ourProjector, history.registered("c-1", null));
        EventEnvelope placed = history.placed("o-1", "c-1", "USD", "10.00", "2026-01-01");
        EventEnvelope ofAnUnknownOrder = history.shipped("o-never-placed", "c-1", "2026-01-02");
        EventEnvelope shipped = history.shipped("o-1", "c-1", "2026-01-03");
        cuttingInOrders.add(() -> project(theirProjector, placed));

        ProjectionResult result = ourProjector.project(List.of(placed, ofAnUnknownOrder, shipped), true);
        assertThat(result.failures()).containsOnlyKeys(1);
        assertThat(result.notApplied()).containsExactly(2);
        // the re-drive of the held events, once the unknown order's is given up on
        assertThat(ourProjector.project(List.of(shipped), false).failures()).isEmpty();

        Document customer = customers.find(eq("_id", "c-1")).first();
        assertThat(customer.get("statusCounts", Document.class)).isEqualTo(new Document("IN_TRANSIT", 1L));
    }

    /**
     * A customer document another writer changed between our order writes and our forgetting of the positions they
     * caught up with keeps what that writer wrote — here the position of an order whose document it never got to write.
     */
    @Test
    void shouldLeaveThePendingPositionsAnotherWriterWroteMeanwhile() {
        project(ourProjector, history.registered("c-1", null));
        List<EventEnvelope> ours = new ArrayList<>();
        for (int i = 0; i <= PendingPositions.KEPT_AT_MOST; i++) {
            ours.add(history.placed("o-" + i, "c-1", "USD", "1.00", "2026-01-01"));
        }
        EventEnvelope their = history.placed("o-theirs", "c-1", "USD", "1.00", "2026-01-02");
        Projector crashingAfterCustomers =
                new Projector(new MongoTemplate(theirs, database), CLOCK, SETTINGS, new ProjectionCheckpoints() {
                    @Override
                    public void customersWritten(List<EventEnvelope> events) {
                        throw new IllegalStateException("crashed");
                    }
                });
        cuttingIn.add(() -> {}); // our customer write
        cuttingIn.add(() -> assertThatThrownBy(() -> crashingAfterCustomers.project(List.of(their), true))
                .hasMessage("crashed")); // before we forget the caught-up positions

        project(ourProjector, ours.toArray(EventEnvelope[]::new));
        // their batch again, after their crash
        project(theirProjector, their);

        assertThat(customers.find(eq("_id", "c-1")).first().getLong("orderCount"))
                .isEqualTo(PendingPositions.KEPT_AT_MOST + 2L);
    }

    @Test
    void shouldReadTwiceAndWriteTwiceForABatchOfManyCustomers() {
        List<EventEnvelope> first = new ArrayList<>();
        List<EventEnvelope> second = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            first.add(history.registered("c-" + i, null));
            second.add(history.placed("o-" + i, "c-" + i, "USD", "1.00", "2026-01-01"));
            second.add(history.registered("c-new-" + i, null));
        }
        ourProjector.project(first, true);
        commands.clear();

        ourProjector.project(second, true);

        // The customers, their orders; then the customer documents (new ones inserted, the others replaced) and the
        // order documents.
        assertThat(commands).containsExactlyInAnyOrder("find", "find", "insert", "update", "insert");
        assertThat(customers.countDocuments()).isEqualTo(100);
    }

    @Test
    void shouldNotWriteWhenNoEventChangesAnything() {
        EventEnvelope registered = history.registered("c-1", null);
        project(ourProjector, registered);
        Document before = customers.find(eq("_id", "c-1")).first();
        commands.clear();

        project(ourProjector, registered);

        assertThat(commands).containsExactly("find");
        assertThat(customers.find(eq("_id", "c-1")).first()).isEqualTo(before);
    }

    /** The other writer cuts in before each of our next customer writes, up to {@code times}; counts its orders. */
    private AtomicInteger theyPlaceAnOrderForC1BeforeEachOfOurWrites(int times) {
        AtomicInteger theirOrders = new AtomicInteger();
        for (int i = 0; i < times; i++) {
            cuttingIn.add(() -> project(
                    theirProjector,
                    history.placed("o-" + theirOrders.incrementAndGet(), "c-1", "USD", "1.00", "2026-01-01")));
        }
        return theirOrders;
    }

    private Projector projector(MongoClient client) {
        return new Projector(new MongoTemplate(client, database), CLOCK, SETTINGS, ProjectionCheckpoints.NONE);
    }

    private static void project(Projector projector, EventEnvelope... events) {
        assertThat(projector.project(List.of(events), true).failures()).isEmpty();
    }

    /** The timeline's own inserts are left out: they are idempotent by event id and counted by its own tests. */
    private static boolean isTimelineWrite(CommandStartedEvent event) {
        return event.getCommandName().equals("insert")
                && "customer_timeline"
                        .equals(event.getCommand().getString("insert").getValue());
    }

    private static boolean isWriteTo(String collection, CommandStartedEvent event) {
        String command = event.getCommandName();
        return (command.equals("update") || command.equals("insert"))
                && collection.equals(event.getCommand().getString(command).getValue());
    }
}
