package com.customer360.command.customer;

import static com.customer360.command.Rejections.rejected;

import com.customer360.command.CommandRejected.Kind;
import com.customer360.command.customer.ChangeCustomerDetails.Change;
import com.customer360.events.Address;
import com.customer360.events.customer.CustomerDetailsChanged;
import com.customer360.events.customer.CustomerRegistered;
import java.time.Instant;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CustomerTest {

    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
    private static final Instant T1 = Instant.parse("2026-11-02T10:00:00Z");
    private static final Address HOME = new Address("Ada", "1 Main St", null, "Springfield", null, "12345", "US");

    private FixtureConfiguration<Customer> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Customer.class);
    }

    private static RegisterCustomer register() {
        return new RegisterCustomer("c-1", "Ada", "ada@example.com", "+1 555 0100", HOME, T0);
    }

    private static CustomerRegistered registered() {
        return new CustomerRegistered("c-1", "Ada", "ada@example.com", "+1 555 0100", HOME, T0);
    }

    @Test
    void shouldRegisterACustomer() {
        fixture.givenNoPriorActivity()
                .when(register())
                .expectSuccessfulHandlerExecution()
                .expectEvents(registered());
    }

    @Test
    void shouldAcceptTheSameRegistrationTwiceAndRecordItOnce() {
        fixture.given(registered())
                .when(register())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void shouldTreatARetriedRegistrationAsTheSameEvenAfterLaterChanges() {
        fixture.given(registered(), new CustomerDetailsChanged("c-1", "Ada K", "ada@example.com", null, HOME, T1))
                .when(register())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void cannotRegisterAnExistingCustomerIdWithOtherDetails() {
        fixture.given(registered())
                .when(new RegisterCustomer("c-1", "Bob", "bob@example.com", null, null, T1))
                .expectException(rejected(Kind.CONFLICT, "customerId"))
                .expectNoEvents();
    }

    @Test
    void shouldChangeOnlyTheGivenDetails() {
        fixture.given(registered())
                .when(new ChangeCustomerDetails("c-1", null, new Change<>("ada@new.example.com"), null, null, T1))
                .expectEvents(new CustomerDetailsChanged("c-1", "Ada", "ada@new.example.com", "+1 555 0100", HOME, T1));
    }

    @Test
    void shouldClearThePhoneAndTheDefaultAddress() {
        fixture.given(registered())
                .when(new ChangeCustomerDetails("c-1", null, null, new Change<>(null), new Change<>(null), T1))
                .expectEvents(new CustomerDetailsChanged("c-1", "Ada", "ada@example.com", null, null, T1));
    }

    @Test
    void shouldIgnoreAChangeThatChangesNothing() {
        fixture.given(registered())
                .when(new ChangeCustomerDetails("c-1", new Change<>("Ada"), null, null, null, T1))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void cannotChangeAnUnknownCustomer() {
        fixture.givenNoPriorActivity()
                .when(new ChangeCustomerDetails("c-404", new Change<>("Nobody"), null, null, null, T1))
                .expectException(AggregateNotFoundException.class);
    }
}
