package com.customer360.query.intake;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How hard the projection tries ({@code customer360.projection.*}).
 *
 * @param maxWriteAttempts how often one batch reloads and refolds documents another writer changed meanwhile before
 *     it gives the batch back to the retry below
 * @param retry the back-off between attempts at a failed batch, which never gives up
 */
@Validated
@ConfigurationProperties("customer360.projection")
record ProjectionSettings(@DefaultValue("5") @Min(1) int maxWriteAttempts, @DefaultValue @Valid @NotNull Retry retry) {

    /**
     * @param initialInterval the first pause after a failed batch
     * @param multiplier how much each pause grows
     * @param maxInterval the longest pause
     */
    record Retry(
            @DefaultValue("1s") @NotNull Duration initialInterval,
            @DefaultValue("2.0") @DecimalMin("1.0") double multiplier,
            @DefaultValue("30s") @NotNull Duration maxInterval) {}
}
