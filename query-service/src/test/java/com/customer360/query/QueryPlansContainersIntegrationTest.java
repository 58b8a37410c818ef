package com.customer360.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.customer360.query.store.IssuedQueries;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.mongo.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The same queries as {@link QueryPlansIntegrationTest}, asked of real MongoDB for their plans: each one must be
 * answered by an index scan, with no collection scan and no sort in memory. Runs where Docker exists; skipped cleanly
 * where it does not.
 */
@Testcontainers(disabledWithoutDocker = true)
class QueryPlansContainersIntegrationTest {

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:7.0");

    private static final IssuedQueries QUERIES = new IssuedQueries();

    @Test
    void shouldPlanEveryQueryOfTheReadSideAsAnIndexScan() {
        String database = "plans";
        try (StandaloneQueryService service = StandaloneQueryService.start(
                        "plans-" + UUID.randomUUID(),
                        Map.of("spring.data.mongodb.uri", MONGO.getReplicaSetUrl(database)),
                        Listening.class);
                MongoClient client = MongoClients.create(MONGO.getReplicaSetUrl(database))) {
            QueryPlansIntegrationTest.exerciseEveryQuery(
                    service, new EventHistory(), UUID.randomUUID().toString().substring(0, 8));

            List<String> badPlans = new ArrayList<>();
            for (IssuedQueries.Query query : QUERIES.all()) {
                BsonDocument plan = client.getDatabase(database)
                        .runCommand(
                                new BsonDocument("explain", query.command())
                                        .append("verbosity", new org.bson.BsonString("queryPlanner")),
                                BsonDocument.class);
                List<String> stages = new ArrayList<>();
                stagesOf(plan, stages);
                // A search sorts its few matches; every other query is read in index order.
                boolean search = query.command().toJson().contains("searchTokens");
                if (stages.stream()
                                .noneMatch(stage -> stage.contains("IXSCAN")
                                        || stage.equals("IDHACK")
                                        || stage.equals("COUNT_SCAN"))
                        || stages.contains("COLLSCAN")
                        || (!search && stages.contains("SORT"))) {
                    badPlans.add(query.command().toJson() + " -> " + stages);
                }
            }
            assertThat(QUERIES.all()).isNotEmpty();
            assertThat(badPlans).isEmpty();
        }
    }

    /** Every stage name of the winning plans in an explain answer, however nested (the plans not taken are left out). */
    private static void stagesOf(BsonValue plan, List<String> stages) {
        if (plan == null) {
            return;
        }
        if (plan.isArray()) {
            for (BsonValue part : (BsonArray) plan) {
                stagesOf(part, stages);
            }
        } else if (plan.isDocument()) {
            BsonDocument document = plan.asDocument();
            if (document.isString("stage")) {
                stages.add(document.getString("stage").getValue());
            }
            document.forEach((key, value) -> {
                if (!key.equals("rejectedPlans")) {
                    stagesOf(value, stages);
                }
            });
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Listening {

        @Bean
        MongoClientSettingsBuilderCustomizer issuedQueries() {
            return settings -> settings.addCommandListener(QUERIES);
        }
    }
}
