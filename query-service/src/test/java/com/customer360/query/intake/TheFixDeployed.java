package com.customer360.query.intake;

import com.customer360.events.cloudevents.CloudEventCodec;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The service as its next version, whose reader understands the records today's version dead-letters as
 * {@code UNSUPPORTED_REVISION} (see {@link UpcastingEventReader}).
 */
@TestConfiguration(proxyBeanMethods = false)
class TheFixDeployed {

    @Bean
    @Primary
    EventReader upcastingEventReader(CloudEventCodec codec) {
        return new UpcastingEventReader(codec, true);
    }
}
