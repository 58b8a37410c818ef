package com.customer360.command.api;

import static com.customer360.command.api.Generator.anyStrings;
import static com.customer360.command.api.Generator.frequency;
import static com.customer360.command.api.Generator.of;
import static com.customer360.command.api.Generator.oneOf;
import static com.customer360.command.api.Generator.range;
import static com.customer360.command.api.Generator.strings;
import static com.customer360.command.api.Generator.weight;

import java.util.ArrayList;
import java.util.List;

/** Edge values for codes, ids, email addresses and free text, as raw JSON text: see {@link EdgeValues}. */
final class EdgeTexts {

    private EdgeTexts() {}

    static Generator<String> currencies() {
        return oneOf(
                of(
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
                strings(range('A', 'Z'), 3, 3).map(code -> "\"" + code + "\""));
    }

    static Generator<String> countries() {
        return oneOf(
                of("\"ZZ\"", "\"us\"", "\"UK\"", "\"GB\"", "\"USA\"", "\"EU\"", "\"XK\"", "\"\"", "\"U\""),
                strings(range('A', 'Z'), 2, 2).map(code -> "\"" + code + "\""));
    }

    static Generator<String> ids() {
        return oneOf(
                of(
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
                anyStrings(70).map(EdgeTexts::quoted));
    }

    static Generator<String> emails() {
        return of(
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

    static Generator<String> texts() {
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
        return frequency(weight(3, of(fixed)), weight(2, anyStrings(300).map(EdgeTexts::quoted)));
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
