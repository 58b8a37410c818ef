package com.customer360.query.intake;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A record that cannot be projected, with why.
 *
 * @param reasonCode a {@link com.customer360.events.cloudevents.UnreadableEventException.Reason} name
 * @param reason a message a person can act on; it may quote the record, so it goes into headers, never into logs
 */
record DeadLetter(ConsumerRecord<String, byte[]> record, String reasonCode, String reason) {}
