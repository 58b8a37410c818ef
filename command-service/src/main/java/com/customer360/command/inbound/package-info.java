/**
 * The second door: order systems that cannot call the HTTP API publish CloudEvents to {@code upstream-order-events}.
 * Each message becomes the same request the HTTP API takes and goes through the same services and aggregates, so
 * both doors apply the same rules.
 *
 * <p>What happens to a message:
 *
 * <ul>
 *   <li>carried out — or recognised as a repeat (same CloudEvents {@code source} and {@code id}) and ignored;
 *   <li>it waits — it names a customer or order that does not exist yet, or asks for a status change that an
 *       earlier fact still has to make possible, or arrived while an earlier message of the same customer or order
 *       was waiting; it is kept in MongoDB and tried again as other messages succeed and every few seconds, in
 *       arrival order, until it succeeds or its time is up;
 *   <li>it is dead-lettered — unreadable, unknown type, against the schema, too large, invalid, or breaking a rule
 *       (or waited too long): the original record goes to {@code upstream-order-events.dlq} with a reason code and a
 *       message, and processing goes on.
 * </ul>
 *
 * <p>Each customer's and each order's messages are carried out in the order they arrived ({@code ArrivalOrder}): a
 * message that arrives while an earlier one of the same customer or order (by the ids in their data) is waiting waits
 * behind it, and waits for what that one waits for. The one exception is the fact that earlier message waits for —
 * the customer's registration, the order's creation, a status change of the order — which is carried out at once, or
 * nothing could ever move; right after it, and after every other success that concerns waiting messages, the waiting
 * messages connected to it by customer or order are tried again synchronously, in arrival order, before the next
 * record of the batch. A message waiting for a failure to pass (an unexpected error, a lost race) holds the later
 * messages of its customer and order back until it succeeds or is dead-lettered.
 *
 * <p>Offsets are committed only after each message of the batch is in one of those states durably, so no acknowledged
 * message is lost. An infrastructure failure (MongoDB or Kafka unreachable) is never a reason to dead-letter: the
 * batch is retried from the failing message until the failure passes.
 */
package com.customer360.command.inbound;
