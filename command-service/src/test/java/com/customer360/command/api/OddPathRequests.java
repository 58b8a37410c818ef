package com.customer360.command.api;

import static com.customer360.command.api.Generator.anyStrings;
import static com.customer360.command.api.Generator.of;
import static com.customer360.command.api.Generator.oneOf;
import static com.customer360.command.api.Generator.range;
import static com.customer360.command.api.Generator.strings;
import static com.customer360.command.api.RandomBodyRequests.jsonValue;
import static com.customer360.command.api.ValidRequests.json;
import static com.customer360.command.api.ValidRequests.validBody;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;

/** Requests to odd paths with odd methods: ids no endpoint takes, unknown actions, and encodings a router may trip on. */
final class OddPathRequests {

    private OddPathRequests() {}

    static Generator<RawHttp.Request> oddPaths() {
        Generator<String> oddId = oneOf(
                of(
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
                anyStrings(80).map(OddPathRequests::percentEncoded),
                strings(range('!', '~') + "é€😀", 0, 80)
                        .map(s -> s.replace("#", "%23").replace("?", "%3F")));
        Generator<String> path = oneOf(
                random -> of(CommandEndpoint.values()).next(random).path(oddId.next(random)),
                oddId.map(id -> "/api/customers/" + id + "/" + id),
                oddId.map(id -> "/api/orders/" + id + "/unknown-action"),
                oddId.map(id -> "/" + id),
                of(
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
        Generator<String> method = of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "PROPFIND", "FOO");
        Generator<String> body = oneOf(
                random -> null,
                random -> validBody(of(CommandEndpoint.values()).next(random))
                        .next(random)
                        .toString(),
                jsonValue(2).map(JsonNode::toString));
        return random -> json(method.next(random), path.next(random), body.next(random));
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
