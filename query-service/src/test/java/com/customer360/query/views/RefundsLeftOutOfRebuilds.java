package com.customer360.query.views;

import com.customer360.events.cloudevents.EventEnvelope;
import com.customer360.events.order.OrderRefunded;
import com.customer360.query.fold.Failure;
import com.customer360.query.projection.ProjectionCheckpoints;
import com.customer360.query.projection.ProjectionResult;
import com.customer360.query.projection.ProjectionSettings;
import com.customer360.query.projection.Projector;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A changed rule, injected into rebuilds only: refunds no longer reduce a customer's lifetime value (the refund
 * events are left out of the fold), as a mistaken change to the projection would do. The live view keeps the rule.
 */
@TestComponent
@Primary
public class RefundsLeftOutOfRebuilds implements RebuildProjectors {

    private final MongoTemplate mongo;
    private final Clock clock;
    private final ProjectionSettings settings;

    RefundsLeftOutOfRebuilds(MongoTemplate mongo, Clock clock, ProjectionSettings settings) {
        this.mongo = mongo;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public VersionProjection forVersion(int version) {
        Projector projector = new Projector(mongo, clock, settings, ProjectionCheckpoints.NONE, version);
        return events -> {
            List<EventEnvelope> kept = new ArrayList<>();
            List<Integer> indexOf = new ArrayList<>();
            for (int i = 0; i < events.size(); i++) {
                if (!(events.get(i).event() instanceof OrderRefunded)) {
                    kept.add(events.get(i));
                    indexOf.add(i);
                }
            }
            ProjectionResult result = projector.project(kept, true);
            Map<Integer, Failure> failures = new HashMap<>();
            result.failures().forEach((index, failure) -> failures.put(indexOf.get(index), failure));
            Set<Integer> notApplied = new HashSet<>();
            result.notApplied().forEach(index -> notApplied.add(indexOf.get(index)));
            return new ProjectionResult(failures, notApplied, result.changedCustomers());
        };
    }
}
