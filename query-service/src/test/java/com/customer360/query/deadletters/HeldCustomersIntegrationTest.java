package com.customer360.query.deadletters;

import static org.assertj.core.api.Assertions.assertThat;

import com.customer360.testing.TestInfrastructure;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The holds on the store the product ships, without the rest of the service. */
class HeldCustomersIntegrationTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-10T00:00:00Z"), ZoneOffset.UTC);

    private final MongoClient client =
            MongoClients.create(TestInfrastructure.shared().mongoUri("holds-" + UUID.randomUUID()));
    private final MongoTemplate mongo = new MongoTemplate(client, "holds-" + UUID.randomUUID());
    private final HeldCustomers holds = new HeldCustomers(mongo, CLOCK, new SimpleMeterRegistry());

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void cannotReleaseAHoldThatGotDeadLettersSinceItsVersionWasRead() {
        holds.hold(List.of(deadLetter(0)));
        long seenByARedrive = holds.find("c-1").orElseThrow().version();
        holds.hold(List.of(deadLetter(1)));

        assertThat(holds.release("c-1", seenByARedrive)).isFalse();
        assertThat(holds.find("c-1")).isPresent();
    }

    @Test
    void shouldRememberWhyACustomerIsHeldAndFindThoseHeldAtAGap() {
        holds.hold(List.of(new DeadLetter(record(0), "SEQUENCE_GAP", "order o-1: ...")));
        holds.hold(List.of(new DeadLetter(record(1), DeadLetter.HELD_BEHIND_DEAD_LETTER, "held behind ...")));

        assertThat(holds.find("c-1").orElseThrow().reasonCode()).isEqualTo("SEQUENCE_GAP");
        assertThat(holds.heldFor("SEQUENCE_GAP")).extracting(Hold::customerId).containsExactly("c-1");
        assertThat(holds.heldFor("MALFORMED_JSON")).isEmpty();
    }

    private static DeadLetter deadLetter(long offset) {
        return new DeadLetter(record(offset), "MALFORMED_JSON", "not valid JSON");
    }

    private static ConsumerRecord<String, byte[]> record(long offset) {
        return new ConsumerRecord<>("customer-order-events", 0, offset, "c-1", "x".getBytes(StandardCharsets.UTF_8));
    }
}
