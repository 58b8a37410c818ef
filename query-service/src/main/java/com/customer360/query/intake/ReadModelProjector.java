package com.customer360.query.intake;

import com.customer360.events.cloudevents.EventEnvelope;
import com.customer360.query.store.BulkProjection;
import com.customer360.query.store.BulkProjection.BatchResult;
import com.customer360.query.store.BulkProjection.Skipped;
import com.customer360.query.store.ReadModel;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Projects a batch of readable events into every read model: one query and one bulk write per collection. The live
 * listener and the re-drive of dead letters both come through here, so both apply events under the same sequence
 * guards. Events a read model cannot apply are logged by id and counted, never with customer details.
 */
@Component
class ReadModelProjector {

    private static final Logger log = LoggerFactory.getLogger(ReadModelProjector.class);

    private final List<BulkProjection<?>> projections;
    private final MeterRegistry meters;
    private final BatchCheckpoints checkpoints;

    @Autowired
    ReadModelProjector(
            List<ReadModel<?>> readModels,
            MongoTemplate mongo,
            Clock clock,
            ProjectionSettings settings,
            MeterRegistry meters,
            ObjectProvider<BatchCheckpoints> checkpoints) {
        this(readModels, mongo, clock, settings, meters, checkpoints.getIfAvailable(() -> BatchCheckpoints.NONE));
    }

    ReadModelProjector(
            List<ReadModel<?>> readModels,
            MongoTemplate mongo,
            Clock clock,
            ProjectionSettings settings,
            MeterRegistry meters,
            BatchCheckpoints checkpoints) {
        this.projections = readModels.stream()
                .<BulkProjection<?>>map(readModel -> bulk(readModel, mongo, clock, settings))
                .toList();
        this.meters = meters;
        this.checkpoints = checkpoints;
    }

    private static <D> BulkProjection<D> bulk(
            ReadModel<D> readModel, MongoTemplate mongo, Clock clock, ProjectionSettings settings) {
        return new BulkProjection<>(
                readModel, mongo.getCollection(readModel.collection()), clock, settings.maxWriteAttempts());
    }

    void project(List<EventEnvelope> events) {
        if (events.isEmpty()) {
            return;
        }
        for (BulkProjection<?> projection : projections) {
            BatchResult result = projection.project(events);
            log.debug(
                    "{}: {} events, {} documents written",
                    result.collection(),
                    events.size(),
                    result.documentsWritten());
            result.skipped().forEach(skipped -> report(result.collection(), skipped));
            checkpoints.readModelWritten(result.collection(), events);
        }
    }

    private void report(String collection, Skipped skipped) {
        EventEnvelope envelope = skipped.event();
        log.warn(
                "{} skipped {} {} of {} {} (customer {}): {}",
                collection,
                envelope.type(),
                envelope.id(),
                envelope.aggregateType(),
                envelope.aggregateId(),
                envelope.key(),
                skipped.outcome());
        meters.counter(
                        "customer360.projection.skipped",
                        "collection",
                        collection,
                        "outcome",
                        skipped.outcome().name())
                .increment();
    }
}
