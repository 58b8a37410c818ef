/**
 * The query side of Customer 360: consumes the domain events with a Kafka consumer group, keeps the customer and
 * order read models in MongoDB and serves them over the query API. One package per feature; the pure folding code
 * ({@code fold} and the projections; money comes from the contract) knows nothing of Spring, Kafka or MongoDB.
 */
package com.customer360.query;
