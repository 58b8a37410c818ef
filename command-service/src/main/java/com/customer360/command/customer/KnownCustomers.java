package com.customer360.command.customer;

/** Answers whether a customer exists, so that an order never names a customer nobody registered. */
public interface KnownCustomers {

    boolean isKnown(String customerId);
}
