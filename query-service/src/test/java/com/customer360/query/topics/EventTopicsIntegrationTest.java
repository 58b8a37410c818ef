package com.customer360.query.topics;

import static org.assertj.core.api.Assertions.assertThat;

import com.customer360.query.StandaloneQueryService;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaAdmin;

class EventTopicsIntegrationTest {

    private final StandaloneQueryService service = StandaloneQueryService.shared();
    private final KafkaAdmin kafkaAdmin = service.bean(KafkaAdmin.class);
    private Admin admin;

    @BeforeEach
    void connect() {
        admin = Admin.create(kafkaAdmin.getConfigurationProperties());
    }

    @AfterEach
    void disconnect() {
        admin.close();
    }

    @Test
    void shouldCreateBothTopicsWithTheConfiguredPartitionsKeepingRecordsForever() throws Exception {
        for (String topic : List.of(service.topic(), service.deadLetterTopic())) {
            assertThat(partitionsOf(topic)).isEqualTo(3);
            assertThat(admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC, topic)))
                            .all()
                            .get()
                            .values()
                            .iterator()
                            .next()
                            .get("retention.ms")
                            .value())
                    .isEqualTo("-1");
        }
    }

    @Test
    void cannotChangeThePartitionsOfATopicThatExists() throws Exception {
        String topic = "events-" + UUID.randomUUID();
        admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();

        new EventTopicsSetup(kafkaAdmin, new EventTopics(topic, topic + ".dlq", 3, null)).afterSingletonsInstantiated();

        assertThat(partitionsOf(topic)).isEqualTo(1);
        assertThat(partitionsOf(topic + ".dlq")).isEqualTo(3);
    }

    private int partitionsOf(String topic) throws Exception {
        return admin.describeTopics(List.of(topic))
                .allTopicNames()
                .get()
                .get(topic)
                .partitions()
                .size();
    }
}
