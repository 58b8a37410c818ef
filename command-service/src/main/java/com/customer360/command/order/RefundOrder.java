package com.customer360.command.order;

import com.customer360.command.eventstore.AggregateStreams;
import java.math.BigDecimal;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Gives money back; refundId makes retries harmless. */
record RefundOrder(String orderId, String refundId, BigDecimal amount, String reason, Instant at) {

    @TargetAggregateIdentifier
    String streamId() {
        return AggregateStreams.order(orderId);
    }
}
