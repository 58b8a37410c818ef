package com.customer360.query.topics;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The topics the query side reads and writes ({@code customer360.topics.*}, the same names the command service uses
 * for the events topic, so one setting configures both).
 *
 * @param events the domain events, keyed by customer id
 * @param deadLetters where dead letters go (records that cannot be read, and the records held behind them), untouched,
 *     with the reason in headers
 * @param partitions partitions of both topics when this service creates them (never changed afterwards); the ceiling
 *     for consumer instances
 * @param replicas replication factor when this service creates them; {@code null} for the broker's default
 */
@Validated
@ConfigurationProperties("customer360.topics")
public record EventTopics(
        @DefaultValue("customer-order-events") @NotBlank String events,
        @DefaultValue("customer-order-events.dlq") @NotBlank String deadLetters,
        @DefaultValue("3") @Min(1) int partitions,
        @Min(1) Short replicas) {}
