package com.customer360.query;

import com.mongodb.client.MongoDatabase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The query service started by a test the way {@code main} starts it, on {@link StandaloneInfrastructure}, with its
 * own events topic, consumer group and database (all named {@code name}), so that it can be stopped, even in the
 * middle of a batch, and started again on the same broker and store.
 */
public final class StandaloneQueryService implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private StandaloneQueryService(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /**
     * @param name the events topic, the consumer group and the database; letters, digits and dashes
     * @param settings properties on top of the service's own, as command-line arguments
     * @param testConfiguration beans to add, such as {@link FixedClock}
     */
    public static StandaloneQueryService start(
            StandaloneInfrastructure infrastructure,
            String name,
            Map<String, String> settings,
            Class<?>... testConfiguration) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("server.port", "0");
        properties.put("spring.main.banner-mode", "off");
        properties.put("spring.kafka.bootstrap-servers", infrastructure.bootstrapServers());
        properties.put("spring.kafka.consumer.group-id", groupOf(name));
        properties.put("spring.data.mongodb.uri", infrastructure.mongoUri(name));
        properties.put("customer360.topics.events", name);
        properties.put("customer360.topics.dead-letters", deadLetterTopicOf(name));
        properties.put("customer360.projection.retry.initial-interval", "200ms");
        properties.put("customer360.projection.retry.max-interval", "2s");
        properties.putAll(settings);
        List<String> args = new ArrayList<>();
        properties.forEach((key, value) -> args.add("--" + key + "=" + value));
        return new StandaloneQueryService(
                QueryServiceApplication.application().sources(testConfiguration).run(args.toArray(String[]::new)));
    }

    public static String groupOf(String name) {
        return name + "-views";
    }

    public static String deadLetterTopicOf(String name) {
        return name + ".dlq";
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    public MongoDatabase database() {
        return bean(MongoTemplate.class).getDb();
    }

    public TestRestTemplate http() {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return new TestRestTemplate(new RestTemplateBuilder().rootUri("http://127.0.0.1:" + port));
    }

    /** Stops the service as a shutdown does: the listener container stops, without committing a batch in flight. */
    @Override
    public void close() {
        context.close();
    }
}
