package com.customer360.query.order;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Where a page of the order history starts, as an opaque token: the order date and id of the row next to it and the
 * direction to read in. A page read from a cursor costs what the first page costs, however deep it is, because the
 * index on (customer, order date, order id) is entered at that row.
 *
 * @param older {@code true} for the rows after {@code orderId} (older orders), {@code false} for the rows before it
 */
public record HistoryCursor(Instant orderDate, String orderId, boolean older) {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    public String encode() {
        String plain = (older ? "o" : "n") + orderDate.toEpochMilli() + ":" + orderId;
        return ENCODER.encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @throws IllegalArgumentException if {@code token} is not a cursor this service wrote
     */
    public static HistoryCursor decode(String token) {
        String plain;
        try {
            plain = new String(DECODER.decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("is not a cursor of this history", e);
        }
        int colon = plain.indexOf(':');
        if (plain.length() < 4 || colon < 2 || (plain.charAt(0) != 'o' && plain.charAt(0) != 'n')) {
            throw new IllegalArgumentException("is not a cursor of this history");
        }
        try {
            long millis = Long.parseLong(plain.substring(1, colon));
            return new HistoryCursor(Instant.ofEpochMilli(millis), plain.substring(colon + 1), plain.charAt(0) == 'o');
        } catch (NumberFormatException | java.time.DateTimeException e) {
            throw new IllegalArgumentException("is not a cursor of this history", e);
        }
    }
}
