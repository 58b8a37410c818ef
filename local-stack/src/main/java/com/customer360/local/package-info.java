/**
 * The whole system in one JVM: an embedded Kafka broker and document store, both services, and demo data sent
 * through the command API like any upstream system would.
 */
package com.customer360.local;
