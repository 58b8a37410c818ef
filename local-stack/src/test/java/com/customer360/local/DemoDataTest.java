package com.customer360.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoDataTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    private final DemoData.Plan plan = DemoData.generate(42, 300, 3000, NOW);

    private List<DemoData.Call> calls() {
        return plan.orders().stream().flatMap(List::stream).toList();
    }

    private List<Map<String, Object>> creates() {
        return calls().stream()
                .filter(call -> call.path().equals("/api/orders"))
                .map(DemoData.Call::body)
                .toList();
    }

    @Test
    void shouldRegisterAFewHundredCustomersAndPlaceAFewThousandOrders() {
        assertThat(plan.customers()).hasSize(301);
        assertThat(plan.orders()).hasSize(3000);
    }

    @Test
    void shouldGiveOneCustomerAFewThousandOrdersSoThatTheirHistoryHasManyPages() {
        Map<Object, Long> ordersByCustomer = creates().stream()
                .collect(Collectors.groupingBy(body -> body.get("customerId"), Collectors.counting()));

        assertThat(ordersByCustomer.get(DemoData.BIG_CUSTOMER)).isEqualTo(2000);
        assertThat(ordersByCustomer.entrySet().stream()
                        .filter(entry -> !entry.getKey().equals(DemoData.BIG_CUSTOMER))
                        .mapToLong(Map.Entry::getValue)
                        .max()
                        .orElseThrow())
                .isLessThan(100);
        assertThat(plan.customers().get(0).body()).containsEntry("customerId", DemoData.BIG_CUSTOMER);
    }

    @Test
    void shouldCoverEveryStatusTransitionAndRefunds() {
        Map<String, Long> actions = calls().stream()
                .map(call -> call.path().replaceAll("/api/orders/[^/]+", "/api/orders/{id}"))
                .collect(Collectors.groupingBy(path -> path, Collectors.counting()));

        assertThat(actions.keySet())
                .contains(
                        "/api/orders",
                        "/api/orders/{id}/place",
                        "/api/orders/{id}/cancel",
                        "/api/orders/{id}/shipment-updates",
                        "/api/orders/{id}/return",
                        "/api/orders/{id}/refunds");
    }

    @Test
    void shouldLeaveSomeDraftsAsDrafts() {
        long leftAsDrafts = plan.orders().stream()
                .filter(chain -> chain.size() == 1
                        && Boolean.TRUE.equals(chain.get(0).body().get("draft")))
                .count();

        assertThat(leftAsDrafts).isGreaterThan(50);
    }

    @Test
    void shouldLeaveOrdersInTransitForLongerThanAWeekSoThatTheyAreStuck() {
        long stuck = plan.orders().stream()
                .filter(chain -> {
                    DemoData.Call last = chain.get(chain.size() - 1);
                    return last.path().endsWith("/shipment-updates")
                            && "IN_TRANSIT".equals(last.body().get("status"))
                            && Instant.parse((String) last.body().get("at")).isBefore(NOW.minus(Duration.ofDays(7)));
                })
                .count();

        assertThat(stuck).isGreaterThan(100);
    }

    @Test
    void shouldUseThreeCurrenciesOneWithoutMinorUnitsAndSeveralStores() {
        assertThat(creates().stream().map(body -> body.get("currency")).distinct())
                .containsExactlyInAnyOrder("EUR", "USD", "JPY");
        assertThat(creates().stream()
                        .map(body -> body.get("storeId"))
                        .distinct()
                        .count())
                .isGreaterThanOrEqualTo(6);
        assertThat(creates().stream()
                        .filter(body -> body.get("currency").equals("JPY"))
                        .flatMap(body -> ((List<?>) body.get("lines")).stream())
                        .map(line -> (BigDecimal) ((Map<?, ?>) line).get("unitPrice")))
                .isNotEmpty()
                .allSatisfy(price -> assertThat(price.scale()).isZero());
    }

    @Test
    void shouldPlaceOrdersInThePastSoThatTheHistorySpansMonths() {
        List<Instant> placed = creates().stream()
                .filter(body -> body.containsKey("placedAt"))
                .map(body -> Instant.parse((String) body.get("placedAt")))
                .toList();

        assertThat(placed).allSatisfy(at -> assertThat(at).isBefore(NOW));
        assertThat(placed.stream().min(Instant::compareTo).orElseThrow()).isBefore(NOW.minus(Duration.ofDays(365)));
    }

    @Test
    void shouldGiveEveryRequestAnIdempotencyKeySoThatLoadingCanStartAgain() {
        assertThat(calls()).allSatisfy(call -> assertThat(call.idempotencyKey()).isNotBlank());
        assertThat(calls().stream()
                        .map(DemoData.Call::idempotencyKey)
                        .distinct()
                        .count())
                .isEqualTo(calls().size());
    }

    @Test
    void shouldPlanTheSameRequestsForTheSameSeedAndDay() {
        DemoData.Plan again = DemoData.generate(42, 300, 3000, Instant.parse("2026-11-24T18:00:00Z"));

        assertThat(again).isEqualTo(plan);
    }
}
