package com.customer360.command.inbound;

import com.customer360.command.customer.CustomerCommands;
import com.customer360.command.customer.CustomerDetailsPatch;
import com.customer360.command.customer.RegisterCustomerRequest;
import com.customer360.command.idempotency.Fingerprint;
import com.customer360.command.idempotency.RequestMetaData;
import com.customer360.command.input.AddressInput;
import com.customer360.command.order.CreateOrderRequest;
import com.customer360.command.order.OrderCommands;
import com.customer360.command.order.OrderRequests;
import com.customer360.events.upstream.UpstreamMessageTypes;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns a message into the request the HTTP API would take for the same fact — the data is that request's JSON, with
 * the ids the HTTP API takes from the path — and hands it to the same service.
 */
final class UpstreamCommands {

    private final CustomerCommands customers;
    private final OrderCommands orders;
    private final ObjectMapper json;

    UpstreamCommands(CustomerCommands customers, OrderCommands orders, ObjectMapper json) {
        this.customers = customers;
        this.orders = orders;
        this.json = json;
    }

    /**
     * Carries the message out.
     *
     * @throws JsonProcessingException when the data does not bind to the request (the schema should have caught it)
     */
    void carryOut(UpstreamMessage message) throws JsonProcessingException {
        ObjectNode data = message.data().deepCopy();
        RequestMetaData request = new RequestMetaData(
                message.requestId(), Fingerprint.of(json, message.type(), message.data()), "kafka:" + message.source());
        switch (message.type()) {
            case UpstreamMessageTypes.CUSTOMER_REGISTERED ->
                customers.register(json.treeToValue(data, RegisterCustomerRequest.class), request);
            case UpstreamMessageTypes.CUSTOMER_UPDATED -> {
                String customerId = take(data, "customerId");
                customers.changeDetails(customerId, CustomerDetailsPatch.from(data, json), request);
            }
            case UpstreamMessageTypes.ORDER_DRAFTED ->
                orders.create(json.treeToValue(data.put("draft", true), CreateOrderRequest.class), request);
            case UpstreamMessageTypes.ORDER_PLACED -> place(message, data, request);
            case UpstreamMessageTypes.ORDER_SHIPPING_ADDRESS_CHANGED -> {
                String orderId = take(data, "orderId");
                orders.changeShippingAddress(orderId, json.treeToValue(data, AddressInput.class), request);
            }
            case UpstreamMessageTypes.ORDER_SHIPMENT_UPDATED -> {
                String orderId = take(data, "orderId");
                orders.recordShipmentUpdate(
                        orderId, json.treeToValue(data, OrderRequests.ShipmentUpdate.class), request);
            }
            case UpstreamMessageTypes.ORDER_CANCELLED -> {
                String orderId = take(data, "orderId");
                orders.cancel(orderId, json.treeToValue(data, OrderRequests.Reason.class), request);
            }
            case UpstreamMessageTypes.ORDER_REFUNDED -> {
                String orderId = take(data, "orderId");
                orders.refund(orderId, json.treeToValue(data, OrderRequests.Refund.class), request);
            }
            case UpstreamMessageTypes.ORDER_RETURNED -> {
                String orderId = take(data, "orderId");
                orders.returnOrder(orderId, json.treeToValue(data, OrderRequests.Reason.class), request);
            }
            default -> throw new IllegalArgumentException("no command for type " + message.type());
        }
    }

    /** With lines it is a new order, placed; with only an orderId (and a placedAt) it places an existing draft. */
    private void place(UpstreamMessage message, ObjectNode data, RequestMetaData request)
            throws JsonProcessingException {
        if (message.isWholeOrder()) {
            orders.create(json.treeToValue(data, CreateOrderRequest.class), request);
        } else {
            String orderId = take(data, "orderId");
            orders.place(orderId, json.treeToValue(data, OrderRequests.Place.class), request);
        }
    }

    private static String take(ObjectNode data, String field) {
        return data.remove(field).asText();
    }
}
