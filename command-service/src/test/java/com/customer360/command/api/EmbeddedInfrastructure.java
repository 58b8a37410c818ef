package com.customer360.command.api;

import com.customer360.embedded.EmbeddedKafkaBroker;
import com.customer360.embedded.EmbeddedMongoServer;
import java.nio.file.Path;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One in-JVM Kafka broker and document store shared by the integration tests of this module, started on first use.
 * They are not closed: Spring closes its cached test contexts in a shutdown hook, and a broker closed at the same
 * moment would keep their Kafka clients retrying for half a minute. They end with the JVM; the broker's files are
 * under {@code target/}.
 */
final class EmbeddedInfrastructure {

    private static EmbeddedKafkaBroker kafka;
    private static EmbeddedMongoServer mongo;

    private EmbeddedInfrastructure() {}

    static synchronized void register(DynamicPropertyRegistry registry) {
        if (kafka == null) {
            mongo = EmbeddedMongoServer.inMemory();
            kafka = EmbeddedKafkaBroker.persistent(Path.of("target", "embedded-kafka-" + UUID.randomUUID()), 0);
        }
        registry.add("spring.kafka.bootstrap-servers", kafka::bootstrapServers);
        registry.add("spring.data.mongodb.uri", () -> mongo.connectionString() + "/command-tests");
    }

    static String bootstrapServers() {
        return kafka.bootstrapServers();
    }
}
