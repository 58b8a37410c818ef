package com.customer360.command;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.spring.stereotype.Aggregate;

@AnalyzeClasses(packages = "com.customer360.command", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The rules live in the aggregates; whatever door a request came through, they know nothing of it. */
    @ArchTest
    static final ArchRule aggregates_should_not_depend_on_either_door_or_infrastructure = noClasses()
            .that()
            .areAnnotatedWith(Aggregate.class)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "..command.web..",
                    "..command.inbound..",
                    "org.springframework.web..",
                    "org.apache.kafka..",
                    "com.mongodb..");

    /** HTTP and the inbound topic reach the aggregates through the same services, never through each other. */
    @ArchTest
    static final ArchRule the_two_doors_should_not_depend_on_each_other = noClasses()
            .that()
            .resideInAPackage("..command.inbound..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("..command.web..");

    /** Commands reach the aggregates only through the dispatcher, which adds request ids and retries lost races. */
    @ArchTest
    static final ArchRule only_the_dispatcher_sends_commands = noClasses()
            .that()
            .resideOutsideOfPackage("..command.dispatch..")
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName("org.axonframework.commandhandling.gateway.CommandGateway");
}
