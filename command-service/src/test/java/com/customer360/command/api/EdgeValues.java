package com.customer360.command.api;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Values at and beyond the edges of what each kind of field accepts, as raw JSON text: numbers no JSON library would
 * write (1e400, NaN, a thousand digits), strings with unpaired surrogates or control characters, lengths one past
 * every limit, timestamps at the ends of time. A field gets mostly values of its own kind and sometimes anything.
 */
final class EdgeValues {

    private EdgeValues() {}

    /** Edge values for the field of this name, or for any field. */
    static Arbitrary<String> forField(String field) {
        Arbitrary<String> own =
                switch (field) {
                    case "amount", "unitPrice", "total" -> decimals();
                    case "quantity" -> wholeNumbers();
                    case "placedAt", "at" -> timestamps();
                    case "currency" -> currencies();
                    case "country" -> countries();
                    case "customerId", "orderId", "storeId", "refundId" -> ids();
                    case "email" -> emails();
                    case "status" ->
                        Arbitraries.of("\"IN_TRANSIT\"", "\"DELIVERED\"", "\"delivered\"", "\"LOST\"", "\"\"", "1");
                    case "draft" -> Arbitraries.of("true", "false", "\"true\"", "1", "0", "\"yes\"", "null");
                    default -> texts();
                };
        return Arbitraries.frequencyOf(Tuple.of(7, own), Tuple.of(3, any()));
    }

    static Arbitrary<String> any() {
        return Arbitraries.oneOf(
                structural(),
                decimals(),
                wholeNumbers(),
                timestamps(),
                currencies(),
                countries(),
                ids(),
                emails(),
                texts());
    }

    private static Arbitrary<String> structural() {
        return Arbitraries.of(
                "null",
                "true",
                "false",
                "[]",
                "[1,2]",
                "[\"x\"]",
                "{}",
                "{\"a\":1}",
                "{\"value\":\"x\"}",
                "[".repeat(1500) + "]".repeat(1500),
                "{\"a\":".repeat(1500) + "1" + "}".repeat(1500));
    }

    private static Arbitrary<String> decimals() {
        Arbitrary<String> fixed = Arbitraries.of(
                "0",
                "-0",
                "0.0",
                "1",
                "-1",
                "1.5",
                "1.50",
                "1.505",
                "0.001",
                "0.0001",
                "1E+2",
                "1e400",
                "-1e400",
                "1e-400",
                "1e2147483647",
                "1e-2147483647",
                "1e2147483648",
                "1.7976931348623157E308",
                "NaN",
                "Infinity",
                "-Infinity",
                "0x10",
                "01",
                "9".repeat(1000),
                "9".repeat(1001),
                "9".repeat(12) + ".999",
                "9".repeat(13),
                "9".repeat(15) + ".999",
                "9".repeat(16),
                "0." + "1".repeat(2000),
                "\"1e400\"",
                "\"-0\"",
                "\"0.001\"",
                "\"1E+2\"",
                "\"NaN\"",
                "\"Infinity\"",
                "\"-1\"",
                "\"0\"",
                "\"1.5\"",
                "\"1.50\"",
                "\"1.505\"",
                "\"12.5\"",
                "\"1e2147483647\"",
                "\"1e-2147483647\"",
                "\"1e-2147483648\"",
                "\"0E+2147483647\"",
                "\"0E-2147483647\"",
                "\"1e1000000\"",
                "\"1e-1000000\"",
                "\" 1\"",
                "\"1,5\"",
                "\"1.5.5\"",
                "\"" + "9".repeat(1001) + "\"",
                "\"\"",
                "\"twelve\"");
        // Any unscaled value at any scale, and at the very ends of the scale's range, where digit counts overflow.
        Arbitrary<BigInteger> unscaled =
                Arbitraries.bigIntegers().between(BigInteger.valueOf(-1_000_000), BigInteger.valueOf(1_000_000));
        Arbitrary<Integer> extremeScale = Arbitraries.oneOf(
                Arbitraries.integers().between(Integer.MIN_VALUE + 1, Integer.MIN_VALUE + 8),
                Arbitraries.integers().between(Integer.MAX_VALUE - 8, Integer.MAX_VALUE));
        Arbitrary<String> extreme = Combinators.combine(unscaled, extremeScale)
                .as((digits, scale) -> new BigDecimal(digits, scale).toString());
        Arbitrary<String> scaled = Combinators.combine(
                        unscaled, Arbitraries.integers().between(Integer.MIN_VALUE + 1, Integer.MAX_VALUE))
                .as((digits, scale) -> new BigDecimal(digits, scale).toString());
        return Arbitraries.frequencyOf(
                Tuple.of(4, fixed),
                Tuple.of(1, extreme),
                Tuple.of(1, extreme.map(d -> "\"" + d + "\"")),
                Tuple.of(1, scaled),
                Tuple.of(1, scaled.map(d -> "\"" + d + "\"")));
    }

