package com.customer360.command.api;

import static com.customer360.command.api.Generator.frequency;
import static com.customer360.command.api.Generator.ints;
import static com.customer360.command.api.Generator.longs;
import static com.customer360.command.api.Generator.of;
import static com.customer360.command.api.Generator.oneOf;
import static com.customer360.command.api.Generator.weight;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Edge values for amounts, quantities and timestamps, as raw JSON text: see {@link EdgeValues}. */
final class EdgeNumbersAndTimes {

    private EdgeNumbersAndTimes() {}

    static Generator<String> decimals() {
        Generator<String> fixed = of(
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
        Generator<BigInteger> unscaled = longs(-1_000_000, 1_000_000).map(BigInteger::valueOf);
        Generator<Integer> extremeScale = oneOf(
                ints(Integer.MIN_VALUE + 1, Integer.MIN_VALUE + 8), ints(Integer.MAX_VALUE - 8, Integer.MAX_VALUE));
        Generator<String> extreme = decimal(unscaled, extremeScale);
        Generator<String> scaled = decimal(unscaled, ints(Integer.MIN_VALUE + 1, Integer.MAX_VALUE));
        return frequency(
                weight(4, fixed),
                weight(1, extreme),
                weight(1, extreme.map(d -> "\"" + d + "\"")),
                weight(1, scaled),
                weight(1, scaled.map(d -> "\"" + d + "\"")));
    }

    private static Generator<String> decimal(Generator<BigInteger> unscaled, Generator<Integer> scale) {
        return random -> new BigDecimal(unscaled.next(random), scale.next(random)).toString();
    }

    static Generator<String> wholeNumbers() {
        return oneOf(
                of(
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
                longs(Long.MIN_VALUE, Long.MAX_VALUE).map(String::valueOf));
    }

    static Generator<String> timestamps() {
        Instant now = Instant.now();
        Generator<String> fixed = of(
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
        Generator<String> anyInstant = longs(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond())
                .map(seconds -> "\"" + Instant.ofEpochSecond(seconds) + "\"");
        return frequency(weight(3, fixed), weight(1, anyInstant));
    }
}
