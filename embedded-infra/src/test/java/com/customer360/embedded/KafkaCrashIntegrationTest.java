package com.customer360.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Proves that the broker keeps every record it acknowledged with acks=all when its process is killed. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class KafkaCrashIntegrationTest {

    private static final int RECORDS = 200;
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path tempDir;

    @Test
    void shouldKeepEveryAcknowledgedRecordWhenTheProcessIsKilled() throws Exception {
        Path data = tempDir.resolve("kafka");
        try (ChildJvm child = ChildJvm.start(
                tempDir.resolve("child.log"), KafkaWriterMain.class, data.toString(), "events", "" + RECORDS)) {
            assertThat(child.awaitLine("ACKED", WAIT)).isEqualTo("ACKED " + RECORDS);
            child.kill();
        }

        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.persistent(data, 0);
                KafkaConsumer<String, String> consumer =
                        KafkaClients.consumer(broker.bootstrapServers(), "after-crash")) {
            consumer.subscribe(List.of("events"));
            List<String> values = KafkaClients.poll(consumer, RECORDS, WAIT).stream()
                    .map(ConsumerRecord::value)
                    .toList();

            assertThat(values)
                    .containsExactlyInAnyOrderElementsOf(IntStream.range(0, RECORDS)
                            .mapToObj(String::valueOf)
                            .toList());
        }
    }
}
