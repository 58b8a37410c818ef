package com.customer360.query.customer;

import static com.mongodb.client.model.Filters.eq;

import com.customer360.query.store.ReadVersions;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Component;

/** Reads customer detail documents by key, the only way the details page reads them. */
@Component
public final class CustomerDetailsLookup {

    private final ReadVersions versions;
    private final CustomerDetailsDocuments documents = new CustomerDetailsDocuments();

    public CustomerDetailsLookup(ReadVersions versions) {
        this.versions = versions;
    }

    /** Whether the API knows the customer: registered, not only known from their orders. */
    public boolean isRegistered(String customerId) {
        return versions.collection(CustomerDetailsDocuments.COLLECTION)
                        .find(new Document("_id", customerId).append("registered", true))
                        .projection(new Document("_id", 1))
                        .first()
                != null;
    }

    /** The customer, once registered; order events may create a document earlier, which the API does not show. */
    public Optional<CustomerDetails> registeredCustomer(String customerId) {
        return Optional.ofNullable(versions.collection(CustomerDetailsDocuments.COLLECTION)
                        .find(eq("_id", customerId))
                        .projection(CustomerDetailsDocuments.READ_FIELDS)
                        .first())
                .map(documents::fromReadFields)
                .filter(CustomerDetails::isRegistered);
    }
}
