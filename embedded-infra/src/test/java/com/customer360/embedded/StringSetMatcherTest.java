package com.customer360.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.DefaultQueryMatcher;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The set lookup of long string lists answers every document as mongo-java-server's own matcher does. */
class StringSetMatcherTest {

    private static final List<Object> KNOWN =
            IntStream.range(0, 12).mapToObj(i -> (Object) ("e-" + i)).toList();

    @Test
    void shouldMatchEveryKindOfValueAsTheFullMatcherDoes() {
        List<Object> values = Arrays.asList(
                "e-3", "e-99", null, Missing.getInstance(), 3, List.of("e-3"), List.of("x", "y"), List.of(), "E-3");
        List<Document> queries = new ArrayList<>();
        for (String operator : List.of("$in", "$nin")) {
            queries.add(new Document("id", new Document(operator, KNOWN)));
            queries.add(new Document("id", new Document(operator, KNOWN)).append("n", new Document("$gte", 2)));
            queries.add(new Document(
                    "$and",
                    List.of(
                            new Document("n", new Document("$gte", 2)),
                            new Document("id", new Document(operator, KNOWN)))));
            List<Object> withNull = new ArrayList<>(KNOWN);
            withNull.add(null);
            queries.add(new Document("id", new Document(operator, withNull)));
        }
        DefaultQueryMatcher reference = new DefaultQueryMatcher();
        for (Document query : queries) {
            Predicate<Document> matcher =
                    StringSetMatcher.of(query, whole -> document -> new DefaultQueryMatcher().matches(document, whole));
            for (Object value : values) {
                for (int n = 0; n < 4; n++) {
                    Document document = new Document("_id", 1).append("n", n);
                    if (!(value instanceof Missing)) {
                        document.append("id", value);
                    }
                    assertThat(matcher.test(document))
                            .as("%s on %s", query, document)
                            .isEqualTo(reference.matches(document, query));
                }
            }
        }
    }

    @Test
    void shouldDecideAPlainStringByOneLookupWithoutTheFullMatcher() {
        Document query = new Document("id", new Document("$nin", KNOWN));
        Predicate<Document> matcher = StringSetMatcher.of(query, whole -> document -> {
            throw new AssertionError("the full matcher was asked about " + document);
        });

        assertThat(matcher.test(new Document("id", "e-3"))).isFalse();
        assertThat(matcher.test(new Document("id", "e-12"))).isTrue();
    }

    @Test
    void shouldLeaveShortListsAndOtherValuesToTheFullMatcher() {
        List<Document> asked = new ArrayList<>();
        Document shortList = new Document("id", new Document("$in", List.of("e-1", "e-2")));
        Document mixed =
                new Document("id", new Document("$in", List.of("e-1", 2, "e-3", "e-4", "e-5", "e-6", "e-7", "e-8")));
        for (Document query : List.of(shortList, mixed)) {
            StringSetMatcher.of(query, whole -> {
                        asked.add(whole);
                        return document -> true;
                    })
                    .test(new Document("id", "e-1"));
        }

        assertThat(asked).containsExactly(shortList, mixed);
    }
}
