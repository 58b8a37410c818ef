package com.customer360.query.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.customer360.events.cloudevents.CloudEventCodec;
import com.customer360.events.cloudevents.EventEnvelope;
import com.customer360.query.EventHistory;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class EventReaderTest {

    private final CloudEventCodec codec = new CloudEventCodec();
    private final EventReader reader = new EventReader(codec);
    private final EventHistory history = new EventHistory();

    @Test
    void shouldReadAnEventOfTheContract() {
        EventEnvelope placed = history.placed("o-1", "c-1", "USD", "10.00", "2026-01-01");

        EventReader.Read read = reader.read(record(codec.encode(placed)));

        assertThat(read.event()).isEqualTo(placed);
        assertThat(read.deadLetter()).isNull();
    }

    @Test
    void cannotReadSomethingThatIsNotJson() {
        EventReader.Read read = reader.read(record("not json".getBytes(StandardCharsets.UTF_8)));

        assertThat(read.deadLetter().reasonCode()).isEqualTo("MALFORMED_JSON");
    }

    @Test
    void cannotReadAnEmptyRecord() {
        EventReader.Read read = reader.read(record(null));

        assertThat(read.deadLetter().reasonCode()).isEqualTo("MALFORMED_JSON");
    }

    @Test
    void cannotReadAnUnknownEventType() {
        String json = new String(
                        codec.encode(history.placed("o-1", "c-1", "USD", "10.00", "2026-01-01")),
                        StandardCharsets.UTF_8)
                .replace("\"order.placed\"", "\"order.teleported\"");

        EventReader.Read read = reader.read(record(json.getBytes(StandardCharsets.UTF_8)));

        assertThat(read.deadLetter().reasonCode()).isEqualTo("UNKNOWN_TYPE");
    }

    @Test
    void cannotReadAnOrderInACurrencyThatDoesNotExist() {
        EventEnvelope placed = history.placed("o-1", "c-1", "XYZ", "10.00", "2026-01-01");

        EventReader.Read read = reader.read(record(codec.encode(placed)));

        assertThat(read.deadLetter().reasonCode()).isEqualTo("INVALID_DATA");
        assertThat(read.deadLetter().reason()).contains("XYZ");
    }

    @Test
    void cannotReadAnAmountWithMoreDigitsThanItsCurrencyHas() {
        EventEnvelope placed = history.placed("o-1", "c-1", "JPY", "10.5", "2026-01-01");

        EventReader.Read read = reader.read(record(codec.encode(placed)));

        assertThat(read.deadLetter().reasonCode()).isEqualTo("INVALID_DATA");
    }

    @Test
    void cannotReadAnAmountWithMoreDigitsThanTheContractAllows() {
        // An integer, so within JPY's digits, but 41 digits long: more than MongoDB's Decimal128 holds.
        EventEnvelope placed =
                history.placed("o-1", "c-1", "JPY", "12345678901234567890123456789012345678901", "2026-01-01");

        EventReader.Read read = reader.read(record(codec.encode(placed)));

        assertThat(read.deadLetter().reasonCode()).isEqualTo("INVALID_DATA");
        assertThat(read.deadLetter().reason()).contains("total", "15 digits before the point");
    }

    @Test
    void cannotReadARefundWithAHugeExponent() {
        EventEnvelope refunded = history.refunded("o-1", "c-1", "USD", "1E+6200");

        EventReader.Read read = reader.read(record(codec.encode(refunded)));

        assertThat(read.deadLetter().reasonCode()).isEqualTo("INVALID_DATA");
        assertThat(read.deadLetter().reason()).contains("amount");
    }

    private static ConsumerRecord<String, byte[]> record(byte[] value) {
        return new ConsumerRecord<>("customer-order-events", 0, 42L, "c-1", value);
    }
}
