package com.customer360.testing;

import com.customer360.embedded.EmbeddedKafkaBroker;
import com.customer360.embedded.EmbeddedMongoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The infrastructure the local stack ships — a real Kafka broker (KRaft) in this JVM and mongo-java-server with its
 * committing H2 file backend — started once per test JVM and shared by every test class in it, so tests meet the
 * same store and broker users run. Tests keep apart by naming their own topics, consumer groups and databases.
 */
public final class TestInfrastructure {

    private static TestInfrastructure shared;

    private final EmbeddedKafkaBroker kafka;
    private final EmbeddedMongoServer mongo;

    private TestInfrastructure(EmbeddedKafkaBroker kafka, EmbeddedMongoServer mongo) {
        this.kafka = kafka;
        this.mongo = mongo;
    }

    /** The JVM's infrastructure, started on first use and stopped when the JVM exits. */
    public static synchronized TestInfrastructure shared() {
        if (shared == null) {
            shared = start();
            TestInfrastructure started = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "test-infrastructure-shutdown"));
        }
        return shared;
    }

    /** Infrastructure of one's own, on free ports and a fresh directory, for a test that must stop it. */
    public static TestInfrastructure start() {
        Path directory;
        try {
            directory = Files.createTempDirectory("c360-test-store-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        EmbeddedMongoServer mongo = EmbeddedMongoServer.persistent(directory, 0);
        return new TestInfrastructure(EmbeddedKafkaBroker.temporary(), mongo);
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** The connection string of a database of the document store. */
    public String mongoUri(String database) {
        return mongo.connectionString() + "/" + database;
    }

    public Map<String, Object> kafkaClientSettings() {
        return Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    }

    /** Creates the topic now, so that records can be published before a service starts; an existing one stays. */
    public void createTopic(String name, int partitions) {
        try (Admin admin = Admin.create(kafkaClientSettings())) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1)))
                    .all()
                    .get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException(e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public synchronized void close() {
        kafka.close();
        mongo.close();
    }
}
