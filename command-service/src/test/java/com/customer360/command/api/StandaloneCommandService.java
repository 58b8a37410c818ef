package com.customer360.command.api;

import com.customer360.command.CommandServiceApplication;
import com.customer360.security.Roles;
import com.customer360.testing.RunningService;
import com.customer360.testing.TestHttp;
import com.customer360.testing.TestInfrastructure;
import com.customer360.testing.TestUsers;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The command service as tests run it: started the way {@code main} starts it, on the shared {@link
 * TestInfrastructure} (the embedded KRaft broker and the file-backed document store the product ships), with a
 * database, an events topic, an inbound topic with its dead-letter topic and a consumer group of its own, all named
 * after {@code name}. Instances in one JVM share a token-store node id, so two relays on one event store would both
 * publish every event: instances that should not see each other's events have names of their own.
 */
final class StandaloneCommandService implements AutoCloseable {

    /** Small, so that the refusal of a larger time range to re-publish can be seen. */
    static final int REPUBLISH_MAX_EVENTS = 5;

    private static StandaloneCommandService examples;

    private final RunningService service;
    private final String name;

    private StandaloneCommandService(RunningService service, String name) {
        this.service = service;
        this.name = name;
    }

    /**
     * @param name the database and the prefix of the topics and the consumer group; letters, digits and dashes
     * @param settings properties on top of the service's own, such as another {@code spring.kafka.bootstrap-servers}
     */
    static StandaloneCommandService start(String name, Map<String, String> settings) {
        TestInfrastructure infrastructure = TestInfrastructure.shared();
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.kafka.bootstrap-servers", infrastructure.bootstrapServers());
        properties.put("spring.data.mongodb.uri", infrastructure.mongoUri(name));
        properties.put("spring.kafka.consumer.group-id", name + "-upstream");
        properties.put("customer360.topics.events", eventsTopicOf(name));
        properties.put("customer360.inbound.topic", inboundTopicOf(name));
        properties.put("customer360.inbound.dead-letter-topic", inboundTopicOf(name) + ".dlq");
        properties.put("customer360.security.local-users-file", TestUsers.file().toString());
        // The rate limit has a test of its own; the others send as fast as they can.
        properties.put("customer360.security.rate-limit", "0");
        properties.putAll(settings);
        return new StandaloneCommandService(
                RunningService.start(CommandServiceApplication.application(), properties), name);
    }

    /**
     * One service for the example tests of the HTTP door, which only send requests about records of their own, so the
     * JVM starts it once; it runs until the JVM exits.
     */
    static synchronized StandaloneCommandService examples() {
        if (examples == null) {
            examples =
                    start("http-examples", Map.of("customer360.relay.republish-max-events", "" + REPUBLISH_MAX_EVENTS));
        }
        return examples;
    }

    static String eventsTopicOf(String name) {
        return name + "-events";
    }

    static String inboundTopicOf(String name) {
        return name + "-upstream";
    }

    static String bootstrapServers() {
        return TestInfrastructure.shared().bootstrapServers();
    }

    String eventsTopic() {
        return eventsTopicOf(name);
    }

    String inboundTopic() {
        return inboundTopicOf(name);
    }

    /** Reads this service's events topic from its beginning. */
    TopicReader events() {
        return new TopicReader(bootstrapServers(), eventsTopic());
    }

    /** A client signed in as {@code admin}, who may use every endpoint. */
    TestHttp http() {
        return service.http(Roles.ADMIN);
    }

    /** A client signed in with a role, or without credentials for {@code null}. */
    TestHttp http(String role) {
        return role == null ? service.http() : service.http(role);
    }

    /** For requests {@link TestHttp} cannot send: broken percent-encoding, control bytes, chunked bodies. */
    RawHttp raw() {
        return new RawHttp(service.port(), http().authorization());
    }

    int port() {
        return service.port();
    }

    org.springframework.context.ApplicationContext context() {
        return service.context();
    }

    <T> T bean(Class<T> type) {
        return service.bean(type);
    }

    <T> T bean(String name, Class<T> type) {
        return service.context().getBean(name, type);
    }

    /** Stops the service as a shutdown does. */
    @Override
    public void close() {
        service.close();
    }
}