    private static Arbitrary<String> wholeNumbers() {
        return Arbitraries.oneOf(
                Arbitraries.of(
                        "0",
                        "-0",
                        "-1",
                        "1.5",
                        "1.0",
                        "100000",
                        "100001",
                        "2147483647",
                        "2147483648",
                        "-2147483649",
                        "9223372036854775808",
                        "1e400",
                        "1E+2",
                        "\"1\"",
                        "\"x\"",
                        "\"1.5\"",
                        "9".repeat(1001)),
                Arbitraries.longs().map(String::valueOf));
    }

    private static Arbitrary<String> timestamps() {
        Instant now = Instant.now();
        Arbitrary<String> fixed = Arbitraries.of(
                "\"" + now.plus(4, ChronoUnit.MINUTES) + "\"",
                "\"" + now.plus(6, ChronoUnit.MINUTES) + "\"",
                "\"1999-12-31T23:59:59Z\"",
                "\"2000-01-01T00:00:00Z\"",
                "\"2999-12-31T23:59:59Z\"",
                "\"0000-01-01T00:00:00Z\"",
                "\"+1000000000-01-01T00:00:00Z\"",
                "\"-1000000000-01-01T00:00:00Z\"",
                "\"+1000000001-01-01T00:00:00Z\"",
                "\"2020-02-30T00:00:00Z\"",
                "\"2020-01-01T25:00:00Z\"",
                "\"2020-01-01\"",
                "\"2020-01-01T00:00:00\"",
                "\"2020-01-01T00:00:00+14:00\"",
                "\"2020-01-01T00:00:00+99:00\"",
                "\"2020-01-01T00:00:00.123456789123Z\"",
                "\"2020-01-01 00:00:00Z\"",
                "\"yesterday\"",
                "\"\"",
                "1.5",
                "0",
                "-1",
                "1e400",
                "-1e300",
                "99999999999999999999",
                "1700000000",
                "1700000000000");
        Arbitrary<String> anyInstant = Arbitraries.longs()
                .between(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond())
                .map(seconds -> "\"" + Instant.ofEpochSecond(seconds) + "\"");
        return Arbitraries.frequencyOf(Tuple.of(3, fixed), Tuple.of(1, anyInstant));
    }

    private static Arbitrary<String> currencies() {
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

    private static Arbitrary<String> countries() {
        return Arbitraries.oneOf(
                Arbitraries.of("\"ZZ\"", "\"us\"", "\"UK\"", "\"GB\"", "\"USA\"", "\"EU\"", "\"XK\"", "\"\"", "\"U\""),
                Arbitraries.strings().withCharRange('A', 'Z').ofLength(2).map(code -> "\"" + code + "\""));
    }

    private static Arbitrary<String> ids() {
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
                Arbitraries.strings().all().ofMaxLength(70).map(EdgeValues::quoted));
    }

    private static Arbitrary<String> emails() {
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

    private static Arbitrary<String> texts() {
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
                Tuple.of(2, Arbitraries.strings().all().ofMaxLength(300).map(EdgeValues::quoted)));
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
