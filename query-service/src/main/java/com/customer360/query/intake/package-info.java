/**
 * Kafka intake of the query side: a consumer-group batch listener on {@code customer-order-events} that reads each
 * record with the contract's CloudEvents codec, sets aside held customers' and unreadable records, projects the rest
 * and puts aside what the projection could not apply — all before the batch's offsets are committed. Infrastructure
 * failures retry the whole batch for as long as it takes; a valid event is never dropped. See {@code deadletters} for
 * what becomes of the records set aside.
 */
package com.customer360.query.intake;
