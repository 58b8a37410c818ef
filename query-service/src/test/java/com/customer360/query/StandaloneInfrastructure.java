package com.customer360.query;

import de.bwaldvogel.mongo.MongoServer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;

/**
 * A Kafka broker (KRaft, in the JVM) and an in-memory MongoDB wire-protocol server that a test owns rather than a
 * Spring test context, so the service can be stopped and started again on the same broker and store.
 */
public final class StandaloneInfrastructure implements AutoCloseable {

    private final EmbeddedKafkaKraftBroker broker;
    private final MongoServer mongo;
    private final DefaultKafkaProducerFactory<String, byte[]> producers;

    private StandaloneInfrastructure(EmbeddedKafkaKraftBroker broker, MongoServer mongo) {
        this.broker = broker;
        this.mongo = mongo;
        this.producers = new DefaultKafkaProducerFactory<>(
                KafkaTestUtils.producerProps(broker.getBrokersAsString()),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    public static StandaloneInfrastructure start() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
        // One partition for consumer offsets instead of 50: the first consumer group on a new broker waits for it.
        broker.brokerProperty("offsets.topic.num.partitions", "1");
        broker.afterPropertiesSet();
        return new StandaloneInfrastructure(broker, InMemoryMongo.start());
    }

    public String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    public String mongoUri(String database) {
        return "mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort() + "/" + database;
    }

    public KafkaTemplate<String, byte[]> kafka() {
        return new KafkaTemplate<>(producers);
    }

    public KafkaAdmin kafkaAdmin() {
        return new KafkaAdmin(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
    }

    /** Creates the topic now, so that events can be published before the service starts and creates it. */
    public void createTopic(String name, int partitions) {
        broker.doWithAdmin(admin -> {
            try {
                admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1)))
                        .all()
                        .get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        });
    }

    @Override
    public void close() {
        producers.destroy();
        mongo.shutdownNow();
        broker.destroy();
    }
}
