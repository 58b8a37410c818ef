package com.customer360.query.customer;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Reads customer detail documents by key, the only way the details page reads them. */
@Component
public final class CustomerDetailsLookup {

    private final MongoCollection<Document> collection;
    private final CustomerDetailsDocuments documents = new CustomerDetailsDocuments();

    public CustomerDetailsLookup(MongoTemplate mongo) {
        this.collection = mongo.getCollection(CustomerDetailsDocuments.COLLECTION);
    }

    /** Whether the API knows the customer: registered, not only known from their orders. */
    public boolean isRegistered(String customerId) {
        return collection
                        .find(new Document("_id", customerId).append("registered", true))
                        .projection(new Document("_id", 1))
                        .first()
                != null;
    }

    /** The customer, once registered; order events may create a document earlier, which the API does not show. */
    public Optional<CustomerDetails> registeredCustomer(String customerId) {
        return Optional.ofNullable(collection
                        .find(eq("_id", customerId))
                        .projection(CustomerDetailsDocuments.READ_FIELDS)
                        .first())
                .map(documents::fromReadFields)
                .filter(CustomerDetails::isRegistered);
    }
}
