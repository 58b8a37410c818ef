package com.customer360.query;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/** A MongoDB wire-protocol server in memory on a free local port, living as long as the test's application. */
@TestConfiguration(proxyBeanMethods = false)
public class InMemoryMongo {

    /** A started server on 127.0.0.1 and a free port. */
    public static MongoServer start() {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        return server;
    }

    public static String uri(MongoServer server) {
        return "mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/customer360";
    }

    @Bean(destroyMethod = "shutdownNow")
    MongoServer mongoServer() {
        return start();
    }

    @Bean
    DynamicPropertyRegistrar mongoUri(MongoServer server) {
        return registry -> registry.add("spring.data.mongodb.uri", () -> uri(server));
    }
}
