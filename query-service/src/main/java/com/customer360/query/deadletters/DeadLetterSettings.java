package com.customer360.query.deadletters;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How re-drives work through dead letters ({@code customer360.dead-letters.*}).
 *
 * @param redriveChunkSize how many of one customer's dead letters a re-drive reads and applies at a time; a customer
 *     held for long may have many, and a chunk is held in memory and written as one batch
 * @param healInterval how often customers held at a sequence gap are looked at again, to heal once the missing event
 *     has arrived
 */
@Validated
@ConfigurationProperties("customer360.dead-letters")
record DeadLetterSettings(
        @DefaultValue("500") @Min(1) @Max(10_000) int redriveChunkSize,
        @DefaultValue("1s") @NotNull Duration healInterval) {}
