package com.customer360.query;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Starts the query service. Its configuration lives in {@code query-service.yml} rather than
 * {@code application.yml} because the local stack runs both services in one JVM, where only one could own
 * {@code application.yml}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class QueryServiceApplication {

    public static final String CONFIG_NAME = "query-service";

    /** The service with its default properties, for {@link #main} and for anything that embeds it. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(QueryServiceApplication.class)
                .main(QueryServiceApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }

    public static void main(String[] args) {
        application().run(args);
    }
}
