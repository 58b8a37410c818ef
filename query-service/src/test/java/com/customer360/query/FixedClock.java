package com.customer360.query;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Stops the service's clock, so two runs over the same events write byte-identical documents ({@code updatedAt}
 * included) and a test can compare them whole.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FixedClock {

    public static final Instant NOW = Instant.parse("2026-06-10T12:00:00Z");

    @Bean
    @Primary
    Clock stoppedClock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }
}
