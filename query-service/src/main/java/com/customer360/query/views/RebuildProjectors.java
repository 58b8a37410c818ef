package com.customer360.query.views;

import com.customer360.events.cloudevents.EventEnvelope;
import com.customer360.query.projection.ProjectionCheckpoints;
import com.customer360.query.projection.ProjectionResult;
import com.customer360.query.projection.ProjectionSettings;
import com.customer360.query.projection.Projector;
import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * How a rebuild folds its events into its version: the same {@link Projector}, with its rules, as the live view —
 * which is what makes a rebuild's diff empty when nothing changed, and shows a changed rule when one did. Tests
 * replace the bean to inject such a change.
 */
public interface RebuildProjectors {

    /** The projection of one slice of events into the version, returning once it is written. */
    interface VersionProjection {
        ProjectionResult project(List<EventEnvelope> events);
    }

    VersionProjection forVersion(int version);

    @Configuration(proxyBeanMethods = false)
    class Default {

        @Bean
        RebuildProjectors rebuildProjectors(MongoTemplate mongo, Clock clock, ProjectionSettings settings) {
            return version -> {
                Projector projector = new Projector(mongo, clock, settings, ProjectionCheckpoints.NONE, version);
                return events -> projector.project(events, true);
            };
        }
    }
}
