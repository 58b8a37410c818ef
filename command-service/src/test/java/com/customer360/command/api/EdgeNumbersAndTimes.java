package com.customer360.command.api;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** Edge values for amounts, quantities and timestamps, as raw JSON text: see {@link EdgeValues}. */
final class EdgeNumbersAndTimes {

    private EdgeNumbersAndTimes() {}

    static Arbitrary<String> decimals() {
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

    static Arbitrary<String> wholeNumbers() {
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

    static Arbitrary<String> timestamps() {
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
}
