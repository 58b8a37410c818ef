package com.customer360.query.sales;

import com.mongodb.client.model.IndexModel;
import java.util.List;
import java.util.Map;

/** The store-sales view's indexes besides {@code _id}, for the query-plan test; its days are read by {@code _id}. */
public final class StoreSalesIndexes {

    private StoreSalesIndexes() {}

    public static Map<String, List<IndexModel>> byCollection() {
        return Map.of(StoreSalesDocuments.ORDERS, StoreSalesDocuments.ORDER_INDEXES);
    }
}
