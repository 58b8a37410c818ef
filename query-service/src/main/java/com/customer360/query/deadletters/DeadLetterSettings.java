package com.customer360.query.intake;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How re-drives work through dead letters ({@code customer360.dead-letters.*}).
 *
 * @param redriveChunkSize how many of one customer's dead letters a re-drive reads, applies and deletes at a time; a
 *     customer held for long may have many, and a chunk is held in memory and written as one batch
 */
@Validated
@ConfigurationProperties("customer360.dead-letters")
record DeadLetterSettings(@DefaultValue("500") @Min(1) @Max(10_000) int redriveChunkSize) {}
