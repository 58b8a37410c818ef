package com.customer360.embedded;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Child process of {@link KafkaCrashIntegrationTest}: starts the broker on a directory, produces records one
 * by one with {@code acks=all}, reports how many were acknowledged, then waits to be killed.
 *
 * <p>Arguments: directory, topic, number of records.
 */
public final class KafkaWriterMain {

    private KafkaWriterMain() {}

    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args[0]);
        String topic = args[1];
        int count = Integer.parseInt(args[2]);
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.persistent(directory, 0);
        KafkaProducer<String, String> producer = KafkaClients.producer(broker.bootstrapServers());
        for (int i = 0; i < count; i++) {
            producer.send(new ProducerRecord<>(topic, "customer-" + i % 10, String.valueOf(i)))
                    .get(30, TimeUnit.SECONDS);
        }
        System.out.println("ACKED " + count);
        System.out.flush();
        ChildJvm.blockUntilParentGoes();
    }
}
