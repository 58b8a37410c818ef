package com.customer360.query.deadletters;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** How a re-drive applies records: read and projected exactly as the live listener does them. */
public interface Replay {

    /**
     * Reads and applies the records in list order, going on past those that cannot be applied (each aggregate's
     * sequence keeps the rest in order).
     *
     * @return the records that still cannot be applied, by their index in the list, with why
     */
    Map<Integer, DeadLetter> apply(List<ConsumerRecord<String, byte[]>> records);
}
