package com.customer360.query;

import com.customer360.testing.RunningService;
import com.customer360.testing.TestHttp;
import com.customer360.testing.TestInfrastructure;
import com.customer360.testing.TestUsers;
import com.mongodb.client.MongoDatabase;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The query service as tests run it: started the way {@code main} starts it, on the shared {@link TestInfrastructure}
 * (the embedded broker and file-backed store the product ships), with its own events topic, consumer group and
 * database, all named after {@code name}, so that it can be stopped, even in the middle of a batch, and started
 * again on the same broker and store.
 */
public final class StandaloneQueryService implements AutoCloseable {

    private static StandaloneQueryService shared;

    private final RunningService service;
    private final String name;

    private StandaloneQueryService(RunningService service, String name) {
        this.service = service;
        this.name = name;
    }

    /**
     * @param name the events topic, the consumer group and the database; letters, digits and dashes
     * @param settings properties on top of the service's own
     * @param testConfiguration beans to add, such as {@link FixedClock}
     */
    public static StandaloneQueryService start(
            String name, Map<String, String> settings, Class<?>... testConfiguration) {
        TestInfrastructure infrastructure = TestInfrastructure.shared();
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.kafka.bootstrap-servers", infrastructure.bootstrapServers());
        properties.put("spring.kafka.consumer.group-id", groupOf(name));
        properties.put("spring.data.mongodb.uri", infrastructure.mongoUri(name));
        properties.put("customer360.topics.events", name);
        properties.put("customer360.topics.dead-letters", deadLetterTopicOf(name));
        properties.put("customer360.projection.retry.initial-interval", "200ms");
        properties.put("customer360.projection.retry.max-interval", "2s");
        properties.put("logging.level.org.apache.kafka", "WARN");
        properties.put("customer360.security.local-users-file", TestUsers.file().toString());
        properties.putAll(settings);
        return new StandaloneQueryService(
                RunningService.start(QueryServiceApplication.application(), properties, testConfiguration), name);
    }

    /**
     * One service for the test classes that only publish and read, each with customer and order ids of its own, so
     * the JVM starts it once; it runs until the JVM exits.
     */
    public static synchronized StandaloneQueryService shared() {
        if (shared == null) {
            // A thousand followers of one user are the point of a test of its own; the limit has another.
            shared = start(
                    "shared-views", Map.of("customer360.live.max-streams-per-user", "2000"), InjectedFailures.class);
        }
        return shared;
    }

    public static String groupOf(String name) {
        return name + "-views";
    }

    public static String deadLetterTopicOf(String name) {
        return name + ".dlq";
    }

    public String name() {
        return name;
    }

    public String topic() {
        return name;
    }

    public String deadLetterTopic() {
        return deadLetterTopicOf(name);
    }

    /** Publishes to this service's topic and waits for its consumer group. */
    public EventPublisher publisher() {
        return new EventPublisher(TestInfrastructure.shared().bootstrapServers(), topic(), groupOf(name));
    }

    public static String bootstrapServers() {
        return TestInfrastructure.shared().bootstrapServers();
    }

    public <T> T bean(Class<T> type) {
        return service.bean(type);
    }

    public ConfigurableApplicationContext context() {
        return service.context();
    }

    public MongoDatabase database() {
        return bean(MongoTemplate.class).getDb();
    }

    /** A client signed in as {@code admin}, who may do everything. */
    public TestHttp http() {
        return service.http("admin");
    }

    /** A client signed in with a role, or without credentials for {@code null}. */
    public TestHttp http(String role) {
        return role == null ? service.http() : service.http(role);
    }

    /** Stops the service as a shutdown does: the listener container stops, without committing a batch in flight. */
    @Override
    public void close() {
        service.close();
    }
}
