package com.customer360.command.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.customer360.command.CommandRejected;
import org.junit.jupiter.api.Test;

/** What each kind of rejection means for an upstream message: wait for a fact that may still come, or give up. */
class InboundProcessorTest {

    @Test
    void shouldWaitForACustomerOrOrderThatMayStillArrive() {
        assertThat(InboundProcessor.rejected(CommandRejected.unknownCustomer("c-1")))
                .isEqualTo(Outcome.waiting(InboundReason.UNKNOWN_CUSTOMER, "no customer with id 'c-1'"));
        assertThat(InboundProcessor.rejected(CommandRejected.orderForUnknownCustomer("c-1")))
                .isEqualTo(Outcome.waiting(InboundReason.UNKNOWN_CUSTOMER, "no customer with id 'c-1'"));
        assertThat(InboundProcessor.rejected(CommandRejected.unknownOrder("o-1")))
                .isEqualTo(Outcome.waiting(InboundReason.UNKNOWN_ORDER, "no order with id 'o-1'"));
    }

    @Test
    void shouldWaitForAStatusChangeAnEarlierFactMayEnable() {
        assertThat(InboundProcessor.rejected(CommandRejected.notYetAllowed("status", "not delivered")))
                .isEqualTo(Outcome.waiting(InboundReason.RULE_BROKEN, "not delivered"));
    }

    @Test
    void shouldTryAgainAfterLosingARace() {
        assertThat(InboundProcessor.rejected(CommandRejected.concurrentChange("busy")))
                .isEqualTo(Outcome.waiting(InboundReason.CONFLICT, "busy"));
    }

    @Test
    void shouldDeadLetterWhatNoLaterFactCanChange() {
        assertThat(InboundProcessor.rejected(CommandRejected.ruleBroken("status", "cancelled")))
                .isEqualTo(Outcome.deadLettered(InboundReason.RULE_BROKEN, "cancelled"));
        assertThat(InboundProcessor.rejected(CommandRejected.ruleBroken("amount", "too much")))
                .isEqualTo(Outcome.deadLettered(InboundReason.RULE_BROKEN, "too much"));
        assertThat(InboundProcessor.rejected(CommandRejected.conflict("orderId", "other content")))
                .isEqualTo(Outcome.deadLettered(InboundReason.CONFLICT, "other content"));
        assertThat(InboundProcessor.rejected(CommandRejected.invalid("amount", "negative")))
                .isEqualTo(Outcome.deadLettered(InboundReason.INVALID_INPUT, "negative"));
    }
}
