/**
 * The command side: validates customer and order facts with event-sourced aggregates, stores the resulting events
 * in MongoDB and relays every stored event to Kafka.
 */
package com.customer360.command;
