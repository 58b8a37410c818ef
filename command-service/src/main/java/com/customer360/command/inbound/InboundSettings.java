package com.customer360.command.inbound;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the inbound topic ({@code customer360.inbound.*}).
 *
 * @param topic where upstream systems publish
 * @param deadLetterTopic where messages that cannot be carried out go, with their reason
 * @param partitions partitions of both topics, used only when this service creates them
 * @param maxMessageSize larger records are dead-lettered unread
 * @param maxWait how long a message may wait for the customer or order it names before it is dead-lettered
 * @param retryInterval how often all waiting messages are tried again (those of a customer or order are also tried
 *     right after a message of theirs was carried out)
 */
@ConfigurationProperties("customer360.inbound")
record InboundSettings(
        @DefaultValue("upstream-order-events") String topic,
        @DefaultValue("upstream-order-events.dlq") String deadLetterTopic,
        @DefaultValue("3") int partitions,
        @DefaultValue("256KB") DataSize maxMessageSize,
        @DefaultValue("15m") Duration maxWait,
        @DefaultValue("2s") Duration retryInterval) {}
