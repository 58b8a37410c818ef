package com.customer360.events.upstream;

import java.util.List;

/** The CloudEvents types accepted on the upstream topic, and where each one's data schema lives. */
public final class UpstreamMessageTypes {

    public static final String CUSTOMER_REGISTERED = "customer.registered";
    public static final String CUSTOMER_UPDATED = "customer.updated";
    public static final String ORDER_DRAFTED = "order.drafted";
    public static final String ORDER_PLACED = "order.placed";
    public static final String ORDER_SHIPPING_ADDRESS_CHANGED = "order.shipping-address-changed";
    public static final String ORDER_SHIPMENT_UPDATED = "order.shipment-updated";
    public static final String ORDER_CANCELLED = "order.cancelled";
    public static final String ORDER_REFUNDED = "order.refunded";
    public static final String ORDER_RETURNED = "order.returned";

    /** The base of the schemas' {@code $id}s; {@link #dataSchema(String)} resolves below it. */
    public static final String SCHEMA_BASE = "https://customer360.example/schemas/";

    private static final List<String> ALL = List.of(
            CUSTOMER_REGISTERED,
            CUSTOMER_UPDATED,
            ORDER_DRAFTED,
            ORDER_PLACED,
            ORDER_SHIPPING_ADDRESS_CHANGED,
            ORDER_SHIPMENT_UPDATED,
            ORDER_CANCELLED,
            ORDER_REFUNDED,
            ORDER_RETURNED);

    private UpstreamMessageTypes() {}

    public static List<String> all() {
        return ALL;
    }

    /** The {@code $id} of the schema of a type's data, e.g. {@code .../upstream/order.placed.v1.schema.json}. */
    public static String dataSchema(String type) {
        return SCHEMA_BASE + "upstream/" + type + ".v1.schema.json";
    }

    /** The classpath location of everything under {@link #SCHEMA_BASE}. */
    public static String schemaClasspathRoot() {
        return "classpath:schemas/";
    }
}
