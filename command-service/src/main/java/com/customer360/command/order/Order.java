package com.customer360.command.order;

import static com.customer360.events.order.OrderStatus.CANCELLED;
import static com.customer360.events.order.OrderStatus.DELIVERED;
import static com.customer360.events.order.OrderStatus.DRAFT;
import static com.customer360.events.order.OrderStatus.IN_TRANSIT;
import static com.customer360.events.order.OrderStatus.PLACED;
import static com.customer360.events.order.OrderStatus.RETURNED;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.customer360.command.CommandRejected;
import com.customer360.command.customer.KnownCustomers;
import com.customer360.command.eventstore.AggregateStreams;
import com.customer360.command.idempotency.RequestLog;
import com.customer360.command.input.Amounts;
import com.customer360.events.Address;
import com.customer360.events.Money;
import com.customer360.events.order.OrderCancelled;
import com.customer360.events.order.OrderDrafted;
import com.customer360.events.order.OrderLine;
import com.customer360.events.order.OrderPlaced;
import com.customer360.events.order.OrderRefunded;
import com.customer360.events.order.OrderReturned;
import com.customer360.events.order.OrderShippingAddressChanged;
import com.customer360.events.order.OrderStatus;
import com.customer360.events.order.ShipmentStatus;
import com.customer360.events.order.ShipmentUpdated;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * An order and its lifecycle ({@link StatusTransitions} says which status may follow which), its refunds (never more
 * than remains, see {@link Refunds}), and what it was created with, to recognise the same order sent again.
 */
@Aggregate(cache = "aggregateCache")
class Order {

    @AggregateIdentifier
    private String streamId;

    private String orderId;
    private String customerId;
    private String storeId;
    private String currency;
    private List<OrderLine> lines;
    private BigDecimal total;
    private Address shippingAddress;
    private OrderStatus status;
    private Refunds refunds = Refunds.NONE;
    private OrderCreation creation;

    @AggregateMember
    private final RequestLog requests = new RequestLog();

    protected Order() {}

    /** A request carried out before does nothing, whichever command it was; no handler has to check. */
    @CommandHandlerInterceptor
    Object onlyOnce(CommandMessage<?> command, InterceptorChain chain) throws Exception {
        return requests.alreadyHandled(command.getMetaData()) ? null : chain.proceed();
    }

