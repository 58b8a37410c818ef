package com.customer360.command.order;

import static com.customer360.command.Rejections.rejected;
import static com.customer360.command.order.OrderFixtures.HOME;
import static com.customer360.command.order.OrderFixtures.LINES;
import static com.customer360.command.order.OrderFixtures.OFFICE;
import static com.customer360.command.order.OrderFixtures.T0;
import static com.customer360.command.order.OrderFixtures.T1;
import static com.customer360.command.order.OrderFixtures.T2;
import static com.customer360.command.order.OrderFixtures.TOTAL;
import static com.customer360.command.order.OrderFixtures.create;
import static com.customer360.command.order.OrderFixtures.drafted;
import static com.customer360.command.order.OrderFixtures.placed;

import com.customer360.command.CommandRejected.Kind;
import com.customer360.events.Address;
import com.customer360.events.order.OrderLine;
import com.customer360.events.order.OrderPlaced;
import com.customer360.events.order.OrderShippingAddressChanged;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

/**
 * Creating an {@link Order}, placed at once or as a draft, and placing a draft later: the total checked against the
 * lines, a retried create recognised, an order id never reused for other content.
 */
class OrderCreationTest {

    private final FixtureConfiguration<Order> fixture = OrderFixtures.newFixture();

    @Test
    void shouldPlaceANewOrderWithTheSumOfItsLinesAsTotal() {
        fixture.givenNoPriorActivity().when(create(false, null, null)).expectEvents(placed(T0));
    }

    @Test
    void shouldAcceptATotalThatEqualsTheSumOfTheLines() {
        fixture.givenNoPriorActivity()
                .when(create(false, new BigDecimal("43.950"), null))
                .expectEvents(placed(T0));
    }

    @Test
    void shouldUseTheCallersPlacedTimeForAnOrderPlacedBeforeItReachedUs() {
        Instant earlier = Instant.parse("2025-06-01T08:00:00Z");
        fixture.givenNoPriorActivity().when(create(false, null, earlier)).expectEvents(placed(earlier));
    }

    @Test
    void shouldKeepYenAmountsWithoutMinorDigits() {
        List<OrderLine> yen = List.of(new OrderLine("RAMEN", "Ramen", 3, new BigDecimal("1200")));
        fixture.givenNoPriorActivity()
                .when(new CreateOrder("o-1", "c-1", "s-jp", "JPY", yen, null, HOME, null, false, T0))
                .expectEvents(new OrderPlaced("o-1", "c-1", "s-jp", "JPY", yen, new BigDecimal("3600"), HOME, T0));
    }

    @Test
    void cannotCreateAnOrderWhoseLinesAddUpToMoreThanTheContractsDigits() {
        List<OrderLine> huge = List.of(new OrderLine("GOLD", "Gold", 100_000, new BigDecimal("999999999999.99")));
        fixture.givenNoPriorActivity()
                .when(new CreateOrder("o-1", "c-1", "s-1", "USD", huge, null, HOME, null, false, T0))
                .expectException(rejected(Kind.INVALID, "total"))
                .expectNoEvents();
    }

    @Test
    void shouldDraftAnOrderThatIsNotYetPlaced() {
        fixture.givenNoPriorActivity().when(create(true, null, null)).expectEvents(drafted());
    }

    @Test
    void cannotCreateAnOrderForAnUnknownCustomer() {
        fixture.givenNoPriorActivity()
                .when(new CreateOrder("o-1", "c-404", "s-1", "USD", LINES, null, HOME, null, false, T0))
                .expectException(rejected(Kind.ORDER_FOR_UNKNOWN_CUSTOMER, "customerId"))
                .expectNoEvents();
    }

    @Test
    void cannotCreateAnOrderWhoseTotalDisagreesWithItsLines() {
        fixture.givenNoPriorActivity()
                .when(create(false, new BigDecimal("40.00"), null))
                .expectException(rejected(Kind.RULE_BROKEN, "total"))
                .expectNoEvents();
    }

    @Test
    void shouldAcceptTheSameCreateTwiceAndRecordItOnce() {
        fixture.given(placed(T0))
                .when(create(false, null, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void cannotReuseAnOrderIdForDifferentContent() {
        fixture.given(placed(T0))
                .when(new CreateOrder("o-1", "c-1", "s-2", "USD", LINES, null, HOME, null, false, T0))
                .expectException(rejected(Kind.CONFLICT, "orderId"))
                .expectNoEvents();
    }

    @Test
    void shouldPlaceADraftWhenTheSameOrderArrivesAsPlaced() {
        fixture.given(drafted()).when(create(false, null, T1)).expectEvents(placed(T1));
    }

    @Test
    void cannotPlaceADraftBySendingAnotherOrderUnderItsId() {
        fixture.given(drafted())
                .when(new CreateOrder("o-1", "c-1", "s-2", "USD", LINES, null, HOME, null, false, T1))
                .expectException(rejected(Kind.CONFLICT, "orderId"))
                .expectNoEvents();
    }

    @Test
    void shouldAcceptTheSameOrderSentAsPlacedAgainAfterItPlacedTheDraft() {
        fixture.given(drafted(), placed(T1))
                .when(create(false, null, T1))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void shouldAcceptTheSameOrderSentAsPlacedAgainWithoutAPlacedTime() {
        fixture.given(drafted(), placed(T1))
                .when(create(false, null, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void cannotSendAPlacedDraftAgainWithAnotherPlacedTime() {
        fixture.given(drafted(), placed(T1))
                .when(create(false, null, T2))
                .expectException(rejected(Kind.CONFLICT, "orderId"))
                .expectNoEvents();
    }

    @Test
    void shouldPlaceADraftSentAsPlacedWithTheAddressItWasChangedTo() {
        fixture.given(drafted(), new OrderShippingAddressChanged("o-1", "c-1", OFFICE, T0))
                .when(new CreateOrder("o-1", "c-1", "s-1", "USD", LINES, null, OFFICE, T1, false, T1))
                .expectEvents(new OrderPlaced("o-1", "c-1", "s-1", "USD", LINES, TOTAL, OFFICE, T1));
    }

    @Test
    void shouldAcceptADraftSentAsPlacedWithItsChangedAddressAgain() {
        fixture.given(
                        drafted(),
                        new OrderShippingAddressChanged("o-1", "c-1", OFFICE, T0),
                        new OrderPlaced("o-1", "c-1", "s-1", "USD", LINES, TOTAL, OFFICE, T1))
                .when(new CreateOrder("o-1", "c-1", "s-1", "USD", LINES, null, OFFICE, T1, false, T2))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void cannotPlaceADraftSentWithAnAddressItNeverHad() {
        Address elsewhere = new Address("Ada", "5 Other Way", null, "Capital City", null, "99999", "US");
        fixture.given(drafted())
                .when(new CreateOrder("o-1", "c-1", "s-1", "USD", LINES, null, elsewhere, T1, false, T1))
                .expectException(rejected(Kind.CONFLICT, "orderId"))
                .expectNoEvents();
    }

    @Test
    void shouldPlaceADraftAtTheMomentItIsPlaced() {
        fixture.given(drafted()).when(new PlaceOrder("o-1", null, T1)).expectEvents(placed(T1));
    }

    @Test
    void cannotPlaceAnOrderThatIsNotADraft() {
        fixture.given(placed(T0))
                .when(new PlaceOrder("o-1", null, T1))
                .expectException(rejected(Kind.RULE_BROKEN, "status"));
    }
}
