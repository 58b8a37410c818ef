package com.customer360.query;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "com.customer360.query", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] INFRASTRUCTURE = {
        "org.springframework..", "org.apache.kafka..", "com.mongodb..", "org.bson.."
    };

    @ArchTest
    static final ArchRule projections_should_not_depend_on_infrastructure = noClasses()
            .that()
            .haveSimpleNameEndingWith("Projection")
            .and()
            .resideInAnyPackage("..customer..", "..order..")
            .or()
            .haveSimpleName("CustomerFigures")
            .or()
            .haveSimpleName("CustomerDetails")
            .or()
            .haveSimpleName("OrderRow")
            .or()
            .haveSimpleName("OrderDetails")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(INFRASTRUCTURE);

    @ArchTest
    static final ArchRule folding_should_not_depend_on_infrastructure = noClasses()
            .that()
            .resideInAPackage("..query.fold..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(INFRASTRUCTURE);

    @ArchTest
    static final ArchRule read_models_should_not_depend_on_kafka = noClasses()
            .that()
            .resideInAnyPackage("..query.customer..", "..query.order..", "..query.store..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..", "..query.intake..");

    @ArchTest
    static final ArchRule store_should_not_know_the_read_models = noClasses()
            .that()
            .resideInAPackage("..query.store..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("..query.customer..", "..query.order..");
}
