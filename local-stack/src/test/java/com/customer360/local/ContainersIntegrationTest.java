package com.customer360.local;

import com.customer360.testing.TestUsers;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.context.ConfigurableApplicationContext;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The same scenario against real Kafka and real MongoDB in containers, where Docker exists; skipped cleanly where it
 * does not.
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainersIntegrationTest extends CustomerFiguresScenario {

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:3.9.1");

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:7.0");

    private static ConfigurableApplicationContext query;
    private static ConfigurableApplicationContext command;

    @BeforeAll
    static void start() {
        query = Services.startQueryService(settings("customer360-views"), List.of());
        command = Services.startCommandService(settings("customer360-events"), List.of());
    }

    private static Map<String, String> settings(String database) {
        return Map.of(
                "server.port",
                "0",
                "server.address",
                "127.0.0.1",
                "spring.kafka.bootstrap-servers",
                KAFKA.getBootstrapServers(),
                "spring.data.mongodb.uri",
                MONGO.getReplicaSetUrl(database) + "?w=majority&journal=true",
                "customer360.security.local-users-file",
                TestUsers.file().toString());
    }

    @AfterAll
    static void stop() {
        command.close();
        query.close();
    }

    @Override
    Api api() {
        return Api.ofTestUsers(Services.port(command), Services.port(query));
    }
}
