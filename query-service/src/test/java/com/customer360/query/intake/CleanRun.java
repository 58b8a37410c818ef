package com.customer360.query.intake;

import com.customer360.events.cloudevents.EventEnvelope;
import com.customer360.query.projection.ProjectionCheckpoints;
import com.customer360.query.projection.ProjectionSettings;
import com.customer360.query.projection.Projector;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * What a clean run of some events leaves in the read models: the service's own projector settings and clock,
 * writing the events as one batch, once, into a fresh database beside the service's.
 */
final class CleanRun {

    private CleanRun() {}

    static MongoDatabase of(ConfigurableApplicationContext service, List<EventEnvelope> events) {
        MongoClient client = service.getBean(MongoClient.class);
        String database = "clean-run-" + UUID.randomUUID();
        new Projector(
                        new MongoTemplate(client, database),
                        service.getBean(Clock.class),
                        service.getBean(ProjectionSettings.class),
                        ProjectionCheckpoints.NONE)
                .project(events, true);
        return client.getDatabase(database);
    }
}
