package com.customer360.command.api;

/** The endpoints of the command API, by method and path, that the fuzz generators send requests to. */
enum CommandEndpoint {
    REGISTER_CUSTOMER("POST", "/api/customers"),
    CHANGE_CUSTOMER("PATCH", "/api/customers/%s"),
    CREATE_ORDER("POST", "/api/orders"),
    PLACE_ORDER("POST", "/api/orders/%s/place"),
    CANCEL_ORDER("POST", "/api/orders/%s/cancel"),
    REFUND_ORDER("POST", "/api/orders/%s/refunds"),
    RETURN_ORDER("POST", "/api/orders/%s/return"),
    RECORD_SHIPMENT("POST", "/api/orders/%s/shipment-updates"),
    CHANGE_SHIPPING_ADDRESS("PUT", "/api/orders/%s/shipping-address");

    final String method;
    private final String template;

    CommandEndpoint(String method, String template) {
        this.method = method;
        this.template = template;
    }

    String path(String id) {
        return template.contains("%s") ? template.formatted(id) : template;
    }
}
