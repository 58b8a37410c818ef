package com.customer360.command.order;

import com.customer360.command.dispatch.CommandDispatcher;
import com.customer360.command.idempotency.RequestMetaData;
import com.customer360.command.input.AddressInput;
import com.customer360.command.input.Amounts;
import com.customer360.command.input.InputCheck;
import com.customer360.command.input.InvalidInput;
import com.customer360.command.input.Timestamps;
import com.customer360.events.order.OrderLine;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/** What callers may ask of orders, whichever door they come through. */
@Service
public class OrderCommands {

    private final CommandDispatcher dispatcher;
    private final InputCheck check;
    private final Clock clock;

    OrderCommands(CommandDispatcher dispatcher, InputCheck check, Clock clock) {
        this.dispatcher = dispatcher;
        this.check = check;
        this.clock = clock;
    }

    /** Creates an order and returns its id; a retry with the same content is answered the same way. */
    public String create(CreateOrderRequest request, RequestMetaData metaData) {
        check.valid(request);
        if (request.isDraft() && request.placedAt() != null) {
            throw InvalidInput.of("placedAt", "must be left out for a draft; it is set when the draft is placed");
        }
        String orderId = request.orderId() != null ? request.orderId() : metaData.newId("order");
        List<OrderLine> lines = new ArrayList<>();
        for (int i = 0; i < request.lines().size(); i++) {
            CreateOrderRequest.LineInput line = request.lines().get(i);
            lines.add(new OrderLine(
                    line.sku(),
                    line.name(),
                    line.quantity(),
                    Amounts.exact(line.unitPrice(), request.currency(), "lines[" + i + "].unitPrice")));
        }
        dispatcher.send(
                new CreateOrder(
                        orderId,
                        request.customerId(),
                        request.storeId(),
                        request.currency(),
                        lines,
                        request.total() == null ? null : Amounts.exact(request.total(), request.currency(), "total"),
                        AddressInput.toAddress(request.shippingAddress()),
                        request.placedAt() == null ? null : Timestamps.plausible(request.placedAt(), clock, "placedAt"),
                        request.isDraft(),
                        clock.instant()),
                metaData);
        return orderId;
    }

    public void place(String orderId, OrderRequests.Place request, RequestMetaData metaData) {
        check.id("orderId", orderId);
        OrderRequests.Place place = request == null ? new OrderRequests.Place(null) : request;
        dispatcher.send(
                new PlaceOrder(orderId, Timestamps.orNow(place.placedAt(), clock, "placedAt"), clock.instant()),
                metaData);
    }

    public void cancel(String orderId, OrderRequests.Reason request, RequestMetaData metaData) {
        check.id("orderId", orderId);
        dispatcher.send(new CancelOrder(orderId, reasonOf(request), clock.instant()), metaData);
    }

    public void refund(String orderId, OrderRequests.Refund request, RequestMetaData metaData) {
        check.id("orderId", orderId);
        check.valid(request);
        String refundId = request.refundId() != null ? request.refundId() : metaData.newId("refund");
        dispatcher.send(
                new RefundOrder(orderId, refundId, request.amount(), request.reason(), clock.instant()), metaData);
    }

    public void returnOrder(String orderId, OrderRequests.Reason request, RequestMetaData metaData) {
        check.id("orderId", orderId);
        dispatcher.send(new ReturnOrder(orderId, reasonOf(request), clock.instant()), metaData);
    }

    public void recordShipmentUpdate(String orderId, OrderRequests.ShipmentUpdate request, RequestMetaData metaData) {
        check.id("orderId", orderId);
        check.valid(request);
        dispatcher.send(
                new RecordShipmentUpdate(
                        orderId,
                        request.status(),
                        request.carrier(),
                        request.trackingNumber(),
                        request.location(),
                        request.note(),
                        Timestamps.orNow(request.at(), clock, "at")),
                metaData);
    }

    public void changeShippingAddress(String orderId, AddressInput request, RequestMetaData metaData) {
        check.id("orderId", orderId);
        check.valid(request);
        dispatcher.send(new ChangeShippingAddress(orderId, AddressInput.toAddress(request), clock.instant()), metaData);
    }

    private String reasonOf(OrderRequests.Reason request) {
        return request == null ? null : check.valid(request).reason();
    }
}
