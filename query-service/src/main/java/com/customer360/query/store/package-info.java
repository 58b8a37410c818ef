/**
 * MongoDB plumbing shared by the read models: loading the documents a batch of events touches with one query,
 * folding the events into them in memory and writing the changed ones back with one bulk write, guarded by a
 * version so that concurrent writers never overwrite each other. Only features MongoDB and mongo-java-server both
 * support are used: no transactions, no change streams.
 */
package com.customer360.query.store;
