/**
 * Kafka plumbing of the query side: a consumer-group batch listener on {@code customer-order-events} that reads each
 * record with the contract's CloudEvents codec, sends what cannot be read to the dead-letter topic untouched, and
 * projects the rest into every read model before the batch's offsets are committed. Infrastructure failures retry
 * the whole batch for as long as it takes; a valid event is never dropped.
 */
package com.customer360.query.intake;
