package com.customer360.query.order;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Reads order detail documents by key. */
@Component
public final class OrderDetailsLookup {

    private final MongoCollection<Document> collection;
    private final OrderDetailsDocuments documents = new OrderDetailsDocuments();

    OrderDetailsLookup(MongoTemplate mongo) {
        this.collection = mongo.getCollection(OrderDetailsDocuments.COLLECTION);
    }

    public Optional<OrderDetails> order(String orderId) {
        return Optional.ofNullable(collection.find(eq("_id", orderId)).first()).map(documents::fromBson);
    }
}
