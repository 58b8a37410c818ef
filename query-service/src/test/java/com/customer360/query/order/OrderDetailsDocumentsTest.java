package com.customer360.query.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.customer360.query.EventHistory;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;

class OrderDetailsDocumentsTest {

    private final EventHistory history = new EventHistory();
    private final OrderDetailsDocuments documents = new OrderDetailsDocuments();
    private final OrderDetailsProjection projection = new OrderDetailsProjection();

    @Test
    void shouldReadBackExactlyWhatItStores() {
        OrderDetails order = new OrderDetails("o-1");
        List.of(
                        history.drafted("o-1", "c-1", "USD", "10.00", "2026-01-01"),
                        history.placed("o-1", "c-1", "USD", "10.00", "2026-01-02"),
                        history.shipped("o-1", "c-1", "2026-01-03"),
                        history.refunded("o-1", "c-1", "USD", "2.00"))
                .forEach(event -> projection.apply(order, event));
        Document stored = documents.toBson(order, 3, Instant.parse("2026-06-10T00:00:00Z"));

        OrderDetails read = documents.fromBson(stored);

        assertThat(read).usingRecursiveComparison().isEqualTo(order);
        assertThat(documents.toBson(read, 3, Instant.parse("2026-06-10T00:00:00Z")))
                .isEqualTo(stored);
    }

    @Test
    void shouldStoreMoneyAsDecimal128WithTheCurrencysDigits() {
        OrderDetails order = new OrderDetails("o-1");
        projection.apply(order, history.placed("o-1", "c-1", "USD", "129.9", "2026-01-02"));

        Document stored = documents.toBson(order, 1, Instant.parse("2026-06-10T00:00:00Z"));

        assertThat(stored.get("total")).isEqualTo(Decimal128.parse("129.90"));
    }
}
