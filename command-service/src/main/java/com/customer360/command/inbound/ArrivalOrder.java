package com.customer360.command.inbound;

import java.util.List;
import java.util.Optional;

/**
 * Keeps each customer's and each order's messages in the order they arrived. A message may not go ahead of an earlier
 * one that is waiting and concerns the same customer or order — unless it brings what that one waits for (the
 * customer's registration, the order's creation, a status change of the order), for otherwise neither could ever be
 * carried out. A message kept behind another waits for what that one waits for.
 */
final class ArrivalOrder {

    private ArrivalOrder() {}

    /** Whether {@code message} may be carried out although {@code earlier} is still waiting. */
    static boolean mayGoAhead(Subject message, WaitingMessage earlier) {
        return !message.sharesWith(earlier.subject()) || message.brings(earlier.awaits());
    }

    /** The first of the earlier waiting messages, in arrival order, that {@code message} must wait behind. */
    static Optional<WaitingMessage> blocker(Subject message, List<WaitingMessage> earlierInArrivalOrder) {
        return earlierInArrivalOrder.stream()
                .filter(earlier -> !mayGoAhead(message, earlier))
                .findFirst();
    }

    /** What a message that was refused for {@code reason} waits for. */
    static Awaited awaited(InboundReason reason, Subject message) {
        return switch (reason) {
            case UNKNOWN_CUSTOMER ->
                message.customerId() == null
                        ? Awaited.TIME
                        : new Awaited(Awaited.Fact.CUSTOMER_REGISTERED, message.customerId());
            case UNKNOWN_ORDER ->
                message.orderId() == null ? Awaited.TIME : new Awaited(Awaited.Fact.ORDER_CREATED, message.orderId());
            case RULE_BROKEN ->
                message.orderId() == null
                        ? Awaited.TIME
                        : new Awaited(Awaited.Fact.ORDER_STATUS_CHANGED, message.orderId());
            default -> Awaited.TIME;
        };
    }
}
