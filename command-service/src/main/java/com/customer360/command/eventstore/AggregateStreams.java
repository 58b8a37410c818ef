package com.customer360.command.eventstore;

/**
 * Names the event stream of each aggregate. Axon's event store keys streams by identifier alone, and upstream systems
 * choose their own ids, so customer "1001" and order "1001" would collide; a type prefix keeps them apart.
 */
public final class AggregateStreams {

    private AggregateStreams() {}

    public static String customer(String customerId) {
        return "customer:" + customerId;
    }

    public static String order(String orderId) {
        return "order:" + orderId;
    }

    public static boolean isOrder(String streamId) {
        return streamId != null && streamId.startsWith("order:");
    }

    /** The caller's id inside a stream id. */
    public static String idOf(String streamId) {
        int colon = streamId == null ? -1 : streamId.indexOf(':');
        return colon < 0 ? streamId : streamId.substring(colon + 1);
    }
}
