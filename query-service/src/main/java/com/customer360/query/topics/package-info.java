/** The Kafka topics the query side reads and writes, and their creation when missing. */
package com.customer360.query.topics;
