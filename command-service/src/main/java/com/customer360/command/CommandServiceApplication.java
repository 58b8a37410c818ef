package com.customer360.command;

import java.time.Clock;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
public class CommandServiceApplication {

    /** The configuration file is {@code command-service.yml}: both services share one JVM in the local stack. */
    public static final String CONFIG_NAME = "command-service";

    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(CommandServiceApplication.class)
                .main(CommandServiceApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }

    public static void main(String[] args) {
        quietAxonBanner();
        application().run(args);
    }

    /** Axon prints an advertisement for its hosted console on every start unless this JVM-wide flag is set. */
    public static void quietAxonBanner() {
        if (System.getProperty("disable-axoniq-console-message") == null) {
            System.setProperty("disable-axoniq-console-message", "true");
        }
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
