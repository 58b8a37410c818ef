package com.customer360.command.api;

import com.customer360.embedded.EmbeddedKafkaBroker;
import com.customer360.embedded.EmbeddedMongoServer;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One in-JVM Kafka broker and document store shared by the integration tests of this module, started on first use
 * and stopped with the JVM.
 */
final class EmbeddedInfrastructure {

    private static EmbeddedKafkaBroker kafka;
    private static EmbeddedMongoServer mongo;

    private EmbeddedInfrastructure() {}

    static synchronized void register(DynamicPropertyRegistry registry) {
        if (kafka == null) {
            mongo = EmbeddedMongoServer.inMemory();
            kafka = EmbeddedKafkaBroker.temporary();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                kafka.close();
                mongo.close();
            }));
        }
        registry.add("spring.kafka.bootstrap-servers", kafka::bootstrapServers);
        registry.add("spring.data.mongodb.uri", () -> mongo.connectionString() + "/command-tests");
    }

    static String bootstrapServers() {
        return kafka.bootstrapServers();
    }
}
