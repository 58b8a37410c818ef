package com.customer360.command.api;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/** Edge values for codes, ids, email addresses and free text, as raw JSON text: see {@link EdgeValues}. */
final class EdgeTexts {

    private EdgeTexts() {}

    static Arbitrary<String> currencies() {
        return Arbitraries.oneOf(
                Arbitraries.of(
                        "\"usd\"",
                        "\"XXX\"",
                        "\"XAU\"",
                        "\"XTS\"",
                        "\"XDR\"",
                        "\"USDD\"",
                        "\"U\"",
                        "\"JPY\"",
                        "\"EUR\"",
                        "\"BHD\"",
                        "\"CLF\"",
                        "\"\"",
                        "\" USD\"",
                        "\"US\\u0000\""),
                Arbitraries.strings().withCharRange('A', 'Z').ofLength(3).map(code -> "\"" + code + "\""));
    }

    static Arbitrary<String> countries() {
        return Arbitraries.oneOf(
                Arbitraries.of("\"ZZ\"", "\"us\"", "\"UK\"", "\"GB\"", "\"USA\"", "\"EU\"", "\"XK\"", "\"\"", "\"U\""),
                Arbitraries.strings().withCharRange('A', 'Z').ofLength(2).map(code -> "\"" + code + "\""));
    }

    static Arbitrary<String> ids() {
        return Arbitraries.oneOf(
                Arbitraries.of(
                        "\"\"",
                        "\" \"",
                        "\"a b\"",
                        "\"-x\"",
                        "\"_x\"",
                        "\"a/b\"",
                        "\"a%2Fb\"",
                        "\"ä\"",
                        "\"a\\u0000\"",
                        "\"" + "a".repeat(64) + "\"",
                        "\"" + "a".repeat(65) + "\"",
                        "\"" + "a".repeat(10_000) + "\""),
                Arbitraries.strings().all().ofMaxLength(70).map(EdgeTexts::quoted));
    }

    static Arbitrary<String> emails() {
        return Arbitraries.of(
                "\"a@b\"",
                "\"@\"",
                "\"a@b.c\"",
                "\"a b@c.d\"",
                "\"a@@b.c\"",
                "\"a@b.c \"",
                "\"a\\u0000@b.c\"",
                "\"a\\ud800@b.c\"",
                "\"ü@example.com\"",
                "\"" + "x".repeat(242) + "@example.com\"",
                "\"" + "x".repeat(243) + "@example.com\"",
                "\"" + "x".repeat(10_000) + "@example.com\"");
    }

    static Arbitrary<String> texts() {
        List<String> fixed = new ArrayList<>(List.of(
                "\"\"",
                "\" \"",
                "\"\\t\\n\"",
                "\"\\u0000\"",
                "\"a\\u0007b\"",
                "\"a\\u0085b\"",
                "\"\\ud800\"",
                "\"\\udc00x\"",
                "\"\\ud83d\\ude00\"",
                "\"\\u202e\"",
                "\"\\ufeff\"",
                "\"\\uffff\"",
                "\"Ünïcödé\""));
        for (int limit : new int[] {20, 64, 100, 200, 254, 500}) {
            fixed.add("\"" + "x".repeat(limit) + "\"");
            fixed.add("\"" + "x".repeat(limit + 1) + "\"");
            fixed.add("\"" + "é".repeat(limit) + "\"");
        }
        fixed.add("\"" + "x".repeat(100_000) + "\"");
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(fixed)),
                Tuple.of(2, Arbitraries.strings().all().ofMaxLength(300).map(EdgeTexts::quoted)));
    }

    /** A JSON string literal that keeps unpaired surrogates and control characters as escapes. */
    static String quoted(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\' || c < 0x20 || Character.isSurrogate(c)) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }
}
