package com.customer360.command.inbound;

import static com.customer360.events.upstream.UpstreamMessageTypes.CUSTOMER_REGISTERED;
import static com.customer360.events.upstream.UpstreamMessageTypes.CUSTOMER_UPDATED;
import static com.customer360.events.upstream.UpstreamMessageTypes.ORDER_CANCELLED;
import static com.customer360.events.upstream.UpstreamMessageTypes.ORDER_DRAFTED;
import static com.customer360.events.upstream.UpstreamMessageTypes.ORDER_PLACED;
import static com.customer360.events.upstream.UpstreamMessageTypes.ORDER_REFUNDED;
import static com.customer360.events.upstream.UpstreamMessageTypes.ORDER_RETURNED;
import static com.customer360.events.upstream.UpstreamMessageTypes.ORDER_SHIPMENT_UPDATED;
import static com.customer360.events.upstream.UpstreamMessageTypes.ORDER_SHIPPING_ADDRESS_CHANGED;
import static org.assertj.core.api.Assertions.assertThat;

import com.customer360.command.inbound.Awaited.Fact;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The arrival-order rule: which message may go ahead of an earlier one that is waiting, and what a waiting message
 * waits for.
 */
class ArrivalOrderTest {

    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    private static Subject customerMessage(String type, String customerId) {
        return new Subject(type, customerId, null, false);
    }

    private static Subject orderMessage(String type, String orderId) {
        return new Subject(type, null, orderId, false);
    }

    private static Subject wholeOrder(String type, String customerId, String orderId) {
        return new Subject(type, customerId, orderId, true);
    }

    private static int offset;

    private static WaitingMessage waiting(Subject subject, Awaited awaits) {
        int at = offset++;
        InboundRecord record = new InboundRecord("upstream", 0, at, "c-1", new byte[0], List.of());
        return new WaitingMessage(
                record.coordinates(),
                record,
                T0.plusSeconds(at),
                T0.plusSeconds(at + 900),
                1,
                Outcome.waiting(InboundReason.UNKNOWN_ORDER, "waits"),
                subject,
                awaits);
    }

    private static WaitingMessage waitingForOrder(String orderId) {
        return waiting(orderMessage(ORDER_SHIPPING_ADDRESS_CHANGED, orderId), new Awaited(Fact.ORDER_CREATED, orderId));
    }

    private static WaitingMessage waitingForCustomer(String customerId) {
        return waiting(
                customerMessage(CUSTOMER_UPDATED, customerId), new Awaited(Fact.CUSTOMER_REGISTERED, customerId));
    }

    private static WaitingMessage waitingForStatus(String orderId) {
        return waiting(orderMessage(ORDER_RETURNED, orderId), new Awaited(Fact.ORDER_STATUS_CHANGED, orderId));
    }

    @Test
    void shouldLetAMessageOfAnotherCustomerAndOrderGoAhead() {
        assertThat(ArrivalOrder.mayGoAhead(orderMessage(ORDER_CANCELLED, "o-2"), waitingForOrder("o-1")))
                .isTrue();
        assertThat(ArrivalOrder.mayGoAhead(customerMessage(CUSTOMER_UPDATED, "c-2"), waitingForCustomer("c-1")))
                .isTrue();
    }

    @Test
    void cannotLetALaterMessageOfTheSameOrderOvertakeOneWaitingForTheOrder() {
        assertThat(ArrivalOrder.mayGoAhead(orderMessage(ORDER_SHIPPING_ADDRESS_CHANGED, "o-1"), waitingForOrder("o-1")))
                .isFalse();
        assertThat(ArrivalOrder.mayGoAhead(orderMessage(ORDER_REFUNDED, "o-1"), waitingForOrder("o-1")))
                .isFalse();
    }

    @Test
    void shouldLetTheOrdersCreationGoAheadOfWhatWaitsForIt() {
        assertThat(ArrivalOrder.mayGoAhead(wholeOrder(ORDER_PLACED, "c-1", "o-1"), waitingForOrder("o-1")))
                .isTrue();
        assertThat(ArrivalOrder.mayGoAhead(wholeOrder(ORDER_DRAFTED, "c-1", "o-1"), waitingForOrder("o-1")))
                .isTrue();
    }

    @Test
    void cannotLetPlacingADraftByIdGoAheadOfWhatWaitsForTheOrdersCreation() {
        assertThat(ArrivalOrder.mayGoAhead(orderMessage(ORDER_PLACED, "o-1"), waitingForOrder("o-1")))
                .isFalse();
    }

    @Test
    void shouldLetTheCustomersRegistrationGoAheadOfWhatWaitsForIt() {
        assertThat(ArrivalOrder.mayGoAhead(customerMessage(CUSTOMER_REGISTERED, "c-1"), waitingForCustomer("c-1")))
                .isTrue();
    }

