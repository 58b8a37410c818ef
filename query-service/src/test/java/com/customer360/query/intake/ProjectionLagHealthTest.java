package com.customer360.query.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;

class ProjectionLagHealthTest {

    private final Map<Integer, Long> lag = new TreeMap<>();
    private final ProjectionLagHealth health = new ProjectionLagHealth(() -> lag, 100);

    @Test
    void shouldBeReadyWhileTheLagIsUnknown() {
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        assertThat(health.health().getDetails()).containsEntry("lag", 0L);
    }

    @Test
    void shouldBeOutOfServiceOnceThePartitionsTogetherAreFurtherBehindThanAllowed() {
        lag.put(0, 60L);
        lag.put(1, 40L);
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        assertThat(health.health().getDetails()).containsEntry("lag", 100L);

        lag.put(2, 1L);
        assertThat(health.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(health.health().getDetails()).containsEntry("partitions", Map.of(0, 60L, 1, 40L, 2, 1L));
    }

    @Test
    void shouldBeReadyAgainOnceCaughtUp() {
        lag.put(0, 500L);
        assertThat(health.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        lag.put(0, 0L);
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }
}
