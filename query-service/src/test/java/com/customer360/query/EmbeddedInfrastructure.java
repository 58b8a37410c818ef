package com.customer360.query;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * The whole service on a random port against a real Kafka broker (KRaft, in the JVM) and an in-memory MongoDB
 * wire-protocol server. Every test class using it shares one application, so tests use their own customer ids.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(
        classes = QueryServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=" + QueryServiceApplication.CONFIG_NAME,
            "customer360.projection.retry.initial-interval=200ms",
            "customer360.projection.retry.max-interval=2s"
        })
@EmbeddedKafka(kraft = true, count = 1)
@Import({InMemoryMongo.class, InjectedFailures.class})
public @interface EmbeddedInfrastructure {}
