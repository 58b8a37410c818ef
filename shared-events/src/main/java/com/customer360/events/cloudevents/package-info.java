/**
 * How events travel on {@code customer-order-events}: CloudEvents 1.0 in structured JSON mode, keyed by customer.
 * Producer and consumers share this codec so the wire format is written down exactly once.
 */
package com.customer360.events.cloudevents;
