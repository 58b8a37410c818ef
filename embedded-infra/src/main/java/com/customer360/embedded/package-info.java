/**
 * A real Kafka broker and a MongoDB-wire-protocol document store, both running inside the JVM, for the
 * one-command local run and for tests on machines without Docker or a MongoDB binary.
 *
 * <p>Both keep their data in a directory of the caller's choice and survive a restart, and both are
 * crash-safe for acknowledged writes: an acknowledged write is in the operating system's page cache before
 * the client hears about it, so a killed process ({@code kill -9}) loses nothing it acknowledged. Neither
 * calls {@code fsync}, so a power loss or kernel crash can still lose the last writes. Both listen on
 * {@code 127.0.0.1} only.
 */
package com.customer360.embedded;
