/**
 * Publishes every stored event to Kafka, reading the event store as its outbox: a tracking processor follows the
 * store and only moves its token after Kafka acknowledged the batch, so an event that was stored always reaches the
 * topic — also after Kafka was down or the service crashed in between (it may then be published twice, which the
 * readers' sequence guards absorb).
 */
package com.customer360.command.publishing;
