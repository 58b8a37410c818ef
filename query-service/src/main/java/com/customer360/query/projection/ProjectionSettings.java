package com.customer360.query.projection;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How the projection writes and how hard it tries ({@code customer360.projection.*}).
 *
 * @param maxWriteAttempts how often one batch reloads and refolds documents another writer changed meanwhile before
 *     it gives the batch back to the retry below
 * @param maxDocumentSize the largest document the store takes (MongoDB's limit is 16 MB); a customer whose document
 *     would be larger is held behind a dead letter instead of stopping the batch
 * @param retry the back-off between attempts at a failed batch, which never gives up
 */
@Validated
@ConfigurationProperties("customer360.projection")
public record ProjectionSettings(
        @DefaultValue("5") @Min(1) int maxWriteAttempts,
        @DefaultValue("16MB") @NotNull DataSize maxDocumentSize,
        @DefaultValue @Valid @NotNull Retry retry) {

    /**
     * @param initialInterval the first pause after a failed batch
     * @param multiplier how much each pause grows
     * @param maxInterval the longest pause
     */
    public record Retry(
            @DefaultValue("1s") @NotNull Duration initialInterval,
            @DefaultValue("2.0") @DecimalMin("1.0") double multiplier,
            @DefaultValue("30s") @NotNull Duration maxInterval) {}
}
