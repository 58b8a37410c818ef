package com.customer360.command.api;

import static com.customer360.command.api.RandomBodyRequests.jsonValue;
import static com.customer360.command.api.ValidRequests.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Requests to odd paths with odd methods: ids no endpoint takes, unknown actions, and encodings a router may trip on. */
final class OddPathRequests {

    private OddPathRequests() {}

    static Arbitrary<RawHttp.Request> oddPaths() {
        Arbitrary<String> oddId = Arbitraries.oneOf(
                Arbitraries.of(
                        "",
                        "%20",
                        "a%20b",
                        "a%2Fb",
                        "a%5Cb",
                        "%00",
                        "a%0Ab",
                        "%zz",
                        "%",
                        "%E2%9C%93",
                        "%ED%A0%80",
                        "%C0%AF",
                        "%FF",
                        "..",
                        "%2e%2e",
                        ".",
                        ";x=y",
                        "a;jsessionid=1",
                        "a?b=c",
                        "a#b",
                        "é",
                        "😀",
                        "a".repeat(64),
                        "a".repeat(65),
                        "a".repeat(200),
                        "a".repeat(10_000),
                        "-a",
                        "_a",
                        "a:b.c_d-e"),
                Arbitraries.strings().all().ofMaxLength(80).map(OddPathRequests::percentEncoded),
                Arbitraries.strings()
                        .withCharRange('!', '~')
                        .withChars("é€😀")
                        .ofMaxLength(80)
                        .map(s -> s.replace("#", "%23").replace("?", "%3F")));
        Arbitrary<String> path = Arbitraries.oneOf(
                Combinators.combine(Arbitraries.of(CommandEndpoint.values()), oddId)
                        .as(CommandEndpoint::path),
                oddId.map(id -> "/api/customers/" + id + "/" + id),
                oddId.map(id -> "/api/orders/" + id + "/unknown-action"),
                oddId.map(id -> "/" + id),
                Arbitraries.of(
                        "/",
                        "/api",
                        "/api/",
                        "/api/orders",
                        "/api/orders/",
                        "/api/customers/",
                        "/error",
                        "/error/x",
                        "//api/customers",
                        "/api//orders/x/cancel",
                        "/api/orders/x/cancel/",
                        "/api/orders/x/CANCEL",
                        "/API/ORDERS/x/cancel",
                        "/api/customers?x=%zz",
                        "/api/orders/x/cancel?" + "a=b&".repeat(2000)));
        Arbitrary<String> method =
                Arbitraries.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "PROPFIND", "FOO");
        Arbitrary<String> body = Arbitraries.oneOf(
                Arbitraries.just((String) null),
                Arbitraries.of(CommandEndpoint.values())
                        .flatMap(ValidRequests::validBody)
                        .map(JsonNode::toString),
                jsonValue(2).map(JsonNode::toString));
        return Combinators.combine(method, path, body).as((verb, target, content) -> json(verb, target, content));
    }

    /** Any text as a path segment: percent-encoded UTF-8 (an unpaired surrogate becomes '?'). */
    static String percentEncoded(String text) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append(String.format("%%%02X", b & 0xFF));
            }
        }
        return encoded.toString();
    }
}
