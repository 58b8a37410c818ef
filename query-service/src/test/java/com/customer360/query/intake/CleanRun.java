package com.customer360.query.intake;

import com.customer360.events.cloudevents.EventEnvelope;
import com.customer360.query.store.ReadModel;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * What a clean run of some events leaves in the read models: the service's own read models, projector and clock,
 * writing the events as one batch, once, into a fresh database beside the service's.
 */
final class CleanRun {

    private CleanRun() {}

    static MongoDatabase of(ConfigurableApplicationContext service, List<EventEnvelope> events) {
        MongoClient client = service.getBean(MongoClient.class);
        String database = "clean-run-" + UUID.randomUUID();
        List<ReadModel<?>> readModels = service.getBeanProvider(ReadModel.class)
                .orderedStream()
                .<ReadModel<?>>map(readModel -> readModel)
                .toList();
        new ReadModelProjector(
                        readModels,
                        new MongoTemplate(client, database),
                        service.getBean(Clock.class),
                        service.getBean(ProjectionSettings.class),
                        new SimpleMeterRegistry(),
                        BatchCheckpoints.NONE)
                .project(events);
        return client.getDatabase(database);
    }
}
