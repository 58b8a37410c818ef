/**
 * The contract of {@code upstream-order-events}, the topic where order systems that cannot call the HTTP API publish
 * their facts: CloudEvents whose {@code data} is the JSON of the matching HTTP command, ids included. The JSON Schemas
 * are under {@code schemas/upstream/} and examples under {@code examples/upstream/}.
 */
package com.customer360.events.upstream;
