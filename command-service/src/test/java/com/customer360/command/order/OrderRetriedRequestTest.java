package com.customer360.command.order;

import static com.customer360.command.Rejections.rejected;
import static com.customer360.command.order.OrderFixtures.T0;
import static com.customer360.command.order.OrderFixtures.T1;
import static com.customer360.command.order.OrderFixtures.T2;
import static com.customer360.command.order.OrderFixtures.placed;
import static com.customer360.command.order.OrderFixtures.refund;
import static com.customer360.command.order.OrderFixtures.refunded;

import com.customer360.command.CommandRejected.Kind;
import com.customer360.command.idempotency.RequestMetaData;
import com.customer360.events.order.OrderCancelled;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

/** Requests to an {@link Order} retried under the same request id: carried out once, never mistaken for another. */
class OrderRetriedRequestTest {

    private final FixtureConfiguration<Order> fixture = OrderFixtures.newFixture();

    @Test
    void shouldIgnoreARetriedRequestItAlreadyCarriedOut() {
        MetaData request = new RequestMetaData("http:key-1", "fp-1").asMetaData();
        fixture.given(List.of(
                        placed(T0),
                        GenericEventMessage.asEventMessage(new OrderCancelled("o-1", "c-1", null, T1))
                                .andMetaData(request)))
                .when(new CancelOrder("o-1", null, T2), request)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void cannotReuseARequestIdForADifferentRequest() {
        MetaData first = new RequestMetaData("http:key-1", "fp-1").asMetaData();
        fixture.given(List.of(
                        placed(T0),
                        GenericEventMessage.asEventMessage(refunded("r-1", "1.00"))
                                .andMetaData(first)))
                .when(
                        refund("r-2", "2.00"),
                        Map.of(RequestMetaData.REQUEST_ID, "http:key-1", RequestMetaData.FINGERPRINT, "fp-2"))
                .expectException(rejected(Kind.CONFLICT, "requestId"));
    }
}
