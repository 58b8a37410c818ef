/**
 * Kafka plumbing of the query side: a consumer-group batch listener on {@code customer-order-events} that reads each
 * record with the contract's CloudEvents codec and projects the events into every read model before the batch's
 * offsets are committed. Infrastructure failures retry the whole batch for as long as it takes; a valid event is never
 * dropped.
 *
 * <p><b>Block the customer, not the partition.</b> Each document applies an event only if it is past the last one
 * applied, so an event skipped now could never be applied later: a dead letter re-driven after the customer's later
 * events went through would be ignored as old. Hence:
 *
 * <ul>
 *   <li>A record that cannot be read becomes a dead letter and, if it has a key (the customer id), its customer becomes
 *       <em>held</em>. Every later record of a held customer, readable or not, becomes a dead letter too (reason
 *       {@code HELD_BEHIND_DEAD_LETTER}) instead of being applied. Other customers of the partition keep flowing. A
 *       record without a key is dead-lettered and holds nobody.
 *   <li>Dead letters are stored in {@code dead_letters} (what re-drive works from; the id
 *       {@code <topic>-<partition>-<offset>} makes storing them again a no-op) and published to
 *       {@code customer-order-events.dlq} (alerting and audit). Holds are in {@code held_customers}, keyed by customer
 *       id, checked with one {@code _id $in} query per batch. Both are durable before the batch's offsets are
 *       committed; a redelivered batch finds the holds it stored and dead-letters the held customers' records again.
 *   <li>Events a readable record carries but a read model cannot apply ({@code ORDER_UNKNOWN},
 *       {@code CURRENCY_MISMATCH}) hold nobody: they are verdicts of the domain on a well-formed event, re-driving
 *       would give the same verdict for ever, and they only show after the batch is written. They are logged by id and
 *       counted.
 *   <li>{@code POST /api/admin/dead-letters/redrive} applies a held customer's dead letters in topic order through the
 *       same projection path and releases the hold when none is left; {@link
 *       com.customer360.query.intake.DeadLetterRedrive} says why that is safe next to the live listener.
 * </ul>
 */
package com.customer360.query.intake;
