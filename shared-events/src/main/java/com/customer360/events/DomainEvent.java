package com.customer360.events;

/**
 * A fact recorded by the command side. Every event names its customer, which is also the Kafka record key, so all
 * events of one customer stay in one partition and in order.
 */
public interface DomainEvent {

    String customerId();
}
