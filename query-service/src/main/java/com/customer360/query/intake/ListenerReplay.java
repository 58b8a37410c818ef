package com.customer360.query.intake;

import com.customer360.events.cloudevents.EventEnvelope;
import com.customer360.query.deadletters.DeadLetter;
import com.customer360.query.deadletters.Replay;
import com.customer360.query.fold.Failure;
import com.customer360.query.projection.ProjectionResult;
import com.customer360.query.projection.Projector;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.stereotype.Component;

/**
 * Re-drives apply dead letters with the listener's own reader and projection. Within one chunk the readable events are
 * put in each aggregate's sequence order first (records of one aggregate may have reached the topic out of order,
 * which is how a gap arises), so that one pass applies what fits; events of different aggregates do not depend on each
 * other's order.
 */
@Component
class ListenerReplay implements Replay {

    private static final Comparator<Read> AGGREGATE_ORDER = Comparator.comparing(
                    (Read read) -> read.event().aggregateType())
            .thenComparing(read -> read.event().aggregateId())
            .thenComparingLong(read -> read.event().aggregateSequence());

    private final EventReader reader;
    private final Projector projector;

    ListenerReplay(EventReader reader, Projector projector) {
        this.reader = reader;
        this.projector = projector;
    }

    private record Read(int index, EventEnvelope event) {}

    @Override
    public Map<Integer, DeadLetter> apply(List<ConsumerRecord<String, byte[]>> records) {
        Map<Integer, DeadLetter> failing = new HashMap<>();
        List<Read> readable = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            EventReader.Read read = reader.read(records.get(i));
            if (read.deadLetter() != null) {
                failing.put(i, read.deadLetter());
            } else {
                readable.add(new Read(i, read.event()));
            }
        }
        readable.sort(AGGREGATE_ORDER);
        ProjectionResult result =
                projector.project(readable.stream().map(Read::event).toList(), false);
        result.failures().forEach((position, failure) -> {
            int index = readable.get(position).index();
            failing.put(index, deadLetter(records.get(index), failure));
        });
        return failing;
    }

    private static DeadLetter deadLetter(ConsumerRecord<String, byte[]> record, Failure failure) {
        return new DeadLetter(record, failure.reasonCode(), failure.reason());
    }
}
