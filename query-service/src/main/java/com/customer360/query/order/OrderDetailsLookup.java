package com.customer360.query.order;

import static com.mongodb.client.model.Filters.eq;

import com.customer360.query.store.ReadVersions;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Reads order detail documents by key. */
@Component
public final class OrderDetailsLookup {

    private final ReadVersions versions;
    private final OrderDetailsDocuments documents = new OrderDetailsDocuments();

    OrderDetailsLookup(ReadVersions versions) {
        this.versions = versions;
    }

    public Optional<OrderDetails> order(String orderId) {
        return Optional.ofNullable(versions.collection(OrderDetailsDocuments.COLLECTION)
                        .find(eq("_id", orderId))
                        .first())
                .map(documents::fromBson);
    }
}
