package com.customer360.query.projection;

import static com.mongodb.client.model.Filters.in;

import com.customer360.query.customer.CustomerDetailsDocuments;
import com.customer360.query.order.OrderDetailsDocuments;
import com.customer360.query.store.ReadVersions;
import com.customer360.query.store.StoredDocuments;
import com.customer360.query.timeline.TimelineDocuments;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The collections of one version of the customer-details view as a rebuild's catch-up writes them, and their indexes,
 * which come after the documents: written with no index but {@code _id}, the orders get theirs once the fold is to
 * read an order ranking from the store (documents it wrote may be needed again), the rest once the catch-up has
 * written everything. An
 * index built over a finished collection is written once, where one kept up to date during the catch-up is rewritten
 * by every bulk write (the customer list's eleven, its search pieces above all, were a third of a rebuild's store
 * time).
 */
final class VersionCollections {

    final MongoCollection<Document> customers;
    final MongoCollection<Document> orders;
    final MongoCollection<Document> timeline;
    private final CustomerDetailsDocuments customerDocuments;
    private final OrderDetailsDocuments orderDocuments;
    private boolean ordersIndexed;

    VersionCollections(
            MongoTemplate mongo,
            int version,
            CustomerDetailsDocuments customerDocuments,
            OrderDetailsDocuments orderDocuments) {
        this.customers = mongo.getCollection(ReadVersions.collectionName(CustomerDetailsDocuments.COLLECTION, version));
        this.orders = mongo.getCollection(ReadVersions.collectionName(OrderDetailsDocuments.COLLECTION, version));
        this.timeline = mongo.getCollection(ReadVersions.collectionName(TimelineDocuments.COLLECTION, version));
        this.customerDocuments = customerDocuments;
        this.orderDocuments = orderDocuments;
    }

    /** Whether a version's collections hold any customer or order document yet. */
    static boolean holdDocuments(MongoTemplate mongo, int version) {
        VersionCollections collections =
                new VersionCollections(mongo, version, new CustomerDetailsDocuments(), new OrderDetailsDocuments());
        return collections.customers.find().limit(1).first() != null
                || collections.orders.find().limit(1).first() != null;
    }

    /** The order indexes the fold's rankings are read along, once the store may hold orders. */
    void indexOrders() {
        if (!ordersIndexed) {
            orders.createIndexes(orderDocuments.indexes());
            ordersIndexed = true;
        }
    }

    /**
     * Every index version 1 has, once the documents are in; creating one that exists changes nothing. One command
     * per index: on the embedded store a commit waits for the write commands under way, so the live view's writes
     * wait for one index build at a time, not for all of them.
     */
    void indexEverything() {
        List<IndexModel> customerIndexes = new ArrayList<>(customerDocuments.indexes());
        customerIndexes.add(uniqueVersion());
        for (IndexModel index : customerIndexes) {
            customers.createIndexes(List.of(index));
        }
        indexOrders();
        orders.createIndexes(List.of(uniqueVersion()));
        timeline.createIndexes(TimelineDocuments.INDEXES);
    }

    static List<Document> find(MongoCollection<Document> collection, Collection<String> ids) {
        List<Document> found = new ArrayList<>();
        if (!ids.isEmpty()) {
            collection.find(in("_id", ids)).forEach(found::add);
        }
        return found;
    }

    private static IndexModel uniqueVersion() {
        return new IndexModel(Indexes.ascending("_id", StoredDocuments.VERSION), new IndexOptions().unique(true));
    }
}
