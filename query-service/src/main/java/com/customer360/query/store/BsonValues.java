package com.customer360.query.store;

import com.customer360.events.Address;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.bson.types.Decimal128;

/**
 * How the read models store the value types they share: money as {@link Decimal128} (exact, with its scale, never a
 * {@code double}), instants as BSON dates, addresses as embedded documents.
 */
public final class BsonValues {

    private BsonValues() {}

    public static Decimal128 money(BigDecimal amount) {
        return amount == null ? null : new Decimal128(amount);
    }

    public static BigDecimal money(Object stored) {
        return stored == null ? null : ((Decimal128) stored).bigDecimalValue();
    }

    public static Date time(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    public static Instant time(Object stored) {
        return stored == null ? null : ((Date) stored).toInstant();
    }

    public static Document address(Address address) {
        if (address == null) {
            return null;
        }
        return new Document("name", address.name())
                .append("line1", address.line1())
                .append("line2", address.line2())
                .append("city", address.city())
                .append("region", address.region())
                .append("postalCode", address.postalCode())
                .append("country", address.country());
    }

    public static Address address(Object stored) {
        if (stored == null) {
            return null;
        }
        Document address = (Document) stored;
        return new Address(
                address.getString("name"),
                address.getString("line1"),
                address.getString("line2"),
                address.getString("city"),
                address.getString("region"),
                address.getString("postalCode"),
                address.getString("country"));
    }
}
