package com.customer360.events.customer;

import com.customer360.events.DomainEvent;

/** An event in the history of one customer. */
public sealed interface CustomerEvent extends DomainEvent permits CustomerRegistered, CustomerDetailsChanged {}
