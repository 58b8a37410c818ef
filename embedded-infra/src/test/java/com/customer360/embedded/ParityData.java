package com.customer360.embedded;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import org.bson.Document;
import org.bson.types.Decimal128;

/**
 * Seeded random order-like documents for {@link IndexParityTest}: few customers with many orders, dates with many
 * ties, and now and then a value of another type, a {@code null} or a missing field, so that the index order and the
 * matcher's type rules meet at their edges.
 */
final class ParityData {

    static final List<String> STATUSES = List.of("DRAFT", "PLACED", "SHIPPED", "DELIVERED", "CANCELLED");
    private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

    private final Random random;

    ParityData(Random random) {
        this.random = random;
    }

    Document order(int number) {
        Document document = new Document("_id", String.format("o-%05d", number));
        maybe(document, "customerId", customerId());
        maybe(document, "status", status());
        maybe(document, "orderDate", orderDate());
        maybe(document, "amount", amount());
        maybe(document, "flag", random.nextInt(10) < 6 ? (Object) random.nextBoolean() : null);
        maybe(document, "name", name());
        maybe(document, "lastAt", random.nextInt(4) == 0 ? null : date(random.nextInt(50)));
        if (random.nextInt(20) == 0) {
            document.append("weird", weird());
        }
        if (random.nextInt(8) == 0) {
            document.append("tags", random.nextBoolean() ? tags() : "t" + random.nextInt(5));
        }
        return document;
    }

    /** Mostly strings of a few dozen customers, a few of them with most of the orders. */
    Object customerId() {
        int kind = random.nextInt(40);
        if (kind == 0) {
            return null;
        }
        if (kind == 1) {
            return random.nextInt(3);
        }
        int customer = random.nextInt(4) == 0 ? random.nextInt(30) : random.nextInt(3);
        return "c-" + customer;
    }

    String status() {
        return STATUSES.get(random.nextInt(STATUSES.size()));
    }

    /** Dates on few distinct days (ties), now and then a string or null. */
    Object orderDate() {
        int kind = random.nextInt(30);
        if (kind == 0) {
            return "2026-03-01";
        }
        if (kind == 1) {
            return null;
        }
        return date(random.nextInt(60));
    }

    Date date(int day) {
        return Date.from(EPOCH.plus(day, ChronoUnit.DAYS).plus(random.nextInt(3) * 7, ChronoUnit.HOURS));
    }

    /** Numbers of every type the query side stores, equal values among them. */
    Object amount() {
        int value = random.nextInt(200);
        return switch (random.nextInt(5)) {
            case 0 -> value;
            case 1 -> (long) value;
            case 2 -> value + 0.5;
            case 3 -> new Decimal128(new java.math.BigDecimal(value + ".25"));
            default -> (double) value;
        };
    }

    String name() {
        String[] names = {"Ada", "ada", "Ada ", "Bob", "Bo", "Carla", "", "Zoë"};
        return names[random.nextInt(names.length)];
    }

    /** Values the index cannot order like the matcher: they must keep ranges and sorts on it to the scan. */
    Object weird() {
        return switch (random.nextInt(5)) {
            case 0 -> Double.NaN;
            case 1 -> Long.MAX_VALUE - random.nextInt(3);
            case 2 -> new Document("x", random.nextInt(3));
            case 3 -> 3_000_000_000.5;
            default -> random.nextInt(5);
        };
    }

    List<Object> tags() {
        List<Object> tags = new ArrayList<>();
        int size = random.nextInt(4);
        for (int i = 0; i < size; i++) {
            tags.add("t" + random.nextInt(5));
        }
        return tags;
    }

    private void maybe(Document document, String field, Object value) {
        if (random.nextInt(25) != 0) {
            document.append(field, value);
        }
    }
}