    @Test
    void cannotLetALaterCustomerUpdateOvertakeOneWaitingForTheRegistration() {
        assertThat(ArrivalOrder.mayGoAhead(customerMessage(CUSTOMER_UPDATED, "c-1"), waitingForCustomer("c-1")))
                .isFalse();
    }

    @Test
    void cannotLetANewOrderOfTheCustomerOvertakeAMessageWaitingForTheCustomer() {
        assertThat(ArrivalOrder.mayGoAhead(wholeOrder(ORDER_PLACED, "c-1", "o-9"), waitingForCustomer("c-1")))
                .isFalse();
    }

    @Test
    void shouldLetAStatusChangeGoAheadOfWhatWaitsForOne() {
        assertThat(ArrivalOrder.mayGoAhead(orderMessage(ORDER_SHIPMENT_UPDATED, "o-1"), waitingForStatus("o-1")))
                .isTrue();
        assertThat(ArrivalOrder.mayGoAhead(orderMessage(ORDER_PLACED, "o-1"), waitingForStatus("o-1")))
                .isTrue();
    }

    @Test
    void cannotLetWhatChangesNoStatusForwardGoAheadOfWhatWaitsForAStatusChange() {
        assertThat(ArrivalOrder.mayGoAhead(orderMessage(ORDER_CANCELLED, "o-1"), waitingForStatus("o-1")))
                .isFalse();
        assertThat(ArrivalOrder.mayGoAhead(orderMessage(ORDER_REFUNDED, "o-1"), waitingForStatus("o-1")))
                .isFalse();
    }

    @Test
    void cannotLetAnythingOfTheSameOrderGoAheadOfAMessageWaitingOnlyForTime() {
        WaitingMessage failing = waiting(orderMessage(ORDER_REFUNDED, "o-1"), Awaited.TIME);

        assertThat(ArrivalOrder.mayGoAhead(wholeOrder(ORDER_PLACED, "c-1", "o-1"), failing))
                .isFalse();
        assertThat(ArrivalOrder.mayGoAhead(orderMessage(ORDER_SHIPMENT_UPDATED, "o-1"), failing))
                .isFalse();
    }

    @Test
    void shouldNameTheFirstWaitingMessageInArrivalOrderAsTheBlocker() {
        WaitingMessage other = waitingForOrder("o-2");
        WaitingMessage first = waitingForOrder("o-1");
        WaitingMessage second = waitingForStatus("o-1");

        assertThat(ArrivalOrder.blocker(orderMessage(ORDER_REFUNDED, "o-1"), List.of(other, first, second)))
                .contains(first);
        assertThat(ArrivalOrder.blocker(wholeOrder(ORDER_PLACED, "c-1", "o-1"), List.of(other, first, second)))
                .isEmpty();
    }

    @Test
    void shouldWaitForTheFactTheRefusalNames() {
        Subject order = wholeOrder(ORDER_PLACED, "c-1", "o-1");

        assertThat(ArrivalOrder.awaited(InboundReason.UNKNOWN_CUSTOMER, order))
                .isEqualTo(new Awaited(Fact.CUSTOMER_REGISTERED, "c-1"));
        assertThat(ArrivalOrder.awaited(InboundReason.UNKNOWN_ORDER, order))
                .isEqualTo(new Awaited(Fact.ORDER_CREATED, "o-1"));
        assertThat(ArrivalOrder.awaited(InboundReason.RULE_BROKEN, order))
                .isEqualTo(new Awaited(Fact.ORDER_STATUS_CHANGED, "o-1"));
        assertThat(ArrivalOrder.awaited(InboundReason.PROCESSING_FAILED, order)).isEqualTo(Awaited.TIME);
        assertThat(ArrivalOrder.awaited(InboundReason.CONFLICT, order)).isEqualTo(Awaited.TIME);
    }

    @Test
    void shouldTellTheWholeOrderFromPlacingADraftById() {
        ObjectNode whole =
                new ObjectMapper().createObjectNode().put("orderId", "o-1").put("customerId", "c-1");
        whole.putArray("lines");
        ObjectNode byId = new ObjectMapper().createObjectNode().put("orderId", "o-1");

        assertThat(Subject.of(new UpstreamMessage("s", "1", ORDER_PLACED, whole)))
                .isEqualTo(wholeOrder(ORDER_PLACED, "c-1", "o-1"));
        assertThat(Subject.of(new UpstreamMessage("s", "2", ORDER_PLACED, byId)))
                .isEqualTo(orderMessage(ORDER_PLACED, "o-1"));
    }
}
