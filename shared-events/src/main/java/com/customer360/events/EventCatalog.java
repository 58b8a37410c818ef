package com.customer360.events;

import com.customer360.events.customer.CustomerDetailsChanged;
import com.customer360.events.customer.CustomerEvent;
import com.customer360.events.customer.CustomerRegistered;
import com.customer360.events.order.OrderCancelled;
import com.customer360.events.order.OrderDrafted;
import com.customer360.events.order.OrderEvent;
import com.customer360.events.order.OrderPlaced;
import com.customer360.events.order.OrderRefunded;
import com.customer360.events.order.OrderReturned;
import com.customer360.events.order.OrderShippingAddressChanged;
import com.customer360.events.order.ShipmentUpdated;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every event of the contract, by its stable type name. */
public final class EventCatalog {

    private static final List<Class<? extends DomainEvent>> EVENTS = List.of(
            CustomerRegistered.class,
            CustomerDetailsChanged.class,
            OrderDrafted.class,
            OrderPlaced.class,
            OrderShippingAddressChanged.class,
            ShipmentUpdated.class,
            OrderCancelled.class,
            OrderRefunded.class,
            OrderReturned.class);

    private static final Map<String, Class<? extends DomainEvent>> BY_NAME = new LinkedHashMap<>();

    static {
        for (Class<? extends DomainEvent> event : EVENTS) {
            BY_NAME.put(typeOf(event).name(), event);
        }
    }

    private EventCatalog() {}

    public static List<Class<? extends DomainEvent>> events() {
        return EVENTS;
    }

    public static Optional<Class<? extends DomainEvent>> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static EventType typeOf(Class<?> eventClass) {
        EventType type = eventClass.getAnnotation(EventType.class);
        if (type == null) {
            throw new IllegalArgumentException(eventClass.getName() + " is not an event of the contract");
        }
        return type;
    }

    /** {@code customer} or {@code order}: the kind of aggregate whose history the event belongs to. */
    public static String aggregateTypeOf(DomainEvent event) {
        if (event instanceof OrderEvent) {
            return "order";
        }
        if (event instanceof CustomerEvent) {
            return "customer";
        }
        throw new IllegalArgumentException(event.getClass().getName() + " belongs to no aggregate");
    }

    /** The identifier of the aggregate whose history the event belongs to. */
    public static String aggregateIdOf(DomainEvent event) {
        return event instanceof OrderEvent order ? order.orderId() : event.customerId();
    }
}
