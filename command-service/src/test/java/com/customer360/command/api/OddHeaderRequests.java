package com.customer360.command.api;

import static com.customer360.command.api.Generator.anyStrings;
import static com.customer360.command.api.Generator.frequency;
import static com.customer360.command.api.Generator.of;
import static com.customer360.command.api.Generator.oneOf;
import static com.customer360.command.api.Generator.range;
import static com.customer360.command.api.Generator.strings;
import static com.customer360.command.api.Generator.weight;
import static com.customer360.command.api.ValidRequests.validBody;
import static com.customer360.command.api.ValidRequests.validPathId;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Valid requests to every endpoint with odd headers: content types, charsets, accepted types, idempotency keys and
 * content encodings at and beyond what the API takes.
 */
final class OddHeaderRequests {

    private OddHeaderRequests() {}

    static Generator<RawHttp.Request> oddHeaders() {
        Generator<String> json = of(
                "application/json",
                "application/json; charset=utf-8",
                "application/json;charset=UTF-16",
                "application/json;charset=ISO-8859-1",
                "application/json;charset=UTF-32",
                "APPLICATION/JSON",
                "application/merge-patch+json");
        Generator<String> odd = of(
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
        Generator<String> accept = of(
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
        Generator<String> idempotencyKey = oneOf(
                strings(range('!', '~'), 1, 128),
                anyStrings(200).map(OddHeaderRequests::headerSafe),
                of("", " ", "k".repeat(129), "k".repeat(128), "é", "a b", "k".repeat(20_000)));
        Generator<String> contentType =
                frequency(weight(3, json), weight(2, odd)).orNull(0.1);
        Generator<String> encoding = of("gzip", "identity", "br").orNull(0.8);
        Generator<List<Map.Entry<String, String>>> headers = random -> {
            List<Map.Entry<String, String>> list = new ArrayList<>();
            addIfPresent(list, "Content-Type", contentType.next(random));
            addIfPresent(list, "Accept", accept.orNull(0.4).next(random));
            addIfPresent(list, "Idempotency-Key", idempotencyKey.orNull(0.3).next(random));
            addIfPresent(list, "Content-Encoding", encoding.next(random));
            return list;
        };
        return random -> {
            CommandEndpoint endpoint = of(CommandEndpoint.values()).next(random);
            String id = validPathId(endpoint).next(random);
            String body =
                    validBody(endpoint).map(JsonNode::toString).orNull(0.1).next(random);
            return new RawHttp.Request(
                    endpoint.method,
                    endpoint.path(id),
                    headers.next(random),
                    body == null ? null : body.getBytes(StandardCharsets.UTF_8),
                    random.nextBoolean());
        };
    }

    private static void addIfPresent(List<Map.Entry<String, String>> headers, String name, String value) {
        if (value != null) {
            headers.add(Map.entry(name, value));
        }
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