    /**
     * Creating the same order twice with the same content is a retry and changes nothing. The same order sent as
     * placed while it is still a draft places the draft, as an upstream system reporting "this order was placed"
     * would mean; sent as placed again after that, it is a retry too.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(CreateOrder command, KnownCustomers customers) {
        if (creation != null) {
            createdAgain(command);
            return;
        }
        if (!customers.isKnown(command.customerId())) {
            throw CommandRejected.orderForUnknownCustomer(command.customerId());
        }
        BigDecimal computed = command.computedTotal();
        if (!Money.fits(computed, command.currency())) {
            throw CommandRejected.invalid(
                    "total",
                    "the lines add up to more than " + Money.MAX_INTEGER_DIGITS + " digits before the decimal point");
        }
        if (command.total() != null && command.total().compareTo(computed) != 0) {
            throw CommandRejected.ruleBroken(
                    "total", "total " + command.total() + " is not the sum of the lines, " + computed);
        }
        if (command.draft()) {
            apply(new OrderDrafted(
                    command.orderId(),
                    command.customerId(),
                    command.storeId(),
                    command.currency(),
                    command.lines(),
                    computed,
                    command.shippingAddress(),
                    command.at()));
        } else {
            apply(new OrderPlaced(
                    command.orderId(),
                    command.customerId(),
                    command.storeId(),
                    command.currency(),
                    command.lines(),
                    computed,
                    command.shippingAddress(),
                    placedAt(command.placedAt(), command.at())));
        }
    }

    private void createdAgain(CreateOrder command) {
        if (creation.sameOrderAs(command, shippingAddress)) {
            if (command.draft() ? creation.draft() : creation.placedAgainBy(command)) {
                return;
            }
            if (!command.draft() && StatusTransitions.allowed(status, PLACED)) {
                apply(placed(placedAt(command.placedAt(), command.at())));
                return;
            }
        }
        throw CommandRejected.conflict(
                "orderId", "order '" + command.orderId() + "' already exists with other content");
    }

    @CommandHandler
    void handle(PlaceOrder command) {
        require(PLACED, "only a draft can be placed");
        apply(placed(placedAt(command.placedAt(), command.at())));
    }

    @CommandHandler
    void handle(CancelOrder command) {
        require(CANCELLED, "only a draft or a placed order can be cancelled");
        apply(new OrderCancelled(orderId, customerId, command.reason(), command.at()));
    }

    @CommandHandler
    void handle(RefundOrder command) {
        BigDecimal amount = Amounts.exact(command.amount(), currency, "amount");
        if (refunds.recorded(command.refundId(), amount)) {
            return;
        }
        if (!creation.wasPlaced()) {
            refuse(
                    StatusTransitions.allowedLater(status, PLACED),
                    "nothing was paid for an order that was never placed, so nothing can be refunded");
        }
        if (amount.signum() <= 0) {
            throw CommandRejected.invalid("amount", "must be greater than zero");
        }
        refunds.requireWithin(total, amount, currency);
        apply(new OrderRefunded(
                orderId, customerId, command.refundId(), amount, currency, command.reason(), command.at()));
    }

    @CommandHandler
    void handle(ReturnOrder command) {
        require(RETURNED, "only a delivered order can be returned");
        apply(new OrderReturned(orderId, customerId, command.reason(), command.at()));
    }

    @CommandHandler
    void handle(RecordShipmentUpdate command) {
        if (command.status() == ShipmentStatus.IN_TRANSIT) {
            require(IN_TRANSIT, "only a placed order can go in transit");
        } else {
            require(DELIVERED, "only an order in transit can be delivered");
        }
        apply(new ShipmentUpdated(
                orderId,
                customerId,
                command.status(),
                command.carrier(),
                command.trackingNumber(),
                command.location(),
                command.note(),
                command.at()));
    }

    @CommandHandler
    void handle(ChangeShippingAddress command) {
        if (!StatusTransitions.beforeShipping(status)) {
            refuse(false, "the address can only change before the order ships");
        }
        if (!command.shippingAddress().equals(shippingAddress)) {
            apply(new OrderShippingAddressChanged(orderId, customerId, command.shippingAddress(), command.at()));
        }
    }

    private static Instant placedAt(Instant sent, Instant now) {
        return sent != null ? sent : now;
    }

    private OrderPlaced placed(Instant placedAt) {
        return new OrderPlaced(orderId, customerId, storeId, currency, lines, total, shippingAddress, placedAt);
    }

    private void require(OrderStatus next, String rule) {
        if (!StatusTransitions.allowed(status, next)) {
            refuse(StatusTransitions.allowedLater(status, next), rule);
        }
    }

    /** Refuses a command the order's status does not allow: not yet, if other status changes may still allow it. */
    private void refuse(boolean allowedLater, String rule) {
        String reason = rule + "; order '" + orderId + "' is " + status;
        throw allowedLater
                ? CommandRejected.notYetAllowed("status", reason)
                : CommandRejected.ruleBroken("status", reason);
    }

    @EventSourcingHandler
    void on(OrderDrafted event) {
        created(event.orderId(), event.customerId(), event.storeId(), event.currency(), event.lines(), event.total());
        shippingAddress = event.shippingAddress();
        status = DRAFT;
        creation = OrderCreation.drafted(customerId, storeId, currency, lines, shippingAddress);
    }

    @EventSourcingHandler
    void on(OrderPlaced event) {
        created(event.orderId(), event.customerId(), event.storeId(), event.currency(), event.lines(), event.total());
        shippingAddress = event.shippingAddress();
        creation = creation == null
                ? OrderCreation.placed(customerId, storeId, currency, lines, shippingAddress, event.placedAt())
                : creation.placed(shippingAddress, event.placedAt());
        status = PLACED;
    }

    private void created(
            String orderId,
            String customerId,
            String storeId,
            String currency,
            List<OrderLine> lines,
            BigDecimal total) {
        this.streamId = AggregateStreams.order(orderId);
        this.orderId = orderId;
        this.customerId = customerId;
        this.storeId = storeId;
        this.currency = currency;
        this.lines = lines;
        this.total = total;
    }

    @EventSourcingHandler
    void on(OrderShippingAddressChanged event) {
        shippingAddress = event.shippingAddress();
    }

    @EventSourcingHandler
    void on(ShipmentUpdated event) {
        status = event.status() == ShipmentStatus.DELIVERED ? DELIVERED : IN_TRANSIT;
    }

    @EventSourcingHandler
    void on(OrderCancelled event) {
        status = CANCELLED;
    }

    @EventSourcingHandler
    void on(OrderRefunded event) {
        refunds = refunds.with(event.refundId(), event.amount());
    }

    @EventSourcingHandler
    void on(OrderReturned event) {
        status = RETURNED;
    }
}
