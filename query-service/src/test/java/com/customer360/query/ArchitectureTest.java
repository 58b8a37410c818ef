package com.customer360.query;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
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
            .haveSimpleName("RankedOrders")
            .or()
            .haveSimpleName("CurrencyFigures")
            .or()
            .haveSimpleName("CustomerDetails")
            .or()
            .haveSimpleName("OrderStanding")
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
            .resideInAnyPackage("..query.customer..", "..query.order..", "..query.store..", "..query.projection..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.apache.kafka..", "org.springframework.kafka..", "..query.intake..", "..query.deadletters..");

    @ArchTest
    static final ArchRule dead_letters_should_not_know_the_listener = noClasses()
            .that()
            .resideInAPackage("..query.deadletters..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("..query.intake..", "..query.projection..");

    @ArchTest
    static final ArchRule the_listener_should_use_dead_letters_through_their_interface = noClasses()
            .that()
            .resideInAPackage("..query.intake..")
            .should()
            .dependOnClassesThat(JavaClass.Predicates.resideInAPackage("..query.deadletters..")
                    .and(DescribedPredicate.not(JavaClass.Predicates.simpleNameStartingWith("DeadLetter")
                            .or(JavaClass.Predicates.simpleName("Hold"))
                            .or(JavaClass.Predicates.simpleName("Replay")))));

    @ArchTest
    static final ArchRule store_should_not_know_the_read_models = noClasses()
            .that()
            .resideInAPackage("..query.store..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("..query.customer..", "..query.order..");
}
