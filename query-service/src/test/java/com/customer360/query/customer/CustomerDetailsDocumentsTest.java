package com.customer360.query.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.customer360.query.EventHistory;
import java.time.Instant;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class CustomerDetailsDocumentsTest {

    private static final Instant WRITTEN = Instant.parse("2026-06-10T00:00:00Z");

    private final CustomerDetailsDocuments documents = new CustomerDetailsDocuments();

    @Test
    void shouldReadBackExactlyWhatItStores() {
        CustomerFolds.Store store = new CustomerFolds.Store();
        store.project(DesignScenario.events(new EventHistory(), "c-1"), true, false);
        CustomerDetails customer = store.customer("c-1");
        Document stored = documents.toBson(customer, 7, WRITTEN);

        CustomerDetails read = documents.fromBson(stored);

        assertThat(read).usingRecursiveComparison().isEqualTo(customer);
        assertThat(documents.toBson(read, 7, WRITTEN)).isEqualTo(stored);
        assertThat(read.pending()).hasSize(5);
    }

    @Test
    void shouldStoreTheVersionAndTimeOfTheWrite() {
        Document stored = documents.toBson(new CustomerDetails("c-1"), 7, WRITTEN);

        assertThat(stored.getLong("version")).isEqualTo(7L);
        assertThat(stored.getDate("updatedAt").toInstant()).isEqualTo(WRITTEN);
        assertThat(stored.getLong("customerSeq")).isEqualTo(-1L);
    }

    @Test
    void shouldKeepTheProjectionsBookkeepingOutOfWhatThePagesRead() {
        CustomerFolds.Store store = new CustomerFolds.Store();
        store.project(DesignScenario.events(new EventHistory(), "c-1"));

        CustomerDetails read = documents.fromReadFields(store.customers.get("c-1"));

        assertThat(read.pending()).isEmpty();
        assertThat(read.latest.entries()).isEmpty();
        assertThat(read.latestShippingAddress).isEqualTo(DesignScenario.LATEST_ADDRESS);
    }
}
