/**
 * MongoDB plumbing shared by the read models: how a kind of document is stored ({@link
 * com.customer360.query.store.StoredDocuments}), the exact value types ({@link com.customer360.query.store.BsonValues})
 * and the version-guarded bulk write that tells conflicts, refused documents and outages apart ({@link
 * com.customer360.query.store.GuardedWrites}). Only features MongoDB and mongo-java-server both support are used: no
 * transactions, no change streams.
 */
package com.customer360.query.store;
