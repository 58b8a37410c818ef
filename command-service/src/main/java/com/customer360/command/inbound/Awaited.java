package com.customer360.command.inbound;

/**
 * What a waiting message waits for: a customer's registration, an order's creation, a change of an order's status —
 * or only time, for a failure that may pass, which no other message can bring.
 */
record Awaited(Fact fact, String id) {

    /** The kinds of fact a message can wait for. */
    enum Fact {
        CUSTOMER_REGISTERED,
        ORDER_CREATED,
        ORDER_STATUS_CHANGED,
        TIME
    }

    static final Awaited TIME = new Awaited(Fact.TIME, null);

    String describe() {
        return switch (fact) {
            case CUSTOMER_REGISTERED -> "customer '" + id + "' to be registered";
            case ORDER_CREATED -> "order '" + id + "' to be created";
            case ORDER_STATUS_CHANGED -> "a status change of order '" + id + "'";
            case TIME -> "a passing failure to pass";
        };
    }
}
