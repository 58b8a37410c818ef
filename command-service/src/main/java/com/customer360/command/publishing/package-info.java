/**
 * Publishes every stored event to Kafka, reading the event store as its outbox: a tracking processor follows the
 * store and only moves its token after Kafka acknowledged the batch, so an event that was stored always reaches the
 * topic — also after Kafka was down or the service crashed in between (it may then be published twice, which the
 * readers' sequence guards absorb).
 *
 * <p>The relay finds new events by timestamp with a look-back ({@code customer360.event-store.tracking-look-back}): an
 * event whose insert becomes visible later than that — a long write stall, clock skew between instances — is never
 * published, and readers see a gap in its aggregate's sequence. {@code POST /api/admin/relay/republish} is the repair:
 * it publishes one aggregate's stream, or everything stored in a time range, again from the store, exactly as the
 * relay would have.
 */
package com.customer360.command.publishing;
