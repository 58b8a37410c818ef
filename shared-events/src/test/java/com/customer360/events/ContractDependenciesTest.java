package com.customer360.events;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "com.customer360.events")
class ContractDependenciesTest {

    @ArchTest
    static final ArchRule contract_should_not_depend_on_frameworks_or_infrastructure = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..",
                    "org.axonframework..",
                    "org.apache.kafka..",
                    "com.mongodb..",
                    "org.bson..");
}
