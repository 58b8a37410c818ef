package com.customer360.query.intake;

import java.util.Map;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * Whether the read side is close enough to the event topic to serve readers: the events not yet consumed, summed over
 * the partitions this instance reads ({@link PartitionLag}). Past {@code customer360.projection.ready-max-lag} the
 * instance is out of service for the readiness probe — still alive, catching up, but a load balancer should send
 * readers to an instance that is current. Before the consumer has fetched anything the lag is unknown and the instance
 * counts as ready.
 */
@Component("projectionLag")
class ProjectionLagHealth implements HealthIndicator {

    private final Supplier<Map<Integer, Long>> lagByPartition;
    private final long maxLag;

    @Autowired
    ProjectionLagHealth(PartitionLag lag, @Value("${customer360.projection.ready-max-lag:10000}") long maxLag) {
        this(lag::byPartition, maxLag);
    }

    ProjectionLagHealth(Supplier<Map<Integer, Long>> lagByPartition, long maxLag) {
        this.lagByPartition = lagByPartition;
        this.maxLag = maxLag;
    }

    @Override
    public Health health() {
        Map<Integer, Long> partitions = lagByPartition.get();
        long lag = partitions.values().stream().mapToLong(Long::longValue).sum();
        Health.Builder health = lag > maxLag ? Health.status(Status.OUT_OF_SERVICE) : Health.up();
        return health.withDetail("lag", lag)
                .withDetail("partitions", partitions)
                .withDetail("readyMaxLag", maxLag)
                .build();
    }
}
