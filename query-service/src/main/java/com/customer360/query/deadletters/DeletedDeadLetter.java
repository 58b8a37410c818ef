package com.customer360.query.deadletters;

/**
 * The answer to deleting a dead letter.
 *
 * @param customerId its customer, {@code null} for a record that had no key
 * @param released whether the customer is no longer held because it was their last dead letter
 */
record DeletedDeadLetter(String id, String customerId, boolean released) {}
