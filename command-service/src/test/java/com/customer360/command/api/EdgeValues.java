package com.customer360.command.api;

import static com.customer360.command.api.Generator.frequency;
import static com.customer360.command.api.Generator.of;
import static com.customer360.command.api.Generator.oneOf;
import static com.customer360.command.api.Generator.weight;

/**
 * Values at and beyond the edges of what each kind of field accepts, as raw JSON text: numbers no JSON library would
 * write (1e400, NaN, a thousand digits), strings with unpaired surrogates or control characters, lengths one past
 * every limit, timestamps at the ends of time. A field gets mostly values of its own kind and sometimes anything.
 */
final class EdgeValues {

    private EdgeValues() {}

    /** Edge values for the field of this name, or for any field. */
    static Generator<String> forField(String field) {
        Generator<String> own =
                switch (field) {
                    case "amount", "unitPrice", "total" -> EdgeNumbersAndTimes.decimals();
                    case "quantity" -> EdgeNumbersAndTimes.wholeNumbers();
                    case "placedAt", "at" -> EdgeNumbersAndTimes.timestamps();
                    case "currency" -> EdgeTexts.currencies();
                    case "country" -> EdgeTexts.countries();
                    case "customerId", "orderId", "storeId", "refundId" -> EdgeTexts.ids();
                    case "email" -> EdgeTexts.emails();
                    case "status" -> of("\"IN_TRANSIT\"", "\"DELIVERED\"", "\"delivered\"", "\"LOST\"", "\"\"", "1");
                    case "draft" -> of("true", "false", "\"true\"", "1", "0", "\"yes\"", "null");
                    default -> EdgeTexts.texts();
                };
        return frequency(weight(7, own), weight(3, any()));
    }

    static Generator<String> any() {
        return oneOf(
                structural(),
                EdgeNumbersAndTimes.decimals(),
                EdgeNumbersAndTimes.wholeNumbers(),
                EdgeNumbersAndTimes.timestamps(),
                EdgeTexts.currencies(),
                EdgeTexts.countries(),
                EdgeTexts.ids(),
                EdgeTexts.emails(),
                EdgeTexts.texts());
    }

    private static Generator<String> structural() {
        return of(
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
}
