/**
 * Axon's event store on MongoDB without Axon Server: the storage engine, the token store, the serializer's revision
 * names and the aggregate cache. Everything Axon-specific about storage stays in this package.
 */
package com.customer360.command.eventstore;
