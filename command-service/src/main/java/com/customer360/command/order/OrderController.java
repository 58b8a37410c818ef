package com.customer360.command.order;

import com.customer360.command.input.AddressInput;
import com.customer360.command.web.RequestIds;
import com.customer360.security.SendsCommands;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@SendsCommands
@RequestMapping(path = "/api/orders", produces = MediaType.APPLICATION_JSON_VALUE)
class OrderController {

    private final OrderCommands orders;
    private final RequestIds requestIds;

    OrderController(OrderCommands orders, RequestIds requestIds) {
        this.orders = orders;
        this.requestIds = requestIds;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, String> create(
            @RequestBody CreateOrderRequest request,
            @RequestHeader(name = RequestIds.HEADER, required = false) String key) {
        return Map.of("orderId", orders.create(request, requestIds.of(key, "POST /api/orders", request)));
    }

    @PostMapping("/{orderId}/place")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void place(
            @PathVariable String orderId,
            @RequestBody(required = false) OrderRequests.Place request,
            @RequestHeader(name = RequestIds.HEADER, required = false) String key) {
        orders.place(orderId, request, requestIds.of(key, "place " + orderId, request));
    }

    @PostMapping("/{orderId}/cancel")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void cancel(
            @PathVariable String orderId,
            @RequestBody(required = false) OrderRequests.Reason request,
            @RequestHeader(name = RequestIds.HEADER, required = false) String key) {
        orders.cancel(orderId, request, requestIds.of(key, "cancel " + orderId, request));
    }

    @PostMapping(path = "/{orderId}/refunds", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void refund(
            @PathVariable String orderId,
            @RequestBody OrderRequests.Refund request,
            @RequestHeader(name = RequestIds.HEADER, required = false) String key) {
        orders.refund(orderId, request, requestIds.of(key, "refund " + orderId, request));
    }

    @PostMapping("/{orderId}/return")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void returnOrder(
            @PathVariable String orderId,
            @RequestBody(required = false) OrderRequests.Reason request,
            @RequestHeader(name = RequestIds.HEADER, required = false) String key) {
        orders.returnOrder(orderId, request, requestIds.of(key, "return " + orderId, request));
    }

    @PostMapping(path = "/{orderId}/shipment-updates", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void recordShipmentUpdate(
            @PathVariable String orderId,
            @RequestBody OrderRequests.ShipmentUpdate request,
            @RequestHeader(name = RequestIds.HEADER, required = false) String key) {
        orders.recordShipmentUpdate(orderId, request, requestIds.of(key, "shipment " + orderId, request));
    }

    @PutMapping(path = "/{orderId}/shipping-address", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changeShippingAddress(
            @PathVariable String orderId,
            @RequestBody AddressInput request,
            @RequestHeader(name = RequestIds.HEADER, required = false) String key) {
        orders.changeShippingAddress(orderId, request, requestIds.of(key, "address " + orderId, request));
    }
}
