package com.customer360.command.inbound;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * A record of the inbound topic as it arrived, whether just polled or kept while it waits: where it came from, its
 * key, its bytes and its headers.
 */
record InboundRecord(String topic, int partition, long offset, String key, byte[] value, List<Header> headers) {

    static InboundRecord of(ConsumerRecord<String, byte[]> record) {
        return new InboundRecord(
                record.topic(),
                record.partition(),
                record.offset(),
                record.key(),
                record.value(),
                List.of(record.headers().toArray()));
    }

    Header header(String name) {
        Header last = null;
        for (Header header : headers) {
            if (header.key().equalsIgnoreCase(name)) {
                last = header;
            }
        }
        return last;
    }

    String coordinates() {
        return topic + "-" + partition + "@" + offset;
    }
}
