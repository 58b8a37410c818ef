package com.customer360.command.api;

import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Makes one random value from a seeded {@link Random}: the building block of the fuzz generators, a few lines of our
 * own in place of a property-testing library. The same seed gives the same values, so a failure found once can be
 * found again.
 *
 * <p>Numbers and lengths are not drawn uniformly: a uniform draw over {@code int} almost never hits 0, 1 or the
 * ends of the range, and those are where the bugs are. About one draw in ten is an edge, four in ten are small.
 */
@FunctionalInterface
interface Generator<T> {

    T next(Random random);

    default <R> Generator<R> map(Function<? super T, ? extends R> mapping) {
        return random -> mapping.apply(next(random));
    }

    /** Null with this probability: an optional field left out, a header not sent. */
    default Generator<T> orNull(double probability) {
        return random -> random.nextDouble() < probability ? null : next(random);
    }

    @SafeVarargs
    static <T> Generator<T> of(T... values) {
        return of(List.of(values));
    }

    static <T> Generator<T> of(List<? extends T> values) {
        List<? extends T> choices = List.copyOf(values);
        return random -> choices.get(random.nextInt(choices.size()));
    }

    /** Draws from one of the generators, each as likely as the others. */
    @SafeVarargs
    static <T> Generator<T> oneOf(Generator<? extends T>... generators) {
        return random -> generators[random.nextInt(generators.length)].next(random);
    }

    /** Draws from one of the generators with odds in proportion to their weights. */
    @SafeVarargs
    static <T> Generator<T> frequency(Weighted<? extends T>... choices) {
        int total = 0;
        for (Weighted<? extends T> choice : choices) {
            total += choice.weight();
        }
        int sum = total;
        return random -> {
            int roll = random.nextInt(sum);
            for (Weighted<? extends T> choice : choices) {
                roll -= choice.weight();
                if (roll < 0) {
                    return choice.generator().next(random);
                }
            }
            throw new IllegalStateException("weights changed");
        };
    }

    static <T> Weighted<T> weight(int weight, Generator<? extends T> generator) {
        return new Weighted<>(weight, generator);
    }

    /** One choice of {@link #frequency}. */
    record Weighted<T>(int weight, Generator<? extends T> generator) {}

    static Generator<Integer> ints(int min, int max) {
        return longs(min, max).map(Long::intValue);
    }

    /** A number in [min, max]: often an edge or a small value (see the class comment), otherwise uniform. */
    static Generator<Long> longs(long min, long max) {
        long nearZero = Math.max(min, Math.min(max, 0));
        return random -> {
            int roll = random.nextInt(10);
            if (roll == 0) {
                long[] edges = {min, max, nearZero, nearZero + 1, nearZero - 1};
                return Math.max(min, Math.min(max, edges[random.nextInt(edges.length)]));
            }
            if (roll < 5) {
                long offset = random.nextLong() >> (1 + random.nextInt(63));
                long small = nearZero + offset;
                boolean overflowed = (offset > 0 && small < nearZero) || (offset < 0 && small > nearZero);
                return overflowed ? nearZero : Math.max(min, Math.min(max, small));
            }
            if (min == Long.MIN_VALUE && max == Long.MAX_VALUE) {
                return random.nextLong();
            }
            return max == Long.MAX_VALUE ? random.nextLong(min - 1, max) + 1 : random.nextLong(min, max + 1);
        };
    }

    /** Text of these characters only, of a length in [minLength, maxLength]. */
    static Generator<String> strings(String alphabet, int minLength, int maxLength) {
        return strings(random -> alphabet.charAt(random.nextInt(alphabet.length())), minLength, maxLength);
    }

    /** Text of any UTF-16 code units, unpaired surrogates and control characters included. */
    static Generator<String> anyStrings(int maxLength) {
        return strings(Generator::anyChar, 0, maxLength);
    }

    private static Generator<String> strings(Generator<Character> chars, int minLength, int maxLength) {
        Generator<Integer> length = ints(minLength, maxLength);
        return random -> {
            int size = length.next(random);
            StringBuilder text = new StringBuilder(size);
            for (int i = 0; i < size; i++) {
                text.append(chars.next(random).charValue());
            }
            return text.toString();
        };
    }

    /** Any char, weighted toward the ones that break parsers: controls, lone surrogates, plain ASCII among them. */
    private static char anyChar(Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> (char) random.nextInt(0x20);
            case 1 -> (char) random.nextInt(Character.MIN_SURROGATE, Character.MAX_SURROGATE + 1);
            case 2, 3 -> (char) random.nextInt(0x20, 0x7F);
            default -> (char) random.nextInt(Character.MAX_VALUE + 1);
        };
    }

    /** The characters from first to last, in order, as an alphabet for {@link #strings(String, int, int)}. */
    static String range(char first, char last) {
        StringBuilder chars = new StringBuilder();
        for (char c = first; c <= last; c++) {
            chars.append(c);
        }
        return chars.toString();
    }
}
