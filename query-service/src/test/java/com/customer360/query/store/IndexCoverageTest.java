package com.customer360.query.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;
import java.util.List;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

class IndexCoverageTest {

    private static final List<IndexModel> HISTORY = List.of(new IndexModel(Indexes.compoundIndex(
            Indexes.ascending("customerId"), Indexes.descending("orderDate"), Indexes.descending("_id"))));

    @Test
    void shouldServeAnEqualityPrefixWithTheSortOfTheIndex() {
        assertThat(served("{find: 'o', filter: {customerId: 'c'}, sort: {orderDate: -1, _id: -1}}"))
                .isTrue();
    }

    @Test
    void shouldServeTheReverseSortAndAKeysetPage() {
        assertThat(
                        served(
                                """
                        {find: 'o', filter: {$and: [{customerId: 'c'}, {$or: [{orderDate: {$gt: 5}},
                          {$and: [{orderDate: 5}, {_id: {$gt: 'x'}}]}]}]}, sort: {orderDate: 1, _id: 1}}"""))
                .isTrue();
    }

    @Test
    void cannotServeASortTheIndexDoesNotHold() {
        assertThat(served("{find: 'o', filter: {customerId: 'c'}, sort: {total: -1}}"))
                .isFalse();
        assertThat(served("{find: 'o', filter: {customerId: 'c'}, sort: {orderDate: -1, _id: 1}}"))
                .isFalse();
    }

    @Test
    void cannotServeAFilterOnAFieldOutsideTheIndex() {
        assertThat(served("{find: 'o', filter: {customerId: 'c', status: 'PLACED'}, sort: {orderDate: -1}}"))
                .isFalse();
        assertThat(served("{find: 'o', filter: {name: {$regex: 'ada'}}}")).isFalse();
    }

    @Test
    void shouldServeAnIdLookupWithoutADeclaredIndex() {
        assertThat(IndexCoverage.servingIndex(
                        BsonDocument.parse("{find: 'o', filter: {_id: {$in: ['a']}}}"), List.of()))
                .isNotNull();
    }

    private static boolean served(String find) {
        return IndexCoverage.servingIndex(BsonDocument.parse(find), HISTORY) != null;
    }
}
