package com.customer360.security.audit;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.data.mongo.MongoDataAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The audit trail and its admin endpoint, in every service that has a MongoDB database. */
@AutoConfiguration(after = MongoDataAutoConfiguration.class)
@ConditionalOnBean(MongoTemplate.class)
public class AuditConfiguration {

    @Bean
    AuditTrail auditTrail(
            MongoTemplate mongo,
            @Value("${customer360.audit.retention:P400D}") Duration retention,
            ObjectProvider<Clock> clock) {
        return new AuditTrail(mongo, retention, clock.getIfUnique(Clock::systemUTC));
    }

    @Bean
    AuditController auditController(AuditTrail trail) {
        return new AuditController(trail);
    }
}
