/**
 * The event contract between the command side, the query side and any other consumer of the
 * {@code customer-order-events} topic: immutable records, their stable type names and revisions, and the
 * CloudEvents codec. Nothing here may depend on Spring, Axon, MongoDB or Kafka.
 */
package com.customer360.events;
