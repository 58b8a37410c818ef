package com.customer360.command.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.customer360.events.cloudevents.CloudEventCodec;
import com.customer360.events.cloudevents.EventEnvelope;
import com.customer360.events.customer.CustomerDetailsChanged;
import com.customer360.events.customer.CustomerRegistered;
import com.customer360.events.order.OrderPlaced;
import com.customer360.events.order.OrderShippingAddressChanged;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** The command service started once, a producer onto its inbound topic and readers of its event and dead-letter topics. */
abstract class UpstreamTopicTests {

    static StandaloneCommandService service;

    @BeforeAll
    static void start() {
        service = StandaloneCommandService.start(
                "upstream-topic",
                Map.of("customer360.inbound.max-wait", "4s", "customer360.inbound.retry-interval", "200ms"));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    final ObjectMapper json = new ObjectMapper();
    final CloudEventCodec codec = new CloudEventCodec();
    final String suffix = UUID.randomUUID().toString().substring(0, 8);
    KafkaProducer<String, byte[]> producer;
    TopicReader events;
    TopicReader deadLetters;

    @BeforeEach
    void setUp() {
        producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        StandaloneCommandService.bootstrapServers(),
                        ProducerConfig.LINGER_MS_CONFIG,
                        "50"),
                new StringSerializer(),
                new ByteArraySerializer());
        events = service.events();
        deadLetters = new TopicReader(StandaloneCommandService.bootstrapServers(), inbound() + ".dlq");
    }

    @AfterEach
    void tearDown() {
        producer.close();
        events.close();
        deadLetters.close();
    }

    /** An example message from the contract, with this test's own ids so tests don't see each other's data. */
    ObjectNode message(String type) {
        try (InputStream in = getClass().getResourceAsStream("/examples/upstream/" + type + ".json")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("pos-c-42", "pos-c-" + suffix)
                    .replace("pos-o-", "pos-o-" + suffix + "-")
                    .replace("pos-r-", "pos-r-" + suffix + "-")
                    .replace("\"pos-msg-", "\"pos-msg-" + suffix + "-");
            return (ObjectNode) json.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String inbound() {
        return service.inboundTopic();
    }

    String customerId() {
        return "pos-c-" + suffix;
    }

    void publish(ObjectNode message) {
        publish(message.toString().getBytes(StandardCharsets.UTF_8));
    }

    void publish(byte[] value) {
        producer.send(new ProducerRecord<>(inbound(), customerId(), value));
        producer.flush();
    }

    /** Sent in one request, so that the listener reads them in one batch. */
    void publishTogether(ObjectNode... messages) {
        for (ObjectNode message : messages) {
            producer.send(new ProducerRecord<>(
                    inbound(), customerId(), message.toString().getBytes(StandardCharsets.UTF_8)));
        }
        producer.flush();
    }

    ObjectNode addressChange(String orderId, String line1, String id) {
        ObjectNode change = message("order.shipping-address-changed").put("id", id + "-" + suffix);
        ((ObjectNode) change.get("data")).put("orderId", orderId).put("line1", line1);
        return change;
    }

    ObjectNode emailChange(String email, String id) {
        ObjectNode change = message("customer.updated").put("id", id + "-" + suffix);
        ((ObjectNode) change.get("data")).put("email", email);
        return change;
    }

    List<EventEnvelope> published(int atLeast) {
        List<EventEnvelope> mine = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            mine.clear();
            for (ConsumerRecord<String, byte[]> record : events.poll()) {
                if (customerId().equals(record.key())) {
                    mine.add(codec.decode(record.value()));
                }
            }
            assertThat(mine).hasSizeGreaterThanOrEqualTo(atLeast);
        });
        return mine;
    }

    /** The order's shipping address as its events, in their sequence, leave it. */
    static String line1Of(List<EventEnvelope> events, String orderId) {
        String line1 = null;
        for (EventEnvelope envelope : events) {
            if (envelope.event() instanceof OrderPlaced placed
                    && placed.orderId().equals(orderId)) {
                line1 = placed.shippingAddress().line1();
            } else if (envelope.event() instanceof OrderShippingAddressChanged changed
                    && changed.orderId().equals(orderId)) {
                line1 = changed.shippingAddress().line1();
            }
        }
        return line1;
    }

    /** The customer's email as the events, in their sequence, leave it. */
    static String emailOf(List<EventEnvelope> events) {
        String email = null;
        for (EventEnvelope envelope : events) {
            if (envelope.event() instanceof CustomerRegistered registered) {
                email = registered.email();
            } else if (envelope.event() instanceof CustomerDetailsChanged changed) {
                email = changed.email();
            }
        }
        return email;
    }

    List<String> eventTypes(int atLeast) {
        List<String> types = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            types.clear();
            for (ConsumerRecord<String, byte[]> record : events.poll()) {
                if (customerId().equals(record.key())) {
                    EventEnvelope envelope = codec.decode(record.value());
                    types.add(envelope.type());
                }
            }
            assertThat(types).hasSizeGreaterThanOrEqualTo(atLeast);
        });
        return types;
    }

    List<ConsumerRecord<String, byte[]>> deadLettered(int atLeast) {
        List<ConsumerRecord<String, byte[]>> mine = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            mine.clear();
            deadLetters.poll().stream()
                    .filter(record -> customerId().equals(record.key()))
                    .forEach(mine::add);
            assertThat(mine).hasSizeGreaterThanOrEqualTo(atLeast);
        });
        return mine;
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
