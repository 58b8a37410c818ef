package com.customer360.command.api;

import static com.customer360.command.api.ValidRequests.validBody;
import static com.customer360.command.api.ValidRequests.validPathId;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Valid requests to every endpoint with odd headers: content types, charsets, accepted types, idempotency keys and
 * content encodings at and beyond what the API takes.
 */
final class OddHeaderRequests {

    private OddHeaderRequests() {}

    static Arbitrary<RawHttp.Request> oddHeaders() {
        Arbitrary<String> json = Arbitraries.of(
                "application/json",
                "application/json; charset=utf-8",
                "application/json;charset=UTF-16",
                "application/json;charset=ISO-8859-1",
                "application/json;charset=UTF-32",
                "APPLICATION/JSON",
                "application/merge-patch+json");
        Arbitrary<String> odd = Arbitraries.of(
                "application/json;charset=nope",
                "application/json; charset=\"",
                "application/json; q=abc",
                "application/problem+json",
                "application/vnd.api+json",
                "text/plain",
                "text/json",
                "application/xml",
                "application/x-www-form-urlencoded",
                "multipart/form-data",
                "multipart/form-data; boundary=x",
                "*/*",
                "application/*",
                "*/json",
                "",
                " ",
                "garbage",
                ";;;",
                "application/json, text/plain");
        Arbitrary<String> accept = Arbitraries.of(
                "*/*",
                "application/json",
                "application/problem+json",
                "application/*",
                "text/html",
                "application/xml",
                "garbage",
                "application/json;q=abc",
                "application/json;q=0",
                "",
                manyMediaTypes());
        Arbitrary<String> idempotencyKey = Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(128),
                Arbitraries.strings().all().ofMaxLength(200).map(OddHeaderRequests::headerSafe),
                Arbitraries.of("", " ", "k".repeat(129), "k".repeat(128), "é", "a b", "k".repeat(20_000)));
        Arbitrary<List<Map.Entry<String, String>>> headers = Combinators.combine(
                        Arbitraries.frequencyOf(Tuple.of(3, json), Tuple.of(2, odd))
                                .injectNull(0.1),
                        accept.injectNull(0.4),
                        idempotencyKey.injectNull(0.3),
                        Arbitraries.of("gzip", "identity", "br").injectNull(0.8))
                .as((type, acceptable, key, encoding) -> {
                    List<Map.Entry<String, String>> list = new ArrayList<>();
                    if (type != null) {
                        list.add(Map.entry("Content-Type", type));
                    }
                    if (acceptable != null) {
                        list.add(Map.entry("Accept", acceptable));
                    }
                    if (key != null) {
                        list.add(Map.entry("Idempotency-Key", key));
                    }
                    if (encoding != null) {
                        list.add(Map.entry("Content-Encoding", encoding));
                    }
                    return list;
                });
        return Arbitraries.of(CommandEndpoint.values()).flatMap(endpoint -> Combinators.combine(
                        validPathId(endpoint),
                        validBody(endpoint).map(JsonNode::toString).injectNull(0.1),
                        headers,
                        Arbitraries.of(true, false))
                .as((id, body, list, chunked) -> new RawHttp.Request(
                        endpoint.method,
                        endpoint.path(id),
                        list,
                        body == null ? null : body.getBytes(StandardCharsets.UTF_8),
                        chunked)));
    }

    private static String manyMediaTypes() {
        StringBuilder types = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            types.append("a/b").append(i).append(',');
        }
        return types.append("application/json").toString();
    }

    /** A header value HTTP/1.1 can frame: no CR or LF, which would end the header (and the test's own request). */
    static String headerSafe(String text) {
        return text.replace('\r', ' ').replace('\n', ' ');
    }
}
