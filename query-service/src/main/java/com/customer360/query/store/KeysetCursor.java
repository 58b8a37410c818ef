package com.customer360.query.store;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.bson.conversions.Bson;

/**
 * Where a page of a newest-first list (an order history, a timeline) starts, as an opaque token: the time and id of
 * the row next to it and the direction to read in. A page read from a cursor costs what the first page costs, however
 * deep it is, because the list's index on (owner, time, id) is entered at that row.
 *
 * @param older {@code true} for the rows after {@code id} (older ones), {@code false} for the rows before it
 */
public record KeysetCursor(Instant time, String id, boolean older) {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    public String encode() {
        String plain = (older ? "o" : "n") + time.toEpochMilli() + ":" + id;
        return ENCODER.encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @throws IllegalArgumentException if {@code token} is not a cursor this service wrote
     */
    public static KeysetCursor decode(String token) {
        String plain;
        try {
            plain = new String(DECODER.decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("is not a cursor of this list", e);
        }
        int colon = plain.indexOf(':');
        if (plain.length() < 4 || colon < 2 || (plain.charAt(0) != 'o' && plain.charAt(0) != 'n')) {
            throw new IllegalArgumentException("is not a cursor of this list");
        }
        try {
            long millis = Long.parseLong(plain.substring(1, colon));
            return new KeysetCursor(Instant.ofEpochMilli(millis), plain.substring(colon + 1), plain.charAt(0) == 'o');
        } catch (NumberFormatException | java.time.DateTimeException e) {
            throw new IllegalArgumentException("is not a cursor of this list", e);
        }
    }

    /** The rows beyond the cursor's row in its direction, for a list sorted by {@code timeField} then {@code _id}. */
    public Bson beyond(String timeField) {
        Date at = Date.from(time);
        return older
                ? Filters.or(Filters.lt(timeField, at), Filters.and(Filters.eq(timeField, at), Filters.lt("_id", id)))
                : Filters.or(Filters.gt(timeField, at), Filters.and(Filters.eq(timeField, at), Filters.gt("_id", id)));
    }

    /** The order to read in from the cursor: newest first when reading older rows, else oldest first. */
    public Bson sort(String timeField) {
        return older ? newestFirst(timeField) : Sorts.ascending(timeField, "_id");
    }

    /** The list's own order: newest first, ties by the higher id. */
    public static Bson newestFirst(String timeField) {
        return Sorts.descending(timeField, "_id");
    }
}
