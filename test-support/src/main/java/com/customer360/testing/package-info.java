/**
 * What the tests of every module share, so that there is one way to do each thing: {@link
 * com.customer360.testing.TestInfrastructure} (the embedded Kafka broker and file-backed document store the product
 * ships, started once per test JVM), {@link com.customer360.testing.RunningService} (a service started the way its
 * {@code main} starts it, on that infrastructure) and {@link com.customer360.testing.TestHttp} (the one HTTP client).
 */
package com.customer360.testing;
